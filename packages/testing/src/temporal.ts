import { temporalCliPath } from './binaries.js'
import { getFreePort, startProcess, waitForPort } from './process.js'
import type { ManagedProcess } from './process.js'

export interface TemporalDevServer {
  /** host:port of the frontend gRPC service. */
  address: string
  port: number
  uiPort: number
  namespace: string
  process: ManagedProcess
  stop(): Promise<void>
}

/**
 * Starts the real Temporal dev server (`temporal server start-dev`, in-memory SQLite) on free
 * ports. Pass `port` to restart one on the same address (e.g. after stopping it in a test).
 */
export async function startTemporalDevServer(options: { port?: number; namespace?: string; dbFile?: string } = {}): Promise<TemporalDevServer> {
  const port = options.port ?? (await getFreePort())
  const uiPort = await getFreePort()
  const namespace = options.namespace ?? 'default'
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless', '--ui-port', String(uiPort), '--log-level', 'error']
  if (namespace !== 'default') args.push('--namespace', namespace)
  if (options.dbFile) args.push('--db-filename', options.dbFile)
  const proc = startProcess(temporalCliPath(), args)
  try {
    await waitForPort(port, '127.0.0.1', 60_000, proc.child)
  } catch (e) {
    await proc.stop('SIGKILL')
    throw new Error(`Temporal dev server did not start: ${(e as Error).message}\n${proc.output()}`)
  }
  return { address: `127.0.0.1:${port}`, port, uiPort, namespace, process: proc, stop: () => proc.stop() }
}
