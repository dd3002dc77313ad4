// The database adapter, chosen from DATABASE_URI: unset or `file:` -> embedded SQLite (default),
// `mongodb://` / `mongodb+srv://` -> MongoDB (or anything speaking its wire protocol).
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { dataDir } from './env.js'
import { migrations } from './migrations/index.js'

export type DatabaseKind = 'sqlite' | 'mongodb'

/** Which adapter a DATABASE_URI selects; a clear error naming DATABASE_URI otherwise. */
export function databaseKind(uri: string | undefined): DatabaseKind {
  if (!uri || uri.trim() === '' || uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  const scheme = uri.split(':')[0]
  throw new Error(`DATABASE_URI: unsupported scheme "${scheme}:"; use file:<path> (SQLite, the default) or mongodb://…`)
}

/** `file:` URL of the SQLite database; relative paths are resolved against the working directory. */
export function sqliteUrl(uri: string | undefined): string {
  const path = !uri || uri.trim() === '' ? join(dataDir(), 'orbit.db') : resolve(uri.slice('file:'.length))
  mkdirSync(dirname(path), { recursive: true })
  return `file:${path}`
}

export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  if (databaseKind(uri) === 'mongodb') return mongooseAdapter({ url: uri! })
  return sqliteAdapter({
    client: { url: sqliteUrl(uri) },
    // Never reuse a deleted row's id: a deployment's id is also its Temporal workflow ID.
    autoIncrement: true,
    // Dev pushes the schema; production (`next start`, NODE_ENV=production) applies the committed
    // migrations in src/migrations on start instead.
    migrationDir: process.env.ORBIT_MIGRATION_DIR ?? resolve(process.cwd(), 'src/migrations'),
    prodMigrations: migrations,
  })
}
