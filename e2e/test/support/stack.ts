// Starts the real stack the browser tests run against: a Temporal dev server, the BUILT Orbit
// app (`next build` output served by `next start`, SQLite in a temp dir), the real
// `orbit-worker` binary, and a bare git repository as the app's remote.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { createBareRepo, restClient, startBuiltOrbitApp, startProcess, startTemporalDevServer } from '@orbit/testing'
import type { BareRepo, ManagedProcess, RunningOrbitApp, TemporalDevServer } from '@orbit/testing'

const require = createRequire(import.meta.url)
/**
 * apps/orbit, found through the workspace dependency (so turbo builds it before this suite).
 * `ORBIT_E2E_APP_DIR` points at another built copy of the app (e.g. one built apart while
 * someone rebuilds apps/orbit).
 */
export const appDir = process.env.ORBIT_E2E_APP_DIR || dirname(require.resolve('@orbit/app/package.json'))
export const workerBin = join(dirname(fileURLToPath(import.meta.resolve('@orbit/deployments-worker/package.json'))), 'dist', 'bin', 'worker.js')

/** Fails with a clear message when a component the suite needs was not built. */
export function requireBuilt(): void {
  const missing: string[] = []
  if (!existsSync(join(appDir, '.next', 'BUILD_ID'))) missing.push(`the Orbit app is not built (${join(appDir, '.next')} missing): run \`pnpm --filter @orbit/app build\``)
  if (!existsSync(workerBin)) missing.push(`the worker is not built (${workerBin} missing): run \`pnpm --filter @orbit/deployments-worker build\``)
  if (missing.length) throw new Error(`e2e needs built components (turbo's test task builds them first):\n- ${missing.join('\n- ')}`)
}

export interface Stack {
  temporal: TemporalDevServer
  appUrl: string
  app: ManagedProcess
  worker: ManagedProcess
  repo: BareRepo
  /** The worker's service account API key. */
  serviceKey: string
  dir: string
  /** Starts the worker once the service account exists (it needs the API key). */
  startWorker(): Promise<void>
  stop(): Promise<void>
}

async function waitForOutput(proc: ManagedProcess, text: string, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!proc.output().includes(text)) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`${what} exited early:\n${proc.output()}`)
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs} ms:\n${proc.output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export async function startStack(): Promise<Stack> {
  requireBuilt()
  const dir = await mkdtemp(join(tmpdir(), 'orbit-e2e-'))
  const temporal = await startTemporalDevServer()
  const repo = await createBareRepo({ dir, files: { 'README.md': '# shop-api\n' } })
  const serviceKey = randomBytes(24).toString('hex')
  let running: RunningOrbitApp
  try {
    running = await startBuiltOrbitApp(
      {
        DATABASE_URI: `file:${join(dir, 'orbit.db')}`,
        ORBIT_DATA_DIR: dir,
        PAYLOAD_SECRET: randomBytes(32).toString('hex'),
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: temporal.namespace,
        TEMPORAL_UI_URL: `http://127.0.0.1:${temporal.uiPort}`,
      },
      { appDir },
    )
  } catch (e) {
    await temporal.stop()
    throw e
  }
  const { url: appUrl, process: app } = running
  let worker: ManagedProcess | undefined
  const stack: Stack = {
    temporal,
    appUrl,
    app,
    get worker() {
      if (!worker) throw new Error('the worker has not been started')
      return worker
    },
    repo,
    serviceKey,
    dir,
    async startWorker() {
      worker = startProcess(process.execPath, [workerBin], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TEMPORAL_ADDRESS: temporal.address,
          TEMPORAL_NAMESPACE: temporal.namespace,
          ORBIT_URL: appUrl,
          ORBIT_API_KEY: serviceKey,
          ORBIT_WORK_DIR: join(dir, 'work'),
          LOG_LEVEL: 'info',
        },
      })
      await waitForOutput(worker, 'orbit-worker started', 'orbit-worker')
    },
    async stop() {
      await worker?.stop()
      await app.stop()
      await temporal.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
  return stack
}

/** A small REST client for set-up and for checking what the UI did. */
export const rest = restClient
