import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig } from 'payload'
import type { SanitizedConfig } from 'payload'

import { deploymentsPlugin } from '../src/index.js'
import type { DeploymentsPluginOptions } from '../src/types.js'
import { Apps, Users, WorkspaceMembers, Workspaces } from './collections.js'

export type TestDatabase = 'sqlite' | 'mongodb'

export interface DevConfigOptions {
  db: TestDatabase
  /** mongodb:// URI (required for `mongodb`). */
  mongoUri?: string
  /** SQLite file (default: a new temp file). */
  sqliteFile?: string
  plugin?: DeploymentsPluginOptions
}

/**
 * The dev/test Payload config: minimal host collections (users with roles and API keys,
 * workspaces, workspace-members, apps) plus the plugin, on SQLite or MongoDB (FerretDB in tests).
 */
export function devConfig(options: DevConfigOptions): Promise<SanitizedConfig> {
  const db =
    options.db === 'sqlite'
      ? sqliteAdapter({
          // Never reuse a deleted row's id: workflow IDs are built from deployment ids.
          autoIncrement: true,
          client: { url: `file:${options.sqliteFile ?? join(mkdtempSync(join(tmpdir(), 'orbit-plugin-sqlite-')), 'payload.db')}` } })
      : mongooseAdapter({
          url: options.mongoUri ?? '',
          // FerretDB 1.x has no transactions; see README ("FerretDB limits").
          transactionOptions: false,
        })
  return buildConfig({
    secret: 'orbit-plugin-test-secret-not-for-production',
    admin: { user: 'users' },
    collections: [Users, Workspaces, WorkspaceMembers, Apps],
    db,
    telemetry: false,
    typescript: { autoGenerate: false },
    logger: { options: { level: (process.env.ORBIT_TEST_LOG_LEVEL as 'warn' | undefined) ?? 'warn' } },
    plugins: [deploymentsPlugin(options.plugin)],
  })
}
