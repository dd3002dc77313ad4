// Runs the real `orbit-worker` binary (dist/bin/worker.js, from `pnpm build`) as a child process.
import { startProcess } from '@orbit/testing'
import type { ManagedProcess } from '@orbit/testing'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Resolved through the package's own name, so it works from test/ and from the compiled bench.
export const WORKER_BIN = join(dirname(fileURLToPath(import.meta.resolve('@orbit/deployments-worker/package.json'))), 'dist', 'bin', 'worker.js')

export function requireBuiltWorker(): string {
  if (!existsSync(WORKER_BIN)) throw new Error(`${WORKER_BIN} is missing: run \`pnpm --filter @orbit/deployments-worker build\` first (turbo's test task does)`)
  return WORKER_BIN
}

export interface WorkerProcess extends ManagedProcess {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function startWorkerProcess(env: Record<string, string | undefined>): WorkerProcess {
  const proc = startProcess(process.execPath, [requireBuiltWorker()], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'debug', ...env },
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  // Everything the worker wrote, not only the last 200 lines: tests search it for secrets.
  const all: Buffer[] = []
  proc.child.stdout?.on('data', (c: Buffer) => all.push(c))
  proc.child.stderr?.on('data', (c: Buffer) => all.push(c))
  return Object.assign(proc, { exited, output: () => Buffer.concat(all).toString() })
}

/** Resolves once the worker logged that it polls, or rejects with its output. */
export async function waitUntilStarted(proc: WorkerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!proc.output().includes('orbit-worker started')) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`orbit-worker exited early:\n${proc.output()}`)
    if (Date.now() > deadline) throw new Error(`orbit-worker did not start within ${timeoutMs} ms:\n${proc.output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
