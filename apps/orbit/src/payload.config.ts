import { deploymentsPlugin } from '@orbit/payload-plugin-deployments'
import { buildConfig } from 'payload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { isPlatformAdmin, isServiceAccount, workspaceRoles } from './access/index.js'
import { Apps } from './collections/Apps.js'
import { Users } from './collections/Users.js'
import { WorkspaceMembers } from './collections/WorkspaceMembers.js'
import { Workspaces } from './collections/Workspaces.js'
import { databaseAdapter } from './db.js'
import { demoSeedOnInit, payloadSecret } from './env.js'
import { ensureServiceAccount, seedDemo } from './seed/demo.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.ORBIT_SERVER_URL ?? '',
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    // Payload's built-in avatar, not Gravatar: the admin asks no third party for anything (which
    // would send a hash of each person's email out and fails on machines without internet).
    avatar: 'default',
    meta: { titleSuffix: ' · Orbit' },
    importMap: { baseDir: dirname },
  },
  collections: [Users, Workspaces, WorkspaceMembers, Apps],
  db: databaseAdapter(),
  // Types come from `pnpm --filter @orbit/app generate:types` (SQLite ids), never as a side effect
  // of starting Payload (a MongoDB run would rewrite them with string ids).
  typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: { disablePlaygroundInProduction: true },
  telemetry: false,
  plugins: [
    // deployment-generators + deployments, workflow start, endpoints, built-in generator seeding.
    // Temporal comes from TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE / ORBIT_TASK_QUEUE (plugin defaults).
    deploymentsPlugin({
      isPlatformAdmin,
      isServiceAccount,
      getUserWorkspaceRoles: async (req) => Object.fromEntries([...(await workspaceRoles(req))].map(([id, { role }]) => [id, role])),
    }),
  ],
  onInit: async (payload) => {
    if (demoSeedOnInit()) await seedDemo(payload)
    else await ensureServiceAccount(payload)
  },
})
