// deploymentWorkflow / destroyDeploymentWorkflow on a real Temporal dev server with an
// in-process worker, real bare git repositories, and the Orbit REST API played by
// test/support/orbit-stand-in.ts (a stand-in over real HTTP; the end-to-end suite against the
// real built app, test/e2e-orbit-app.test.ts, replaces it for the acceptance cases).
import { DEPLOYMENT_WORKFLOW_TYPE, DESTROY_WORKFLOW_TYPE, dockerComposeLocal, ExecutorRegistry, deploymentWorkflowId, healthCheckWorkflowId, renderGenerator } from '@orbit/deployments-core'
import type { GeneratorDefinition } from '@orbit/deployments-core'
import { createBareRepo } from '@orbit/testing'
import type { BareRepo } from '@orbit/testing'
import { WorkflowFailedError } from '@temporalio/client'
import type { TestWorkflowEnvironment } from '@temporalio/testing'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDockerComposeExecutor } from '../src/executors/index.js'
import type { GitHooks } from '../src/git/client.js'
import { healthQuery, progressQuery } from '../src/workflows/definitions.js'
import { createFakeKubernetesExecutor } from './support/fake-executor.js'
import { startGitHttpServer } from './support/git-http-server.js'
import { historyText } from './support/history.js'
import { startHarness, startTemporal } from './support/harness.js'
import type { Harness } from './support/harness.js'

let env: TestWorkflowEnvironment
let h: Harness
const hooks: { current?: GitHooks } = {}
const repos: BareRepo[] = []
let fakeEndpoint = ''
const destroyed: string[] = []

beforeAll(async () => {
  env = await startTemporal()
  const executors = new ExecutorRegistry([createDockerComposeExecutor(), createFakeKubernetesExecutor({ endpoints: () => [fakeEndpoint], destroyed })])
  h = await startHarness({ env, hooks, executors })
}, 120_000)

afterAll(async () => {
  await h?.close()
  await env?.teardown()
  await Promise.all(repos.map((r) => r.remove()))
})

async function repo(): Promise<BareRepo> {
  const r = await createBareRepo()
  repos.push(r)
  return r
}

function run(harness: Harness, deploymentId: string, type = DEPLOYMENT_WORKFLOW_TYPE) {
  return harness.env.client.workflow.execute(type, { taskQueue: harness.taskQueue, workflowId: deploymentWorkflowId(deploymentId), args: [{ deploymentId }] })
}

async function setUp(config: unknown = { serviceName: 'auth-api', port: 8080 }, generator: GeneratorDefinition = dockerComposeLocal) {
  const r = await repo()
  const app = h.orbit.createApp({ repositoryUrl: r.path, branch: 'main' })
  const gen = h.orbit.createGenerator(generator)
  const id = h.orbit.createDeployment({ app, generator: gen, config })
  return { r, app, gen, id }
}

describe('deploymentWorkflow (docker-compose)', () => {
  test('create → generated: exactly one new commit whose docker-compose.yml is core’s rendering; the SHA is recorded', async () => {
    const config = { serviceName: 'auth-api', port: 8080, environment: [{ key: 'DATABASE_URL', value: 'postgres://db:5432/app' }] }
    const { r, id } = await setUp(config)
    const before = await r.log()
    const result = await run(h, id)
    const after = await r.log()
    expect(after).toHaveLength(before.length + 1)
    expect(after.slice(1)).toEqual(before)
    expect(await r.show('docker-compose.yml')).toBe(renderGenerator(dockerComposeLocal, config)[0]!.content)
    const d = h.orbit.deployment(id)
    expect(d).toMatchObject({ status: 'generated', commitSha: after[0], lastError: null })
    expect(Date.parse(d.lastDeployedAt!)).toBeGreaterThan(Date.now() - 60_000)
    expect(result).toEqual({ status: 'generated', commitSha: after[0], changed: true, endpoints: [] })
    expect(h.orbit.patches(id).map((p) => p.status)).toEqual(['generating', 'generated'])
    const progress = await env.client.workflow.getHandle(deploymentWorkflowId(id)).query(progressQuery)
    expect(progress).toMatchObject({ step: 'done', commitSha: after[0] })
    // Only IDs, statuses and hashes cross into history: not the config, not the rendered file.
    const history = historyText(await env.client.workflow.getHandle(deploymentWorkflowId(id)).fetchHistory())
    expect(history).toContain(after[0]) // decoded payloads are searched (the commit SHA is a result)
    expect(history).not.toContain('postgres://db:5432/app')
    expect(history).not.toContain('DATABASE_URL')
  })

  test('re-generate with the same config: no new commit; with a changed config: exactly one more', async () => {
    const { r, id } = await setUp({ serviceName: 'billing', port: 3000 })
    await run(h, id)
    const once = await r.log()
    h.orbit.regenerate(id)
    const same = await run(h, id)
    expect(await r.log()).toEqual(once)
    expect(same).toMatchObject({ changed: false, commitSha: once[0] })
    expect(h.orbit.deployment(id)).toMatchObject({ status: 'generated', commitSha: once[0] })

    h.orbit.regenerate(id, { serviceName: 'billing', port: 3001 })
    const changed = await run(h, id)
    const twice = await r.log()
    expect(twice).toHaveLength(once.length + 1)
    expect(changed).toMatchObject({ changed: true, commitSha: twice[0] })
    expect(await r.show('docker-compose.yml')).toContain('"3001:3001"')
    expect(h.orbit.deployment(id).commitSha).toBe(twice[0])
  })

  test('invalid config (the generator changed meanwhile): failed, lastError names the field, nothing pushed, no retries', async () => {
    const { r, gen, id } = await setUp({ serviceName: 'web', port: 8080 })
    const before = await r.log()
    const schema = structuredClone(dockerComposeLocal.configSchema) as { required: string[]; properties: Record<string, unknown> }
    schema.required = [...schema.required, 'healthPath']
    schema.properties.healthPath = { type: 'string' }
    h.orbit.updateGenerator(gen, { configSchema: schema })

    const error = await run(h, id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WorkflowFailedError)
    const d = h.orbit.deployment(id)
    expect(d.status).toBe('failed')
    expect(d.lastError).toMatch(/healthPath/)
    expect(d.lastError).not.toMatch(/\n\s+at |\.ts:\d+/)
    expect(await r.log()).toEqual(before)
    // The REST steps are local activities: their outcome is a marker in history.
    const history = await env.client.workflow.getHandle(deploymentWorkflowId(id)).fetchHistory()
    const failures = (history.events ?? []).flatMap((e) => (e.markerRecordedEventAttributes?.failure ? [e.markerRecordedEventAttributes.failure] : []))
    expect(failures).toHaveLength(1)
    expect(failures[0]!.cause?.applicationFailureInfo ?? failures[0]!.applicationFailureInfo).toMatchObject({ type: 'CONFIG_INVALID', nonRetryable: true })
    // Not retried: one read to load, one to validate, one before writing `failed`.
    expect(h.orbit.requests.filter((r) => r === `GET /api/deployments/${id}`)).toHaveLength(3)
  })

  test('a concurrent push to the same branch during the run: both commits survive', async () => {
    const { r, id } = await setUp({ serviceName: 'api', port: 9000 })
    let theirs = ''
    hooks.current = {
      beforePush: async (attempt) => {
        if (attempt === 1) theirs = await r.pushCommit({ 'CHANGELOG.md': '- a person pushed meanwhile\n' }, 'docs: changelog')
      },
    }
    try {
      await run(h, id)
    } finally {
      hooks.current = undefined
    }
    const log = await r.log()
    expect(log[0]).toBe(h.orbit.deployment(id).commitSha)
    expect(log[1]).toBe(theirs)
    expect(await r.show('CHANGELOG.md')).toBe('- a person pushed meanwhile\n')
    expect(await r.show('docker-compose.yml')).toContain('"9000:9000"')
  })

  test('Orbit answering 503 for a while: the REST activities retry and the run still ends generated', async () => {
    const { id } = await setUp({ serviceName: 'flaky', port: 8081 })
    h.orbit.failNext(4, 503)
    await run(h, id)
    expect(h.orbit.deployment(id).status).toBe('generated')
  })

  test('a malformed deployment ID fails the run at once (no workflow-task retry loop)', async () => {
    const error = await h.env.client.workflow
      .execute(DEPLOYMENT_WORKFLOW_TYPE, { taskQueue: h.taskQueue, workflowId: `bad-input-${Date.now()}`, args: [{ deploymentId: '../../etc' }] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WorkflowFailedError)
    expect(String((error as WorkflowFailedError).cause?.message)).toMatch(/deploymentId must be/)
  })

  test('a refused repository URL fails at once with a readable error', async () => {
    const app = h.orbit.createApp({ repositoryUrl: 'ext::sh -c touch% /tmp/orbit-pwned', branch: 'main' })
    const id = h.orbit.createDeployment({ app, generator: h.orbit.createGenerator(dockerComposeLocal), config: { serviceName: 'x', port: 1 } })
    await expect(run(h, id)).rejects.toBeInstanceOf(WorkflowFailedError)
    expect(h.orbit.deployment(id)).toMatchObject({ status: 'failed' })
    expect(h.orbit.deployment(id).lastError).toMatch(/repositoryUrl .* remote helper transport/)
  })
})

describe('deploying executors, health checks and destroy', () => {
  test('deploy → deployed with endpoints, health checks start as an abandoned child; destroy stops them', async () => {
    const server = createServer((_req, res) => res.end('ok'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    fakeEndpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`
    try {
      const { r, id } = await setUp({ serviceName: 'k8s-app', port: 8080 }, { ...dockerComposeLocal, slug: 'fake-k8s', executorType: 'kubernetes' })
      const result = await run(h, id)
      expect(result).toMatchObject({ status: 'deployed', endpoints: [fakeEndpoint], changed: true })
      expect(h.orbit.patches(id).map((p) => p.status).filter(Boolean)).toEqual(['generating', 'generated', 'deploying', 'deployed'])
      expect(h.orbit.deployment(id)).toMatchObject({ status: 'deployed', endpoints: [fakeEndpoint], outputs: { fake: true }, commitSha: (await r.log())[0] })

      const health = env.client.workflow.getHandle(healthCheckWorkflowId(id))
      expect((await health.describe()).status.name).toBe('RUNNING')
      expect(await health.query(healthQuery)).toMatchObject({ endpoints: [fakeEndpoint] })
      await expect.poll(() => h.orbit.deployment(id).healthStatus, { timeout: 20_000 }).toBe('healthy')

      await run(h, id, DESTROY_WORKFLOW_TYPE)
      expect(destroyed).toContain(id)
      expect(h.orbit.deployment(id).status).toBe('destroyed')
      await expect.poll(async () => (await health.describe()).status.name, { timeout: 20_000 }).toBe('COMPLETED')
    } finally {
      server.close()
    }
  })
})

describe('credentials', () => {
  test('the token of a protected HTTPS-like remote appears in no log, error, .git/config or workflow history', async () => {
    const token = `tok-${Math.random().toString(36).slice(2)}-secret`
    const r = await repo()
    const server = await startGitHttpServer({ root: join(r.path, '..'), token })
    const secured = await startHarness({ env, credentials: { token } })
    try {
      const gen = secured.orbit.createGenerator(dockerComposeLocal)
      const ok = secured.orbit.createDeployment({ app: secured.orbit.createApp({ repositoryUrl: `${server.url}/app.git` }), generator: gen, config: { serviceName: 'sec', port: 8443 } })
      await run(secured, ok)
      expect(secured.orbit.deployment(ok)).toMatchObject({ status: 'generated', commitSha: (await r.log())[0] })
      expect(server.requests.some((q) => q.authorized && q.path.endsWith('git-receive-pack'))).toBe(true)

      // A failing run too (the repo path does not exist on the server): its error must not leak either.
      const bad = secured.orbit.createDeployment({ app: secured.orbit.createApp({ repositoryUrl: `${server.url}/missing.git` }), generator: gen, config: { serviceName: 'sec', port: 8443 } })
      const error = await run(secured, bad).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(WorkflowFailedError)
      expect(secured.orbit.deployment(bad).status).toBe('failed')

      for (const id of [ok, bad]) {
        const history = historyText(await env.client.workflow.getHandle(deploymentWorkflowId(id)).fetchHistory())
        expect(history).toContain(`"deploymentId":"${id}"`) // decoded payloads are searched
        expect(history).not.toContain(token)
        expect(secured.orbit.deployment(id).lastError ?? '').not.toContain(token)
      }
      expect(JSON.stringify(error)).not.toContain(token)
      expect(String((error as Error).cause)).not.toContain(token)
      expect(secured.logs()).toContain('files committed')
      expect(secured.logs()).not.toContain(token)
    } finally {
      await secured.close()
      await server.close()
    }
  })
})
