import { redirect } from 'next/navigation'

/** Orbit lives in the admin for now. */
export default function Home(): never {
  redirect('/admin')
}
