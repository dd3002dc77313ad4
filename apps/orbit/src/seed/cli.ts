// `pnpm --filter @orbit/app seed`: runs the demo seed against DATABASE_URI (idempotent).
import config from '../payload.config.js'
import { getPayload } from 'payload'

import { seedDemo } from './demo.js'

process.env.ORBIT_DEMO_SEED = 'false' // seed once, here, not also on init
const payload = await getPayload({ config })
try {
  await seedDemo(payload)
} finally {
  await payload.destroy()
}
