// Proves the real Temporal dev server starts here: the CLI binary (built by scripts/setup.sh),
// a client connecting to it, and a trivial workflow running on a real worker.
import { temporalCliPath } from '@orbit/testing'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'

let env: TestWorkflowEnvironment

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCliPath() }, ip: '127.0.0.1' },
  })
}, 120_000)

afterAll(async () => {
  await env?.teardown()
})

test('a workflow runs on a real worker against the Temporal dev server', async () => {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'smoke',
    workflowsPath: fileURLToPath(new URL('./fixtures/smoke-workflows.ts', import.meta.url)),
    activities: { greet: async (name: string) => `hello ${name}` },
  })
  const result = await worker.runUntil(
    env.client.workflow.execute('smokeWorkflow', { taskQueue: 'smoke', workflowId: `smoke-${Date.now()}`, args: ['orbit'] }),
  )
  expect(result).toBe('hello orbit (from a workflow)')
  const description = await env.client.workflow.getHandle(`smoke-${Date.now()}`).describe().catch((e: Error) => e)
  expect(description).toBeInstanceOf(Error) // an unknown workflow ID is an error, not a silent empty result
}, 120_000)
