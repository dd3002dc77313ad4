import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { repoRoot } from './binaries.js'
import { getFreePort, startProcess, waitForPort } from './process.js'
import type { ManagedProcess } from './process.js'

/** apps/orbit, the Next.js + Payload app that hosts the plugin. */
export const orbitAppDir = (): string => join(repoRoot(), 'apps', 'orbit')

/** The app's `next build` output must exist (turbo's `test` task builds it first); fails loudly otherwise. */
export function requireBuiltOrbitApp(dir = orbitAppDir()): string {
  if (!existsSync(join(dir, '.next', 'BUILD_ID'))) {
    throw new Error(`apps/orbit is not built (${join(dir, '.next', 'BUILD_ID')} missing): run \`pnpm --filter @orbit/app build\` (turbo's test task does)`)
  }
  return dir
}

export interface RunningOrbitApp {
  url: string
  port: number
  process: ManagedProcess
  stop(): Promise<void>
}

/**
 * Runs the BUILT Orbit app with `next start` on a free loopback port, as production does, with
 * only PATH/HOME from this process plus `env` (DATABASE_URI, PAYLOAD_SECRET, TEMPORAL_ADDRESS…).
 */
export async function startBuiltOrbitApp(env: Record<string, string>, options: { timeoutMs?: number; appDir?: string } = {}): Promise<RunningOrbitApp> {
  const dir = requireBuiltOrbitApp(options.appDir)
  const nextBin = createRequire(join(dir, 'package.json')).resolve('next/dist/bin/next')
  const port = await getFreePort()
  const proc = startProcess(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation', ...env },
  })
  try {
    await waitForPort(port, '127.0.0.1', options.timeoutMs ?? 90_000, proc.child)
  } catch (e) {
    await proc.stop('SIGKILL')
    throw new Error(`the Orbit app did not start: ${(e as Error).message}\n${proc.output()}`)
  }
  return { url: `http://127.0.0.1:${port}`, port, process: proc, stop: () => proc.stop() }
}

export interface RestResponse<T> {
  status: number
  body: T
}

/** A small JSON REST client for tests: optional `Authorization` header; non-JSON bodies come back as `{ text }`. */
export function restClient(baseUrl: string) {
  return async function request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; auth?: string } = {},
  ): Promise<RestResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.auth) headers.authorization = options.auth
    const res = await fetch(baseUrl + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
    const text = await res.text()
    let body: unknown
    try {
      body = text === '' ? {} : JSON.parse(text)
    } catch {
      body = { text }
    }
    return { status: res.status, body: body as T }
  }
}
