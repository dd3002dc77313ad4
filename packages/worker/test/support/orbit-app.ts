// Runs the REAL Orbit app (apps/orbit, built by `next build`) with `next start`, as production
// does. The worker's package.json lists @orbit/app as a devDependency so that turbo builds the
// app before this package's tests; a missing build fails the suite with what to run.
import { getFreePort, repoRoot, startProcess, waitForPort } from '@orbit/testing'
import type { ManagedProcess } from '@orbit/testing'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export const appDir = (): string => join(repoRoot(), 'apps', 'orbit')

export function requireBuiltApp(): string {
  const dir = appDir()
  if (!existsSync(join(dir, '.next', 'BUILD_ID'))) {
    throw new Error(`apps/orbit is not built (${join(dir, '.next', 'BUILD_ID')} missing): run \`pnpm --filter @orbit/app build\` (turbo's test task does)`)
  }
  return dir
}

export interface RunningOrbitApp {
  url: string
  process: ManagedProcess
  stop(): Promise<void>
}

export async function startOrbitApp(env: Record<string, string>): Promise<RunningOrbitApp> {
  const dir = requireBuiltApp()
  const nextBin = createRequire(join(dir, 'package.json')).resolve('next/dist/bin/next')
  const port = await getFreePort()
  const proc = startProcess(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation', ...env },
  })
  try {
    await waitForPort(port, '127.0.0.1', 90_000, proc.child)
  } catch (e) {
    await proc.stop('SIGKILL')
    throw new Error(`the Orbit app did not start: ${(e as Error).message}\n${proc.output()}`)
  }
  return { url: `http://127.0.0.1:${port}`, process: proc, stop: () => proc.stop() }
}

export interface Api {
  <T = Record<string, unknown>>(method: string, path: string, options?: { body?: unknown; auth?: string }): Promise<{ status: number; body: T }>
}

export function api(baseUrl: string): Api {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.auth) headers.authorization = options.auth
    const res = await fetch(baseUrl + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
    const text = await res.text()
    let body: unknown
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      body = { text }
    }
    return { status: res.status, body: body as never }
  }
}
