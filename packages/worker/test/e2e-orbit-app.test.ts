// End to end against the REAL components: the built Orbit app (apps/orbit with the Payload
// plugin, `next start`, SQLite) over HTTP, the real `orbit-worker` binary, the Temporal dev
// server, and real bare git repositories. People act through the app's REST API as a workspace
// member; the plugin starts the workflows; the worker writes status back with its API key.
import { HEALTH_CHECK_WORKFLOW_TYPE, deploymentWorkflowId, dockerComposeLocal, healthCheckWorkflowId, renderGenerator } from '@orbit/deployments-core'
import { createBareRepo, startTemporalDevServer } from '@orbit/testing'
import type { BareRepo, TemporalDevServer } from '@orbit/testing'
import { Client, Connection } from '@temporalio/client'
import { NativeConnection } from '@temporalio/worker'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { GitHooks } from '../src/git/client.js'
import { startInProcessWorker } from './support/harness.js'
import { historyText } from './support/history.js'
import { api, startOrbitApp } from './support/orbit-app.js'
import type { Api, RunningOrbitApp } from './support/orbit-app.js'
import { startWorkerProcess, waitUntilStarted } from './support/worker-process.js'
import type { WorkerProcess } from './support/worker-process.js'

type Doc = { id: number | string; [key: string]: unknown }

let temporal: TemporalDevServer
let client: Client
let connection: Connection
let app: RunningOrbitApp
let worker: WorkerProcess
const extraWorkers: WorkerProcess[] = []
let dir: string
let request: Api
const repos: BareRepo[] = []
const taskQueue = `e2e-${randomBytes(4).toString('hex')}`
const serviceKey = randomBytes(24).toString('hex')
let adminAuth: string
let memberAuth: string
let workspaceId: Doc['id']
let generatorId: Doc['id']

async function ok<T = Doc>(p: Promise<{ status: number; body: unknown }>, status = [200, 201, 202]): Promise<T> {
  const res = await p
  if (!status.includes(res.status)) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body as T
}

beforeAll(async () => {
  temporal = await startTemporalDevServer()
  connection = await Connection.connect({ address: temporal.address })
  client = new Client({ connection })
  dir = await mkdtemp(join(tmpdir(), 'orbit-e2e-'))
  app = await startOrbitApp({
    DATABASE_URI: `file:${join(dir, 'orbit.db')}`,
    ORBIT_DATA_DIR: dir,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    TEMPORAL_ADDRESS: temporal.address,
    ORBIT_TASK_QUEUE: taskQueue,
  })
  request = api(app.url)

  const admin = { email: 'admin@e2e.test', password: randomBytes(12).toString('hex') }
  await ok(request('POST', '/api/users/first-register', { body: admin }))
  adminAuth = `JWT ${(await ok<{ token: string }>(request('POST', '/api/users/login', { body: admin }))).token}`
  await ok(request('POST', '/api/users', { auth: adminAuth, body: { email: 'worker@e2e.test', password: randomBytes(16).toString('hex'), roles: ['service'], enableAPIKey: true, apiKey: serviceKey } }))
  const member = { email: 'dev@e2e.test', password: randomBytes(12).toString('hex') }
  const memberDoc = (await ok<{ doc: Doc }>(request('POST', '/api/users', { auth: adminAuth, body: { ...member, name: 'Dev' } }))).doc
  workspaceId = (await ok<{ doc: Doc }>(request('POST', '/api/workspaces', { auth: adminAuth, body: { name: 'E2E Team' } }))).doc.id
  await ok(request('POST', '/api/workspace-members', { auth: adminAuth, body: { user: memberDoc.id, workspace: workspaceId, role: 'member' } }))
  memberAuth = `JWT ${(await ok<{ token: string }>(request('POST', '/api/users/login', { body: member }))).token}`
  const gens = await ok<{ docs: Doc[] }>(request('GET', '/api/deployment-generators?where[slug][equals]=docker-compose-local&depth=0', { auth: memberAuth }))
  expect(gens.docs, 'the plugin seeds the built-in docker-compose-local generator').toHaveLength(1)
  generatorId = gens.docs[0]!.id

  worker = await startWorker()
}, 240_000)

async function startWorker(extra: Record<string, string> = {}): Promise<WorkerProcess> {
  const w = startWorkerProcess({ TEMPORAL_ADDRESS: temporal.address, ORBIT_TASK_QUEUE: taskQueue, ORBIT_URL: app.url, ORBIT_API_KEY: serviceKey, ORBIT_WORK_DIR: join(dir, 'work'), LOG_LEVEL: 'info', ...extra })
  extraWorkers.push(w)
  await waitUntilStarted(w)
  return w
}

afterAll(async () => {
  await Promise.all(extraWorkers.map((w) => w.stop('SIGKILL')))
  await app?.stop()
  await connection?.close()
  await temporal?.stop()
  await Promise.all(repos.map((r) => r.remove()))
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function newApp(): Promise<{ r: BareRepo; appId: Doc['id'] }> {
  const r = await createBareRepo()
  repos.push(r)
  const created = await ok<{ doc: Doc }>(request('POST', '/api/apps', { auth: adminAuth, body: { name: `app-${repos.length}`, workspace: workspaceId, repositoryUrl: `file://${r.path}`, branch: 'main' } }))
  return { r, appId: created.doc.id }
}

/** Waits for the deployment's current run to close, then returns the deployment as the member sees it. */
async function settle(id: Doc['id']): Promise<Doc> {
  await client.workflow.getHandle(deploymentWorkflowId(String(id))).result().catch(() => undefined)
  return ok(request('GET', `/api/deployments/${id}?depth=0`, { auth: memberAuth }))
}

describe('the Orbit app, the plugin and the worker together', () => {
  test('create → generated with exactly one commit equal to core’s rendering; regenerate same → none; changed → one more', async () => {
    const { r, appId } = await newApp()
    const before = await r.log()
    const config = { serviceName: 'auth-api', port: 8080 }
    const created = await ok<{ doc: Doc }>(request('POST', '/api/deployments', { auth: memberAuth, body: { name: 'local', app: appId, generator: generatorId, config } }))
    const id = created.doc.id
    const done = await settle(id)
    const log = await r.log()
    expect(log).toHaveLength(before.length + 1)
    expect(done).toMatchObject({ status: 'generated', commitSha: log[0], lastError: null })
    expect(await r.show('docker-compose.yml')).toBe(renderGenerator(dockerComposeLocal, config)[0]!.content)

    await ok(request('POST', `/api/deployments/${id}/regenerate`, { auth: memberAuth }))
    expect(await settle(id)).toMatchObject({ status: 'generated', commitSha: log[0] })
    expect(await r.log()).toEqual(log)

    await ok(request('PATCH', `/api/deployments/${id}`, { auth: memberAuth, body: { config: { serviceName: 'auth-api', port: 9090 } } }))
    await ok(request('POST', `/api/deployments/${id}/regenerate`, { auth: memberAuth }))
    const changed = await settle(id)
    const log2 = await r.log()
    expect(log2).toHaveLength(log.length + 1)
    expect(changed).toMatchObject({ status: 'generated', commitSha: log2[0] })
    expect(await r.show('docker-compose.yml')).toContain('"9090:9090"')
  }, 120_000)

  test('invalid config after the generator changed: failed, lastError names the field, nothing pushed', async () => {
    const { r, appId } = await newApp()
    const schema = structuredClone(dockerComposeLocal.configSchema) as { required: string[]; properties: Record<string, unknown> }
    const custom = await ok<{ doc: Doc }>(
      request('POST', '/api/deployment-generators', {
        auth: adminAuth,
        body: { workspace: workspaceId, name: 'Team Compose', slug: `team-compose-${randomBytes(3).toString('hex')}`, executorType: 'docker-compose', version: 1, configSchema: schema, templateFiles: dockerComposeLocal.templateFiles },
      }),
    )
    const created = await ok<{ doc: Doc }>(request('POST', '/api/deployments', { auth: memberAuth, body: { name: 'x', app: appId, generator: custom.doc.id, config: { serviceName: 'web', port: 3000 } } }))
    const id = created.doc.id
    expect(await settle(id)).toMatchObject({ status: 'generated' })
    const log = await r.log()

    schema.required = [...schema.required, 'healthPath']
    schema.properties.healthPath = { type: 'string', title: 'Health path' }
    await ok(request('PATCH', `/api/deployment-generators/${custom.doc.id}`, { auth: adminAuth, body: { configSchema: schema } }))
    await ok(request('POST', `/api/deployments/${id}/regenerate`, { auth: memberAuth }))
    const failed = await settle(id)
    expect(failed.status).toBe('failed')
    expect(failed.lastError).toMatch(/healthPath/)
    expect(await r.log()).toEqual(log)
    // The workflow itself failed in Temporal, with the same readable reason.
    await expect(client.workflow.getHandle(deploymentWorkflowId(String(id))).result()).rejects.toMatchObject({ cause: { message: expect.stringMatching(/healthPath/) } })
  }, 120_000)

  test('destroy through the app: destroyed; health checks against a local server report healthy then down, and stop', async () => {
    const { appId } = await newApp()
    const created = await ok<{ doc: Doc }>(request('POST', '/api/deployments', { auth: memberAuth, body: { name: 'h', app: appId, generator: generatorId, config: { serviceName: 'h', port: 8000 } } }))
    const id = String(created.doc.id)
    expect(await settle(id)).toMatchObject({ status: 'generated' })

    // docker-compose deploys nothing, so no endpoints: start the health checks as the workflow
    // would for a deploying executor, against a real local HTTP server.
    const server = createServer((_req, res) => res.end('ok'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    const health = await client.workflow.start(HEALTH_CHECK_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: healthCheckWorkflowId(id),
      args: [{ deploymentId: id, endpoints: [endpoint], intervalSeconds: 1, timeoutSeconds: 1, downAfter: 2 }],
    })
    const healthOf = async () => (await ok<Doc>(request('GET', `/api/deployments/${id}?depth=0`, { auth: memberAuth }))).healthStatus
    await expect.poll(healthOf, { timeout: 30_000, interval: 250 }).toBe('healthy')
    await new Promise<void>((r) => server.close(() => r()))
    server.closeAllConnections()
    await expect.poll(healthOf, { timeout: 30_000, interval: 250 }).toBe('down')

    // Destroy needs delete rights on the deployment (workspace owners/admins, platform admins).
    await ok(request('POST', `/api/deployments/${id}/destroy`, { auth: adminAuth }))
    expect(await settle(id)).toMatchObject({ status: 'destroyed' })
    await expect.poll(async () => (await health.describe()).status.name, { timeout: 30_000 }).toBe('COMPLETED')
  }, 120_000)

  test.each([
    ['push', 'right after the push, before the status write'],
    ['clone', 'during the clone'],
  ])('SIGKILL %s (%s): a new worker ends generated with exactly one commit', async (point) => {
    await worker.stop()
    const crashing = await startWorker({ ORBIT_TEST_CRASH_AT: point })
    const { r, appId } = await newApp()
    const before = await r.log()
    const created = await ok<{ doc: Doc }>(request('POST', '/api/deployments', { auth: memberAuth, body: { name: 'k', app: appId, generator: generatorId, config: { serviceName: 'k', port: 8001 } } }))
    expect(await crashing.exited).toEqual({ code: null, signal: 'SIGKILL' })
    expect((await r.log()).length).toBe(before.length + (point === 'push' ? 1 : 0))
    expect((await ok<Doc>(request('GET', `/api/deployments/${created.doc.id}?depth=0`, { auth: memberAuth }))).status).toBe('generating')
    worker = await startWorker()
    const done = await settle(created.doc.id)
    const after = await r.log()
    expect(after).toHaveLength(before.length + 1)
    expect(done).toMatchObject({ status: 'generated', commitSha: after[0] })
  }, 120_000)

  test('two workers on one task queue process 20 deployments created through the app; all end generated', async () => {
    await worker.stop()
    const [a, b] = await Promise.all([startWorker(), startWorker()])
    const apps = await Promise.all(Array.from({ length: 20 }, () => newApp()))
    const befores = await Promise.all(apps.map(({ r }) => r.log()))
    const ids = await Promise.all(
      apps.map(async ({ appId }, i) => (await ok<{ doc: Doc }>(request('POST', '/api/deployments', { auth: memberAuth, body: { name: `d${i}`, app: appId, generator: generatorId, config: { serviceName: `s${i}`, port: 8100 + i } } }))).doc.id),
    )
    const docs = await Promise.all(ids.map((id) => settle(id)))
    for (const [i, d] of docs.entries()) {
      const log = await apps[i]!.r.log()
      expect(log).toHaveLength(befores[i]!.length + 1)
      expect(d).toMatchObject({ status: 'generated', commitSha: log[0] })
    }
    expect(a!.output().split('files committed').length - 1 + (b!.output().split('files committed').length - 1)).toBe(20)
    worker = a!
  }, 180_000)

  test('a person pushes to the branch between the worker’s clone and its push: both commits survive', async () => {
    // The bin worker has no hook between clone and push, so the real worker runs in this
    // process for this one test (same activities and workflows, real app, Temporal and git).
    await Promise.all(extraWorkers.map((w) => w.stop()))
    const { r, appId } = await newApp()
    let theirs = ''
    const hooks: { current?: GitHooks } = {
      current: {
        beforePush: async (attempt) => {
          if (attempt === 1) theirs = await r.pushCommit({ 'CHANGELOG.md': '- a person pushed meanwhile\n' }, 'docs: changelog')
        },
      },
    }
    const native = await NativeConnection.connect({ address: temporal.address })
    const inProcess = await startInProcessWorker({ connection: native, orbitUrl: app.url, apiKey: serviceKey, taskQueue, hooks })
    try {
      const config = { serviceName: 'racer', port: 8200 }
      const created = await ok<{ doc: Doc }>(request('POST', '/api/deployments', { auth: memberAuth, body: { name: 'race', app: appId, generator: generatorId, config } }))
      const done = await settle(created.doc.id)
      const log = await r.log()
      expect(theirs, 'the concurrent push happened').not.toBe('')
      expect(done).toMatchObject({ status: 'generated', commitSha: log[0], lastError: null })
      expect(log[1]).toBe(theirs)
      expect(await r.show('CHANGELOG.md')).toBe('- a person pushed meanwhile\n')
      expect(await r.show('docker-compose.yml')).toBe(renderGenerator(dockerComposeLocal, config)[0]!.content)
      expect(inProcess.logs()).toContain('files committed')
      expect(inProcess.logs()).not.toContain(serviceKey)
    } finally {
      await inProcess.close()
      await native.close()
      worker = await startWorker()
    }
  }, 120_000)

  test('the worker’s API key never shows in its output or in workflow history', async () => {
    for (const w of extraWorkers) expect(w.output()).not.toContain(serviceKey)
    let runs = 0
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
      const history = historyText(await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory())
      expect(history).toContain('deploymentId') // decoded payloads are searched
      expect(history).not.toContain(serviceKey)
      runs++
    }
    expect(runs).toBeGreaterThan(20)
  }, 60_000)
})
