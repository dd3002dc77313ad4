// The real `orbit-worker` binary against a real Temporal dev server, real git (local bare repos
// and a token-protected git http-backend remote) and the Orbit stand-in
// (test/support/orbit-stand-in.ts; test/e2e-orbit-app.test.ts runs against the real app).
// Crash cases use ORBIT_TEST_CRASH_AT (a test-only hook in src/bin/worker.ts) to SIGKILL the
// worker at a precise point, then start a fresh worker and check the run still ends right.
import { DEPLOYMENT_WORKFLOW_TYPE, deploymentWorkflowId, dockerComposeLocal, renderGenerator } from '@orbit/deployments-core'
import { createBareRepo, startTemporalDevServer } from '@orbit/testing'
import type { BareRepo, TemporalDevServer } from '@orbit/testing'
import { Client, Connection } from '@temporalio/client'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startGitHttpServer } from './support/git-http-server.js'
import { historyText } from './support/history.js'
import type { GitHttpServer } from './support/git-http-server.js'
import { startOrbitStandIn } from './support/orbit-stand-in.js'
import type { OrbitStandIn } from './support/orbit-stand-in.js'
import { requireBuiltWorker, startWorkerProcess, waitUntilStarted } from './support/worker-process.js'
import type { WorkerProcess } from './support/worker-process.js'

let temporal: TemporalDevServer
let connection: Connection
let client: Client
let orbit: OrbitStandIn
let workDir: string
let gitServer: GitHttpServer
let gitRoot: string
const token = `bin-token-${Math.random().toString(36).slice(2)}-secret`
const repos: BareRepo[] = []
const workers: WorkerProcess[] = []
let generatorId: string

beforeAll(async () => {
  requireBuiltWorker()
  temporal = await startTemporalDevServer()
  connection = await Connection.connect({ address: temporal.address })
  client = new Client({ connection })
  orbit = await startOrbitStandIn()
  generatorId = orbit.createGenerator(dockerComposeLocal)
  workDir = await mkdtemp(join(tmpdir(), 'orbit-bin-test-'))
  gitRoot = await mkdtemp(join(tmpdir(), 'orbit-bin-git-'))
  gitServer = await startGitHttpServer({ root: gitRoot, token })
}, 120_000)

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop('SIGKILL')))
})

afterAll(async () => {
  await connection?.close()
  await temporal?.stop()
  await orbit?.close()
  await gitServer?.close()
  await Promise.all(repos.map((r) => r.remove()))
  await rm(workDir, { recursive: true, force: true })
  await rm(gitRoot, { recursive: true, force: true })
})

function worker(taskQueue: string, extra: Record<string, string> = {}): WorkerProcess {
  const w = startWorkerProcess({
    TEMPORAL_ADDRESS: temporal.address,
    ORBIT_TASK_QUEUE: taskQueue,
    ORBIT_URL: orbit.url,
    ORBIT_API_KEY: orbit.apiKey,
    ORBIT_GIT_TOKEN: token,
    ORBIT_WORK_DIR: workDir,
    ...extra,
  })
  workers.push(w)
  return w
}

const queue = () => `bin-${Math.random().toString(36).slice(2)}`

async function deployment(port: number, remote: 'local' | 'http' = 'local'): Promise<{ id: string; r: BareRepo }> {
  const r = await createBareRepo(remote === 'http' ? { dir: await mkdtemp(join(gitRoot, 'r-')) } : {})
  repos.push(r)
  const repositoryUrl = remote === 'http' ? `${gitServer.url}/${r.path.slice(gitRoot.length + 1)}` : r.path
  const app = orbit.createApp({ repositoryUrl })
  return { id: orbit.createDeployment({ app, generator: generatorId, config: { serviceName: `svc-${port}`, port } }), r }
}

const start = (id: string, taskQueue: string) => client.workflow.start(DEPLOYMENT_WORKFLOW_TYPE, { taskQueue, workflowId: deploymentWorkflowId(id), args: [{ deploymentId: id }] })

describe('orbit-worker configuration', () => {
  test('missing or invalid settings: exit code 2 and every problem named, without echoing secrets', async () => {
    const w = startWorkerProcess({ ORBIT_URL: 'not a url', ORBIT_API_KEY: '', ORBIT_GIT_TOKENS: '{"github.com": 42, "x": "super-secret-value"}', TEMPORAL_ADDRESS: 'nope' })
    const { code } = await w.exited
    expect(code).toBe(2)
    const out = w.output()
    for (const name of ['ORBIT_URL is not a valid URL', 'ORBIT_API_KEY is required', 'TEMPORAL_ADDRESS must be host:port', 'ORBIT_GIT_TOKENS must be a JSON object']) expect(out).toContain(name)
    expect(out).not.toContain('super-secret-value')
  })

  test('at start, sweeps checkouts a killed worker left (older than an hour), nothing else; SIGTERM exits 0', async () => {
    const old = new Date(Date.now() - 2 * 3_600_000)
    const stale = join(workDir, '42-1-0123abcd')
    const fresh = join(workDir, '43-2-89abcdef')
    const other = join(workDir, 'orbit-askpass-OLD123')
    for (const d of [stale, fresh, other]) await mkdir(d, { recursive: true })
    await utimes(stale, old, old)
    await utimes(other, old, old)
    const w = worker(queue())
    await waitUntilStarted(w)
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
    expect(existsSync(other)).toBe(true)
    w.child.kill('SIGTERM')
    const { code } = await w.exited
    expect(code).toBe(0)
    expect(w.output()).toContain('orbit-worker stopped')
  })
})

// Both crash cases (push, clone) run against the real app in test/e2e-orbit-app.test.ts. Here
// the push case with a token-protected HTTP remote: the token stays out of both workers' output.
describe('crashes: a new worker finishes the run with exactly one commit', () => {
  test.each(['push'] as const)('SIGKILL %s, token-protected remote', async (point) => {
    const taskQueue = queue()
    const { id, r } = await deployment(point === 'push' ? 7001 : 7002, 'http')
    const before = await r.log()
    const first = worker(taskQueue, { ORBIT_TEST_CRASH_AT: point })
    await waitUntilStarted(first)
    const handle = await start(id, taskQueue)
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' })
    expect(orbit.deployment(id).status).toBe('generating')
    expect((await r.log()).length).toBe(before.length + (point === 'push' ? 1 : 0))

    const second = worker(taskQueue)
    await waitUntilStarted(second)
    await handle.result()
    const after = await r.log()
    expect(after).toHaveLength(before.length + 1)
    expect(orbit.deployment(id)).toMatchObject({ status: 'generated', commitSha: after[0] })
    expect(await r.show('docker-compose.yml')).toBe(renderGenerator(dockerComposeLocal, { serviceName: `svc-${point === 'push' ? 7001 : 7002}`, port: point === 'push' ? 7001 : 7002 })[0]!.content)

    // The token reached git (the remote saw authorized pushes) but no output or history.
    expect(gitServer.requests.some((q) => q.authorized && q.path.endsWith('git-receive-pack'))).toBe(true)
    expect(second.output()).toContain('"changed":false') // the retry found the first worker's push
    for (const w of [first, second]) expect(w.output()).not.toContain(token)
    const history = historyText(await handle.fetchHistory())
    expect(history).toContain(after[0]) // decoded payloads are searched
    expect(history).not.toContain(token)
  }, 120_000)
})

// Two workers on one task queue with 20 deployments: test/e2e-orbit-app.test.ts (against the real app).
