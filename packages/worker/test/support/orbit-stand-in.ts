// A STAND-IN for the Orbit app (apps/orbit + the Payload plugin), implementing only the REST
// endpoints of docs/contract.md that the worker calls, over an in-memory store. It exists so the
// worker's activities and workflows can be tested before/without the real app; it is not a mock
// of the worker's dependencies (the worker talks to it over real HTTP through OrbitClient).
// The end-to-end suite against the real built app (test/e2e-orbit-app.test.ts) replaces it
// for the acceptance cases once apps/orbit runs.
import { canTransition, isDeploymentStatus } from '@orbit/deployments-core'
import type { DeploymentStatus, GeneratorDefinition } from '@orbit/deployments-core'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StandInDeployment {
  id: string
  name: string
  app: string
  generator: string
  config: unknown
  target: Record<string, unknown>
  status: DeploymentStatus
  workflowId: string | null
  lastDeployedAt: string | null
  endpoints: string[] | null
  outputs: Record<string, unknown> | null
  healthStatus: string | null
  healthLastChecked: string | null
  lastError: string | null
  commitSha: string | null
}

const SERVICE_FIELDS = ['status', 'lastError', 'endpoints', 'outputs', 'commitSha', 'lastDeployedAt', 'healthStatus', 'healthLastChecked', 'workflowId']

export interface OrbitStandIn {
  url: string
  apiKey: string
  createApp(app: { name?: string; repositoryUrl: string; branch?: string }): string
  createGenerator(generator: GeneratorDefinition): string
  updateGenerator(id: string, patch: Partial<GeneratorDefinition>): void
  createDeployment(d: { app: string; generator: string; name?: string; config: unknown }): string
  /** A person edits the config and asks for a re-generate (the plugin sets `pending`). */
  regenerate(id: string, config?: unknown): void
  deployment(id: string): StandInDeployment
  /** Sets a status directly, as the app would after its own transitions (e.g. a destroy). */
  forceStatus(id: string, status: DeploymentStatus): void
  /** Every accepted PATCH body, in order, per deployment. */
  patches(id: string): Record<string, unknown>[]
  /** Resolves when the deployment reaches one of these statuses (checked on every write). */
  waitForStatus(id: string, statuses: DeploymentStatus[]): Promise<StandInDeployment>
  /** Every request line seen (method + path), for assertions. */
  requests: string[]
  /** Answer the next n requests with this status (e.g. 503) before serving normally. */
  failNext(n: number, status: number): void
  close(): Promise<void>
}

export async function startOrbitStandIn(options: { apiKey?: string } = {}): Promise<OrbitStandIn> {
  const apiKey = options.apiKey ?? `stand-in-key-${Math.random().toString(36).slice(2)}`
  const apps = new Map<string, Record<string, unknown>>()
  const generators = new Map<string, Record<string, unknown>>()
  const deployments = new Map<string, StandInDeployment>()
  const patchLog = new Map<string, Record<string, unknown>[]>()
  const requests: string[] = []
  let nextId = 1
  let failures = { n: 0, status: 503 }
  const waiters = new Set<() => void>()

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const error = (res: ServerResponse, status: number, message: string) => send(res, status, { errors: [{ message }] })
  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString()
    return text ? JSON.parse(text) : {}
  }
  const populate = (d: StandInDeployment) => ({ ...d, app: apps.get(d.app) ?? null, generator: generators.get(d.generator) ?? null })

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in')
      requests.push(`${req.method} ${url.pathname}`)
      if (failures.n > 0) {
        failures.n--
        return error(res, failures.status, 'stand-in: simulated failure')
      }
      if (req.headers.authorization !== `users API-Key ${apiKey}`) return error(res, 403, 'You are not allowed to perform this action.')
      const m = /^\/api\/deployments\/([^/]+)$/.exec(url.pathname)
      if (!m) return error(res, 404, 'Not Found')
      const id = decodeURIComponent(m[1]!)
      const d = deployments.get(id)
      if (!d) return error(res, 404, 'Not Found')
      if (req.method === 'GET') return send(res, 200, url.searchParams.get('depth') === '0' ? d : populate(d))
      if (req.method === 'PATCH') {
        const body = (await readBody(req)) as Record<string, unknown>
        const unknown = Object.keys(body).filter((k) => !SERVICE_FIELDS.includes(k))
        if (unknown.length) return error(res, 400, `stand-in: the worker may not write ${unknown.join(', ')}`)
        if (body.status !== undefined) {
          if (!isDeploymentStatus(body.status)) return send(res, 400, { errors: [{ message: 'The following field is invalid: status', data: { errors: [{ path: 'status', message: 'invalid' }] } }] })
          if (!canTransition(d.status, body.status)) {
            return send(res, 400, { errors: [{ message: 'The following field is invalid: status', data: { errors: [{ path: 'status', message: `cannot move from ${d.status} to ${body.status}` }] } }] })
          }
        }
        Object.assign(d, body)
        patchLog.get(id)!.push(body)
        for (const wake of [...waiters]) wake()
        return send(res, 200, { doc: d, message: 'Updated successfully.' })
      }
      return error(res, 405, 'Method not allowed')
    })().catch((e: unknown) => error(res, 500, String(e)))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    createApp: (app) => {
      const id = String(nextId++)
      apps.set(id, { id, name: app.name ?? `app-${id}`, workspace: '1', repositoryUrl: app.repositoryUrl, branch: app.branch ?? 'main' })
      return id
    },
    createGenerator: (g) => {
      const id = String(nextId++)
      generators.set(id, { ...structuredClone(g), id, templateFiles: g.templateFiles.map((f, i) => ({ ...f, id: `tf${i}` })) })
      return id
    },
    updateGenerator: (id, patch) => {
      Object.assign(generators.get(id)!, structuredClone(patch))
    },
    createDeployment: ({ app, generator, name, config }) => {
      const id = String(nextId++)
      deployments.set(id, {
        id,
        name: name ?? `deployment-${id}`,
        app,
        generator,
        config: structuredClone(config),
        target: { type: null, region: null, cluster: null, namespace: null },
        status: 'pending',
        workflowId: `deployment-${id}`,
        lastDeployedAt: null,
        endpoints: null,
        outputs: null,
        healthStatus: null,
        healthLastChecked: null,
        lastError: null,
        commitSha: null,
      })
      patchLog.set(id, [])
      return id
    },
    regenerate: (id, config) => {
      const d = deployments.get(id)!
      if (config !== undefined) d.config = structuredClone(config)
      if (!canTransition(d.status, 'pending')) throw new Error(`stand-in: cannot regenerate from ${d.status}`)
      d.status = 'pending'
      d.lastError = null
    },
    deployment: (id) => structuredClone(deployments.get(id)!),
    waitForStatus: (id, statuses) =>
      new Promise((resolve) => {
        const check = () => {
          const d = deployments.get(id)
          if (d && statuses.includes(d.status)) {
            waiters.delete(check)
            resolve(structuredClone(d))
          }
        }
        waiters.add(check)
        check()
      }),
    forceStatus: (id, status) => {
      deployments.get(id)!.status = status
    },
    patches: (id) => patchLog.get(id) ?? [],
    failNext: (n, status) => {
      failures = { n, status }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
