import { buildConfig } from 'payload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { Apps } from './collections/Apps.js'
import { Users } from './collections/Users.js'
import { WorkspaceMembers } from './collections/WorkspaceMembers.js'
import { Workspaces } from './collections/Workspaces.js'
import { databaseAdapter } from './db.js'
import { demoSeedOnInit, payloadSecret } from './env.js'
import { seedDemo } from './seed/demo.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.ORBIT_SERVER_URL ?? '',
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Orbit' },
    importMap: { baseDir: dirname },
  },
  collections: [Users, Workspaces, WorkspaceMembers, Apps],
  db: databaseAdapter(),
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: { disablePlaygroundInProduction: true },
  telemetry: false,
  plugins: [
    // ─── @orbit/payload-plugin-deployments goes here ───────────────────────────────────────────
    // deploymentsPlugin({ ... }) (not installed yet)
  ],
  onInit: async (payload) => {
    if (demoSeedOnInit()) await seedDemo(payload)
  },
})
