// A token-protected HTTP git remote for tests: real `git http-backend` (CGI) behind a tiny node
// HTTP server that checks Basic auth, like an HTTPS git host with a personal access token (plain
// http on 127.0.0.1; TLS adds nothing to what these tests check).
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { execFileSync } from 'node:child_process'

export interface GitHttpServer {
  /** Base URL; a repository at `<root>/app.git` is `${url}/app.git`. */
  url: string
  /** Requests seen: method, path, and whether they carried the right credentials. */
  requests: Array<{ method: string; path: string; authorized: boolean }>
  close(): Promise<void>
}

function backendPath(): string {
  const execPath = execFileSync('git', ['--exec-path']).toString().trim()
  return `${execPath}/git-http-backend`
}

export async function startGitHttpServer(options: { root: string; username?: string; token: string }): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`${options.username ?? 'x-access-token'}:${options.token}`).toString('base64')}`
  const requests: GitHttpServer['requests'] = []
  const backend = backendPath()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://git')
    const authorized = req.headers.authorization === expected
    requests.push({ method: req.method ?? '', path: url.pathname, authorized })
    if (!authorized) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="orbit-test-git"', 'content-type': 'text/plain' })
      res.end('authentication required\n')
      return
    }
    const child = spawn(backend, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: options.root,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        PATH_INFO: decodeURIComponent(url.pathname),
        REQUEST_METHOD: req.method ?? 'GET',
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
        REMOTE_USER: 'orbit-test',
        REMOTE_ADDR: '127.0.0.1',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    req.pipe(child.stdin)
    let head = Buffer.alloc(0)
    let headersDone = false
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      headersDone = true
      let status = 200
      const headers: Record<string, string> = {}
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const i = line.indexOf(':')
        if (i < 0) continue
        const name = line.slice(0, i).trim()
        const value = line.slice(i + 1).trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
        else headers[name] = value
      }
      res.writeHead(status, headers)
      res.write(head.subarray(end + 4))
    })
    child.stderr.resume()
    child.on('close', () => {
      if (!headersDone) res.writeHead(500).end('git http-backend failed')
      else res.end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((r) => server.close(() => r())) }
}
