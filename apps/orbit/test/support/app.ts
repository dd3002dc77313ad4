// Runs the BUILT app (`next build` output in .next/) with `next start`, as production does.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { getFreePort, startProcess, waitForPort } from '@orbit/testing'
import type { ManagedProcess } from '@orbit/testing'

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

export interface RunningApp {
  url: string
  process: ManagedProcess
  stop(): Promise<void>
}

/** `next start` on a free port with the given environment (DATABASE_URI, PAYLOAD_SECRET, …). */
export async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const port = await getFreePort()
  const proc = startProcess(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation', ...env },
  })
  try {
    await waitForPort(port, '127.0.0.1', 60_000, proc.child)
  } catch (e) {
    await proc.stop('SIGKILL')
    throw new Error(`next start did not listen: ${(e as Error).message}\n${proc.output()}`)
  }
  return { url: `http://127.0.0.1:${port}`, process: proc, stop: () => proc.stop() }
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number
  body: T
}

/** A small REST client: JSON in, JSON out, optional `Authorization` header. */
export function api(baseUrl: string) {
  return async function request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; auth?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {}
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.auth) headers.authorization = options.auth
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
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
