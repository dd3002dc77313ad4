import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ferretdbPath } from './binaries.js'
import { getFreePort, startProcess, waitForPort } from './process.js'
import type { ManagedProcess } from './process.js'

export interface FerretDBServer {
  /** A MongoDB connection string for database `dbName`. */
  uri: string
  port: number
  dataDir: string
  process: ManagedProcess
  stop(): Promise<void>
}

/** Starts FerretDB (MongoDB wire protocol, SQLite backend) in its own temporary data dir. */
export async function startFerretDB(options: { dbName?: string } = {}): Promise<FerretDBServer> {
  const port = await getFreePort()
  const dataDir = await mkdtemp(join(tmpdir(), 'orbit-ferretdb-'))
  const proc = startProcess(ferretdbPath(), ['-listen-addr', `127.0.0.1:${port}`, '-handler', 'sqlite', '-sqlite-url', `file:${dataDir}/`, '-log-level', 'warn'])
  try {
    await waitForPort(port, '127.0.0.1', 60_000, proc.child)
  } catch (e) {
    await proc.stop('SIGKILL')
    throw new Error(`FerretDB did not start: ${(e as Error).message}\n${proc.output()}`)
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/${options.dbName ?? 'orbit'}`,
    port,
    dataDir,
    process: proc,
    stop: async () => {
      await proc.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
