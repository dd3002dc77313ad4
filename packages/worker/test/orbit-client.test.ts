// OrbitClient over real HTTP against the Orbit stand-in (test/support/orbit-stand-in.ts); the
// e2e suite (test/e2e-orbit-app.test.ts) exercises the same client against the real app.
import { dockerComposeLocal } from '@orbit/deployments-core'
import { getFreePort } from '@orbit/testing'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { OrbitApiError, OrbitTransportError } from '../src/errors.js'
import { OrbitClient } from '../src/orbit/client.js'
import { startOrbitStandIn } from './support/orbit-stand-in.js'
import type { OrbitStandIn } from './support/orbit-stand-in.js'

let orbit: OrbitStandIn
let id: string

beforeAll(async () => {
  orbit = await startOrbitStandIn()
  const app = orbit.createApp({ repositoryUrl: '/srv/app.git' })
  id = orbit.createDeployment({ app, generator: orbit.createGenerator(dockerComposeLocal), config: { serviceName: 'a', port: 1 } })
})
afterAll(() => orbit?.close())

const client = (over: Partial<ConstructorParameters<typeof OrbitClient>[0]> = {}) => new OrbitClient({ baseUrl: orbit.url, apiKey: orbit.apiKey, ...over })

test('reads a deployment with its app and generator populated, with the service API key', async () => {
  const d = await client().getDeployment(id)
  expect(d.app).toMatchObject({ repositoryUrl: '/srv/app.git', branch: 'main' })
  expect(d.generator).toMatchObject({ name: dockerComposeLocal.name, executorType: 'docker-compose' })
})

test('writes status and returns the document; a refused transition is a 4xx OrbitApiError with the server’s words', async () => {
  const doc = await client().updateDeployment(id, { status: 'generating' })
  expect(doc.status).toBe('generating')
  const error = await client().updateDeployment(id, { status: 'destroyed' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OrbitApiError)
  expect((error as OrbitApiError).status).toBe(400)
  expect((error as Error).message).toMatch(/status: cannot move from generating to destroyed/)
})

test('a wrong API key is a 403 business error, and the key is not in the message', async () => {
  const error = await client({ apiKey: 'wrong-key-1234' }).getDeployment(id).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OrbitApiError)
  expect((error as OrbitApiError).status).toBe(403)
  expect((error as Error).message).not.toContain('wrong-key-1234')
})

test('5xx answers are retried, then succeed', async () => {
  orbit.failNext(2, 502)
  await expect(client({ retries: 2 }).getDeployment(id)).resolves.toMatchObject({ id })
})

test('5xx beyond the retries, and an unreachable server, are OrbitTransportErrors in plain words', async () => {
  orbit.failNext(3, 503)
  await expect(client({ retries: 1 }).getDeployment(id)).rejects.toThrow(/answered 503/)
  const port = await getFreePort()
  const error = await new OrbitClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k-1234', retries: 1 }).getDeployment(id).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OrbitTransportError)
  expect((error as Error).message).toMatch(/cannot connect \(ECONNREFUSED\)/)
})

test('a 404 right after the create (row not committed yet) is asked again within the grace period', async () => {
  orbit.failNext(2, 404)
  await expect(client({ notFoundGraceMs: 3000 }).getDeployment(id)).resolves.toMatchObject({ id })
})

test('a deployment that stays missing is a 404 OrbitApiError once the grace period is over', async () => {
  const error = await client({ notFoundGraceMs: 300 }).getDeployment('999999').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OrbitApiError)
  expect((error as OrbitApiError).status).toBe(404)
})
