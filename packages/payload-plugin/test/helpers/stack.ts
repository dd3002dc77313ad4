import { createRequire } from 'node:module'

import { getFreePort, startFerretDB, startTemporalDevServer } from '@orbit/testing'
import type { FerretDBServer, TemporalDevServer } from '@orbit/testing'
import { Client, Connection } from '@temporalio/client'
import { configToSchema } from '@payloadcms/graphql'
import type { graphql as GraphQLFn } from 'graphql'
import { createPayloadRequest, getPayload, handleEndpoints } from 'payload'
import type { Payload, SanitizedConfig } from 'payload'

import { devConfig } from '../../dev/config.js'
import type { TestDatabase } from '../../dev/config.js'
import type { DeploymentsPluginOptions } from '../../src/types.js'

// @payloadcms/graphql loads graphql through Node's resolver (the CommonJS build); vitest would
// hand this file the ESM build, a different realm. Load the same instance Payload uses.
const { graphql } = createRequire(import.meta.url)('graphql') as { graphql: typeof GraphQLFn }

/** Which database this run of the suites uses: ORBIT_TEST_DB=sqlite|mongodb (default sqlite). */
export function testDatabase(): TestDatabase {
  const value = process.env.ORBIT_TEST_DB ?? 'sqlite'
  if (value !== 'sqlite' && value !== 'mongodb') throw new Error(`ORBIT_TEST_DB must be sqlite or mongodb, got ${value}`)
  return value
}

export type ActorName = 'platformAdmin' | 'ownerA' | 'adminA' | 'memberA' | 'memberB' | 'outsider' | 'service' | 'anonymous'

export interface Actor {
  name: ActorName
  /** The user document (null for anonymous), as Local API `user`. */
  user: (Record<string, unknown> & { id: number | string; collection: 'users' }) | null
  /** Authorization header for REST calls (JWT for people, API key for the service account). */
  authorization?: string
}

export interface Stack {
  db: TestDatabase
  payload: Payload
  config: SanitizedConfig
  temporal: TemporalDevServer | null
  temporalAddress: string
  ferret: FerretDBServer | null
  workspaces: { A: number | string; B: number | string }
  apps: { A: number | string; B: number | string }
  actors: Record<ActorName, Actor>
  builtInGeneratorId: number | string
  /** A REST call through Payload's own handler (no Next.js needed). */
  rest(actor: Actor, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>
  /** A GraphQL query through Payload's schema, authenticated from the same headers as REST. */
  graphql(actor: Actor, query: string): Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string }[] }>
  temporalClient(): Promise<Client>
  stop(): Promise<void>
}

export const SERVICE_API_KEY = 'orbit-test-service-api-key-0123456789'
const PASSWORD = 'correct horse battery staple'

export interface StackOptions {
  /** Start a real Temporal dev server (default true). With false, the plugin points at a closed port. */
  temporal?: boolean
  plugin?: DeploymentsPluginOptions
}

/** Starts the database (SQLite file or FerretDB), optionally Temporal, Payload with the plugin, and fixtures. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const db = testDatabase()
  const ferret = db === 'mongodb' ? await startFerretDB({ dbName: `orbit_plugin_${process.pid}` }) : null
  const temporal = options.temporal === false ? null : await startTemporalDevServer()
  const temporalAddress = temporal?.address ?? `127.0.0.1:${await getFreePort()}`
  const config = await devConfig({
    db,
    ...(ferret ? { mongoUri: ferret.uri } : {}),
    plugin: {
      ...options.plugin,
      temporal: { address: temporalAddress, timeoutMs: 2_000, unreachableCacheMs: 500, ...options.plugin?.temporal },
      reconcile: { intervalSeconds: 0, ...options.plugin?.reconcile },
    },
  })
  const payload = await getPayload({ config, cron: false })

  const create = (collection: string, data: Record<string, unknown>) => payload.create({ collection, data, overrideAccess: true, depth: 0 })
  const A = (await create('workspaces', { name: 'Workspace A' })).id
  const B = (await create('workspaces', { name: 'Workspace B' })).id
  const appA = (await create('apps', { name: 'app-a', workspace: A, repositoryUrl: 'file:///tmp/a.git' })).id
  const appB = (await create('apps', { name: 'app-b', workspace: B, repositoryUrl: 'file:///tmp/b.git' })).id

  const people: [ActorName, string[], [number | string, string] | null][] = [
    ['platformAdmin', ['platform-admin'], null],
    ['ownerA', ['user'], [A, 'owner']],
    ['adminA', ['user'], [A, 'admin']],
    ['memberA', ['user'], [A, 'member']],
    ['memberB', ['user'], [B, 'member']],
    ['outsider', ['user'], null],
  ]
  const actors = {} as Record<ActorName, Actor>
  for (const [name, roles, membership] of people) {
    const email = `${name.toLowerCase()}@orbit.test`
    const user = await create('users', { email, password: PASSWORD, roles })
    if (membership) await create('workspace-members', { user: user.id, workspace: membership[0], role: membership[1] })
    const login = await payload.login({ collection: 'users', data: { email, password: PASSWORD } })
    actors[name] = { name, user: { ...user, collection: 'users' } as Actor['user'], authorization: `JWT ${login.token}` }
  }
  const service = await create('users', { email: 'worker@orbit.test', password: PASSWORD, roles: ['service'], enableAPIKey: true, apiKey: SERVICE_API_KEY })
  actors.service = { name: 'service', user: { ...service, collection: 'users' } as Actor['user'], authorization: `users API-Key ${SERVICE_API_KEY}` }
  actors.anonymous = { name: 'anonymous', user: null }

  const builtIn = await payload.find({ collection: 'deployment-generators', where: { slug: { equals: 'docker-compose-local' } }, overrideAccess: true, depth: 0 })
  if (!builtIn.docs[0]) throw new Error('the built-in generator was not seeded')

  let client: Client | null = null
  let schema: ReturnType<typeof configToSchema>['schema'] | undefined
  let connection: Connection | null = null
  return {
    db,
    payload,
    config,
    temporal,
    temporalAddress,
    ferret,
    workspaces: { A, B },
    apps: { A: appA, B: appB },
    actors,
    builtInGeneratorId: builtIn.docs[0].id,
    async rest(actor, method, path, body) {
      const headers = new Headers({ 'content-type': 'application/json' })
      if (actor.authorization) headers.set('authorization', actor.authorization)
      const request = new Request(`http://localhost/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
      const response = await handleEndpoints({ config, request })
      const text = await response.text()
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
    },
    async graphql(actor, query) {
      const headers = new Headers({ 'content-type': 'application/json' })
      if (actor.authorization) headers.set('authorization', actor.authorization)
      const request = new Request('http://localhost/api/graphql', { method: 'POST', headers })
      const req = await createPayloadRequest({ config, request })
      schema ??= configToSchema(config).schema
      const result = await graphql({ schema, source: query, contextValue: { req, headers: {} } })
      return { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors }
    },
    async temporalClient() {
      if (!client) {
        connection = await Connection.connect({ address: temporalAddress })
        client = new Client({ connection })
      }
      return client
    },
    async stop() {
      await connection?.close().catch(() => undefined)
      await payload.destroy().catch(() => undefined)
      await temporal?.stop()
      await ferret?.stop()
    },
  }
}

/** Terminates every open run of the given workflow IDs (tests leave Temporal clean). */
export async function terminateOpenRuns(stack: Stack, workflowIds: string[]): Promise<void> {
  if (!stack.temporal) return
  const client = await stack.temporalClient()
  for (const id of workflowIds) {
    try {
      const d = await client.workflow.getHandle(id).describe()
      if (d.status.name === 'RUNNING') await client.workflow.getHandle(id).terminate('test cleanup')
    } catch {
      // not found: nothing to clean
    }
  }
}

/** Every run (open or closed) Temporal has for a workflow ID. */
export async function listRuns(stack: Stack, workflowId: string) {
  const client = await stack.temporalClient()
  const runs = []
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run)
  return runs
}
