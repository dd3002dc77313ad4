// Settings read from the environment, with the dev defaults README.md and .env.example list.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** `next build` sets this phase; the config is evaluated then without runtime secrets. */
const isBuildPhase = (): boolean => process.env.NEXT_PHASE === 'phase-production-build'

export const isProduction = (): boolean => process.env.NODE_ENV === 'production'

/**
 * Where local data lives (SQLite file, the demo's bare git repository): `ORBIT_DATA_DIR`, else
 * `.data/` at the monorepo root when running inside it, else `.data/` in the working directory.
 * Every `.data/` folder is git-ignored.
 */
export function dataDir(): string {
  if (process.env.ORBIT_DATA_DIR) return resolve(process.env.ORBIT_DATA_DIR)
  let dir = process.cwd()
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, '.data')
    const parent = dirname(dir)
    if (parent === dir) return resolve('.data')
    dir = parent
  }
}

/** The dev-only secret; production refuses to start with it (or without PAYLOAD_SECRET). */
export const DEV_PAYLOAD_SECRET = 'orbit-dev-secret-do-not-use-in-production'

export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret && secret.trim() !== '') {
    if (isProduction() && !isBuildPhase() && secret === DEV_PAYLOAD_SECRET) {
      throw new Error('PAYLOAD_SECRET is the dev default; set a random secret for production (e.g. `openssl rand -hex 32`)')
    }
    return secret
  }
  if (isProduction() && !isBuildPhase()) {
    throw new Error('PAYLOAD_SECRET is not set: production mode refuses to start without it (e.g. `openssl rand -hex 32`)')
  }
  return DEV_PAYLOAD_SECRET
}

/** The demo seed runs on init in dev unless ORBIT_DEMO_SEED=false; never in production. */
export function demoSeedOnInit(): boolean {
  if (isProduction()) return false
  return !['0', 'false', 'no', 'off'].includes((process.env.ORBIT_DEMO_SEED ?? '').toLowerCase())
}
