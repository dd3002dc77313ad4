// Runs the BUILT app (`next build` output in .next/) with `next start`, as production does.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { restClient, startBuiltOrbitApp } from '@orbit/testing'
import type { RestResponse, RunningOrbitApp } from '@orbit/testing'

export const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const nextBin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next')

/**
 * Makes sure a production build exists. `turbo run test` builds first (the `build` task), so
 * this normally reuses it; a bare `vitest run` builds once (about a minute and a half).
 */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(join(appDir, '.next', 'BUILD_ID'))) return
  await promisify(execFile)(process.execPath, [nextBin, 'build', '--webpack'], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation' },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: Error & { stdout?: string; stderr?: string }) => {
    throw new Error(`next build failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`)
  })
}

export type RunningApp = RunningOrbitApp

/** `next start` on a free port with the given environment (DATABASE_URI, PAYLOAD_SECRET, …). */
export const startApp = (env: Record<string, string>): Promise<RunningApp> => startBuiltOrbitApp(env, { timeoutMs: 60_000 })

export type ApiResponse<T = Record<string, unknown>> = RestResponse<T>

/** A small REST client: JSON in, JSON out, optional `Authorization` header. */
export const api = restClient
