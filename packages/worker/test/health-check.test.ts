// healthCheckWorkflow on a real Temporal dev server with an in-process worker, checking a real
// local HTTP server; health is written through the Orbit stand-in (test/support/orbit-stand-in.ts).
import { HEALTH_CHECK_WORKFLOW_TYPE, dockerComposeLocal, healthCheckWorkflowId } from '@orbit/deployments-core'
import type { TestWorkflowEnvironment } from '@temporalio/testing'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { healthQuery, stopHealthChecksSignal } from '../src/workflows/definitions.js'
import type { HealthCheckInput } from '../src/workflows/definitions.js'
import { startHarness, startTemporal } from './support/harness.js'
import type { Harness } from './support/harness.js'

let env: TestWorkflowEnvironment
let h: Harness

beforeAll(async () => {
  env = await startTemporal()
  h = await startHarness({ env })
}, 120_000)

afterAll(async () => {
  await h?.close()
  await env?.teardown()
})

async function listen(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    res.statusCode = req.url === '/broken' ? 500 : 200
    res.end('ok')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

function deploymentId(): string {
  const app = h.orbit.createApp({ repositoryUrl: '/nonexistent/app.git' })
  const id = h.orbit.createDeployment({ app, generator: h.orbit.createGenerator(dockerComposeLocal), config: { serviceName: 'x', port: 1 } })
  h.orbit.forceStatus(id, 'deployed')
  return id
}

function start(input: HealthCheckInput) {
  return env.client.workflow.start(HEALTH_CHECK_WORKFLOW_TYPE, { taskQueue: h.taskQueue, workflowId: healthCheckWorkflowId(input.deploymentId), args: [input] })
}

const healthWrites = (id: string) => h.orbit.patches(id).flatMap((p) => (p.healthStatus ? [p.healthStatus] : []))

test('healthy while the endpoint answers, down after it stops; writes only on change; continues as new', async () => {
  const { server, url } = await listen()
  const id = deploymentId()
  const handle = await start({ deploymentId: id, endpoints: [`${url}/healthz`], intervalSeconds: 1, timeoutSeconds: 1, downAfter: 2, writeEvery: 1000, checksPerRun: 3 })
  await expect.poll(() => h.orbit.deployment(id).healthStatus, { timeout: 20_000 }).toBe('healthy')
  expect(Date.parse(h.orbit.deployment(id).healthLastChecked!)).toBeGreaterThan(Date.now() - 30_000)

  // Several checks later (across a continue-as-new), still one write.
  await expect.poll(async () => (await handle.query(healthQuery)).checks, { timeout: 20_000 }).toBeGreaterThanOrEqual(4)
  expect(healthWrites(id)).toEqual(['healthy'])
  const { runId } = await handle.describe()
  expect(runId).not.toBe(handle.firstExecutionRunId)

  await new Promise<void>((r) => server.close(() => r()))
  server.closeAllConnections()
  await expect.poll(() => h.orbit.deployment(id).healthStatus, { timeout: 20_000 }).toBe('down')
  expect(healthWrites(id)).toEqual(['healthy', 'degraded', 'down'])

  await env.client.workflow.getHandle(healthCheckWorkflowId(id)).signal(stopHealthChecksSignal)
  await expect.poll(async () => (await handle.describe()).status.name, { timeout: 20_000 }).toBe('COMPLETED')
}, 90_000)

test('one failing endpoint out of two is degraded, not down', async () => {
  const { server, url } = await listen()
  const id = deploymentId()
  try {
    const handle = await start({ deploymentId: id, endpoints: [`${url}/ok`, `${url}/broken`], intervalSeconds: 1, downAfter: 1 })
    await expect.poll(() => h.orbit.deployment(id).healthStatus, { timeout: 20_000 }).toBe('degraded')
    await handle.signal(stopHealthChecksSignal)
    await handle.result()
  } finally {
    server.close()
  }
}, 60_000)

test('stops by itself when Orbit says the deployment is destroyed', async () => {
  const { server, url } = await listen()
  const id = deploymentId()
  try {
    const handle = await start({ deploymentId: id, endpoints: [`${url}/ok`], intervalSeconds: 1, writeEvery: 1 })
    await expect.poll(() => h.orbit.deployment(id).healthStatus, { timeout: 20_000 }).toBe('healthy')
    h.orbit.forceStatus(id, 'destroyed')
    await handle.result()
    expect((await handle.describe()).status.name).toBe('COMPLETED')
  } finally {
    server.close()
  }
}, 60_000)
