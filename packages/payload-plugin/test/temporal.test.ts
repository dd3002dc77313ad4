// Workflow start against a real Temporal dev server (no worker: runs just wait in the queue).
import { DEFAULT_TASK_QUEUE, DEPLOYMENT_WORKFLOW_TYPE, deploymentWorkflowId } from '@orbit/deployments-core'
import { startTemporalDevServer } from '@orbit/testing'
import type { TemporalDevServer } from '@orbit/testing'
import { Client, Connection, defaultPayloadConverter } from '@temporalio/client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { reconcileDeployments, startDeployment } from '../src/index.js'
import { unique } from './helpers/fixtures.js'
import { listRuns, startStack, terminateOpenRuns } from './helpers/stack.js'
import type { Stack } from './helpers/stack.js'

let stack: Stack
let restarted: TemporalDevServer | null = null
const created: (number | string)[] = []

async function createAsMember(name = unique('dep')) {
  const doc = await stack.payload.create({
    collection: 'deployments',
    data: { app: stack.apps.A, generator: stack.builtInGeneratorId, name, config: { serviceName: 'auth-api', port: 8080 } },
    user: stack.actors.memberA.user!,
    overrideAccess: false,
  })
  created.push(doc.id)
  return doc
}

async function startInput(client: Client, workflowId: string): Promise<unknown[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory()
  const payloads = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? []
  return payloads.map((p) => defaultPayloadConverter.fromPayload(p))
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await fn()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe(`Temporal workflow start (${process.env.ORBIT_TEST_DB ?? 'sqlite'})`, () => {
  beforeAll(async () => {
    stack = await startStack({ plugin: { reconcile: { intervalSeconds: 1 } } })
  })

  afterEach(async () => {
    if (!stack) return
    await terminateOpenRuns(stack, created.map((id) => deploymentWorkflowId(String(id))))
    for (const id of created.splice(0)) await stack.payload.delete({ collection: 'deployments', id, overrideAccess: true }).catch(() => undefined)
  })

  afterAll(async () => {
    await stack?.stop()
    await restarted?.stop()
  })

  it('creating a deployment starts exactly one deploymentWorkflow with ID deployment-<id> and input { deploymentId }', async () => {
    const doc = await createAsMember()
    const workflowId = deploymentWorkflowId(String(doc.id))
    expect(doc.workflowId).toBe(workflowId)
    expect(doc.lastError ?? null).toBeNull()
    const client = await stack.temporalClient()
    const run = await client.workflow.getHandle(workflowId).describe()
    expect(run.type).toBe(DEPLOYMENT_WORKFLOW_TYPE)
    expect(run.taskQueue).toBe(DEFAULT_TASK_QUEUE)
    expect(run.status.name).toBe('RUNNING')
    expect(await startInput(client, workflowId)).toEqual([{ deploymentId: String(doc.id) }])
    expect(await listRuns(stack, workflowId)).toHaveLength(1)
    const stored = await stack.payload.findByID({ collection: 'deployments', id: doc.id, overrideAccess: true, depth: 0 })
    expect(stored.workflowId).toBe(workflowId)
  })

  it("the worker's status writes and people's edits start nothing", async () => {
    const doc = await createAsMember()
    const workflowId = deploymentWorkflowId(String(doc.id))
    const service = { user: stack.actors.service.user!, overrideAccess: false }
    await stack.payload.update({ collection: 'deployments', id: doc.id, data: { status: 'generating' }, ...service })
    await stack.payload.update({ collection: 'deployments', id: doc.id, data: { status: 'generated', commitSha: 'abc123', lastDeployedAt: new Date().toISOString() }, ...service })
    await stack.payload.update({ collection: 'deployments', id: doc.id, data: { name: 'renamed', config: { serviceName: 'auth-api', port: 9090 } }, user: stack.actors.memberA.user!, overrideAccess: false })
    const runs = await listRuns(stack, workflowId)
    expect(runs).toHaveLength(1)
    expect(runs[0]!.status.name).toBe('RUNNING')
  })

  it('20 concurrent duplicate starts leave exactly one run', async () => {
    const doc = await createAsMember()
    const workflowId = deploymentWorkflowId(String(doc.id))
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => startDeployment(stack.payload, doc.id)))
    expect(outcomes.every((o) => o.result === 'already-running' && o.workflowId === workflowId)).toBe(true)
    expect(await listRuns(stack, workflowId)).toHaveLength(1)
  })

  it('20 concurrent first starts (after the create-time run ended) start exactly one new run', async () => {
    const doc = await createAsMember()
    const workflowId = deploymentWorkflowId(String(doc.id))
    await terminateOpenRuns(stack, [workflowId])
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => startDeployment(stack.payload, doc.id)))
    expect(outcomes.filter((o) => o.result === 'started')).toHaveLength(1)
    expect(outcomes.filter((o) => o.result === 'already-running')).toHaveLength(19)
    const runs = await listRuns(stack, workflowId)
    expect(runs.filter((r) => r.status.name === 'RUNNING')).toHaveLength(1)
    expect(runs).toHaveLength(2) // the terminated create-time run + the one new run
  })

  it('20 concurrent regenerate requests: one 202, the rest 409, one open run', async () => {
    const doc = await createAsMember()
    const workflowId = deploymentWorkflowId(String(doc.id))
    await terminateOpenRuns(stack, [workflowId])
    const responses = await Promise.all(Array.from({ length: 20 }, () => stack.rest(stack.actors.memberA, 'POST', `/deployments/${doc.id}/regenerate`, {})))
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 202)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    const runs = await listRuns(stack, workflowId)
    expect(runs.filter((r) => r.status.name === 'RUNNING')).toHaveLength(1)
  })

  it('a deployment with an open run cannot be deleted (409); once the run ended it can', async () => {
    const doc = await createAsMember()
    const asOwner = { user: stack.actors.ownerA.user!, overrideAccess: false }
    await expect(stack.payload.delete({ collection: 'deployments', id: doc.id, ...asOwner })).rejects.toMatchObject({ status: 409 })
    await terminateOpenRuns(stack, [deploymentWorkflowId(String(doc.id))])
    await stack.payload.delete({ collection: 'deployments', id: doc.id, ...asOwner })
    created.splice(created.indexOf(doc.id), 1)
  })

  it('with Temporal stopped a create stays pending with a readable lastError, and is started once Temporal is back', async () => {
    const temporal = stack.temporal!
    await temporal.stop()

    const doc = await createAsMember()
    expect(doc.status).toBe('pending')
    expect(doc.workflowId ?? null).toBeNull()
    // "connection refused" or "no answer in time", depending on how far the old connection got.
    expect(doc.lastError).toMatch(
      new RegExp(
        `^Temporal is unreachable at ${stack.temporalAddress.replace(/\./g, '\\.')} \\((connection refused|no answer in time)\\)\\. The deployment stays pending and starts automatically once Temporal is reachable again\\.$`,
      ),
    )
    // Reconciler passes while Temporal is down change nothing.
    expect(await reconcileDeployments(stack.payload)).toMatchObject({ unavailable: true, started: [] })

    restarted = await startTemporalDevServer({ port: temporal.port })
    const workflowId = deploymentWorkflowId(String(doc.id))
    const stored = await waitFor('the reconciler to start the pending deployment', async () => {
      const d = await stack.payload.findByID({ collection: 'deployments', id: doc.id, overrideAccess: true, depth: 0 })
      return d.workflowId === workflowId ? d : undefined
    })
    expect(stored.status).toBe('pending')
    expect(stored.lastError ?? null).toBeNull()

    const connection = await Connection.connect({ address: stack.temporalAddress })
    try {
      const client = new Client({ connection })
      const run = await client.workflow.getHandle(workflowId).describe()
      expect(run.type).toBe(DEPLOYMENT_WORKFLOW_TYPE)
      expect(await startInput(client, workflowId)).toEqual([{ deploymentId: String(doc.id) }])
      const runs = []
      for await (const r of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(r)
      expect(runs).toHaveLength(1)
      await client.workflow.getHandle(workflowId).terminate('test cleanup')
    } finally {
      await connection.close()
    }
    await stack.payload.delete({ collection: 'deployments', id: doc.id, overrideAccess: true })
    created.splice(created.indexOf(doc.id), 1)
  })
})
