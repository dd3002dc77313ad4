// The committed SQLite migrations (what `next start` applies) must describe the current schema:
// a collection or field changed without `pnpm --filter @orbit/app migrate:create <name>` fails here.
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { afterAll, expect, it } from 'vitest'

import { appDir } from './support/app.js'

// Payload's CLI (not in its package exports; the app's own node_modules link always has it).
const payloadBin = join(appDir, 'node_modules/payload/bin.js')
let dir: string | undefined

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

it('has committed migrations that match the collections (no schema drift)', async () => {
  dir = await mkdtemp(join(tmpdir(), 'orbit-migrations-'))
  const migrations = join(dir, 'migrations')
  await cp(join(appDir, 'src/migrations'), migrations, { recursive: true })
  const before = await readdir(migrations)
  await promisify(execFile)(process.execPath, [payloadBin, 'migrate:create', 'drift', '--skip-empty'], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      NODE_OPTIONS: '--no-deprecation',
      ORBIT_MIGRATION_DIR: migrations,
      ORBIT_DATA_DIR: dir,
      DATABASE_URI: `file:${join(dir, 'drift.db')}`,
      ORBIT_DEMO_SEED: 'false',
    },
  })
  const added = (await readdir(migrations)).filter((f) => !before.includes(f))
  expect(added, 'the schema changed: run `pnpm --filter @orbit/app migrate:create <name>` and commit src/migrations').toEqual([])
})
