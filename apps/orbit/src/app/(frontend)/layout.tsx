import type React from 'react'

export const metadata = { title: 'Orbit', description: 'Orbit Deployments' }

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
