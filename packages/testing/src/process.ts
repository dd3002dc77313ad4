import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer, connect } from 'node:net'

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it). */
export async function getFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (typeof address !== 'object' || address === null) return reject(new Error('no port'))
      server.close(() => resolvePort(address.port))
    })
  })
}

/** Resolves once something accepts TCP connections on host:port, or rejects after timeoutMs. */
export async function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before listening on ${host}:${port}`)
    const ok = await new Promise<boolean>((done) => {
      const socket = connect({ port, host })
      socket.once('connect', () => {
        socket.destroy()
        done(true)
      })
      socket.once('error', () => done(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`nothing listened on ${host}:${port} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export interface ManagedProcess {
  child: ChildProcess
  /** Last lines the process wrote (stdout and stderr), for error messages. */
  output(): string
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** Spawns a long-running helper process (argv array, never a shell) and keeps its recent output. */
export function startProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): ManagedProcess {
  const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n'))
    if (lines.length > 200) lines.splice(0, lines.length - 200)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return {
    child,
    output: () => lines.join('\n'),
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done()
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(timer)
          done()
        })
        child.kill(signal)
      }),
  }
}
