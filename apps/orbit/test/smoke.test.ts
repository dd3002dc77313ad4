// HTTP smoke test of the BUILT app: `next build` output served by `next start` (production mode,
// committed SQLite migrations applied on start), driven over REST like a browser or the worker.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { DEFAULT_TASK_QUEUE, DEPLOYMENT_WORKFLOW_TYPE, deploymentWorkflowId } from '@orbit/deployments-core'
import { startTemporalDevServer } from '@orbit/testing'
import { Client, Connection } from '@temporalio/client'
import { defaultPayloadConverter } from '@temporalio/common'
import type { TemporalDevServer } from '@orbit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, ensureBuilt, startApp } from './support/app.js'
import type { RunningApp } from './support/app.js'

type Doc = { id: number | string; [key: string]: unknown }
type ErrorBody = { errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[] }

/** Field paths named by a Payload error response. */
const fieldPaths = (body: unknown): string[] =>
  ((body as ErrorBody).errors ?? []).flatMap((e) => (e.data?.errors ?? []).map((f) => f.path))

let temporal: TemporalDevServer
let app: RunningApp
let dir: string
let request: ReturnType<typeof api>

beforeAll(async () => {
  await ensureBuilt()
  temporal = await startTemporalDevServer()
  dir = await mkdtemp(join(tmpdir(), 'orbit-smoke-'))
  app = await startApp({
    DATABASE_URI: `file:${join(dir, 'orbit.db')}`,
    ORBIT_DATA_DIR: dir,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
  })
  request = api(app.url)
})

afterAll(async () => {
  await app?.stop()
  await temporal?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the built app over HTTP', () => {
  const admin = { email: 'admin@smoke.test', password: 'smoke-admin-pw' }
  const member = { email: 'member@smoke.test', password: 'smoke-member-pw' }
  const serviceKey = randomBytes(24).toString('hex')
  let adminAuth: string
  let memberAuth: string
  let workspace: Doc
  let appDoc: Doc

  it('applies the committed migrations on start and makes the first registered user a platform admin', async () => {
    // Asking for another role is ignored: the first user is always the platform admin.
    const res = await request<{ token: string; user: Doc }>('POST', '/api/users/first-register', {
      body: { ...admin, roles: ['user'] },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.user.roles).toEqual(['platform-admin'])
    // A second "first user" is refused.
    const again = await request('POST', '/api/users/first-register', { body: { email: 'x@smoke.test', password: 'another-pw' } })
    expect(again.status).toBe(403)
  })

  it('logs in over REST and returns the signed-in user', async () => {
    const wrong = await request('POST', '/api/users/login', { body: { email: admin.email, password: 'wrong-password' } })
    expect(wrong.status).toBe(401)
    const res = await request<{ token: string; user: Doc }>('POST', '/api/users/login', { body: admin })
    expect(res.status).toBe(200)
    adminAuth = `JWT ${res.body.token}`
    const me = await request<{ user: Doc | null }>('GET', '/api/users/me', { auth: adminAuth })
    expect(me.body.user?.email).toBe(admin.email)
  })

  it('lets the platform admin set up a workspace, a member and an app', async () => {
    const ws = await request<{ doc: Doc }>('POST', '/api/workspaces', { auth: adminAuth, body: { name: 'Smoke Team' } })
    expect(ws.status, JSON.stringify(ws.body)).toBe(201)
    workspace = ws.body.doc
    expect(workspace.slug).toBe('smoke-team')

    const user = await request<{ doc: Doc }>('POST', '/api/users', { auth: adminAuth, body: { ...member, name: 'Member' } })
    expect(user.status, JSON.stringify(user.body)).toBe(201)
    expect(user.body.doc.roles).toEqual(['user'])
    const membership = await request('POST', '/api/workspace-members', {
      auth: adminAuth,
      body: { user: user.body.doc.id, workspace: workspace.id, role: 'member' },
    })
    expect(membership.status, JSON.stringify(membership.body)).toBe(201)
    const duplicate = await request('POST', '/api/workspace-members', {
      auth: adminAuth,
      body: { user: user.body.doc.id, workspace: workspace.id, role: 'admin' },
    })
    expect(duplicate.status).toBe(400)
    expect(fieldPaths(duplicate.body)).toContain('user')

    const created = await request<{ doc: Doc }>('POST', '/api/apps', {
      auth: adminAuth,
      body: { name: 'smoke-app', workspace: workspace.id, repositoryUrl: 'https://git.example.com/smoke/app.git' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    appDoc = created.body.doc
    expect(appDoc.branch).toBe('main')
  })

  it('answers bad input with a 400 that names the field', async () => {
    const res = await request('POST', '/api/apps', {
      auth: adminAuth,
      body: { name: 'bad', workspace: workspace.id, repositoryUrl: '--upload-pack=evil', branch: 'a..b' },
    })
    expect(res.status).toBe(400)
    expect(fieldPaths(res.body).sort()).toEqual(['branch', 'repositoryUrl'])
    expect(JSON.stringify(res.body)).toContain('repositoryUrl: must not start with')
  })

  it('lets a member log in and read their workspace app, but not write it or change their roles', async () => {
    const login = await request<{ token: string; user: Doc }>('POST', '/api/users/login', { body: member })
    expect(login.status).toBe(200)
    memberAuth = `JWT ${login.body.token}`

    const read = await request<Doc>('GET', `/api/apps/${appDoc.id}`, { auth: memberAuth })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ name: 'smoke-app', repositoryUrl: 'https://git.example.com/smoke/app.git', branch: 'main' })

    const write = await request('PATCH', `/api/apps/${appDoc.id}`, { auth: memberAuth, body: { branch: 'dev' } })
    expect(write.status).toBe(403)
    const create = await request('POST', '/api/apps', {
      auth: memberAuth,
      body: { name: 'nope', workspace: workspace.id, repositoryUrl: 'https://git.example.com/x.git' },
    })
    expect(create.status).toBe(403)

    // Roles are silently kept: only platform admins change them.
    const me = login.body.user
    const escalate = await request<{ doc: Doc }>('PATCH', `/api/users/${me.id}`, { auth: memberAuth, body: { roles: ['platform-admin'], name: 'Renamed' } })
    expect(escalate.status).toBe(200)
    expect(escalate.body.doc).toMatchObject({ name: 'Renamed', roles: ['user'] })
    const others = await request<{ docs: Doc[] }>('GET', '/api/users', { auth: memberAuth })
    expect(others.body.docs.map((d) => d.email)).toEqual([member.email])
  })

  it('lets a workspace owner add people by email (owners read no other user) and shows who each member is', async () => {
    const owner = { email: 'owner@smoke.test', password: 'smoke-owner-pw' }
    const newcomer = { email: 'newcomer@smoke.test', password: 'smoke-newcomer-pw' }
    const ownerDoc = (await request<{ doc: Doc }>('POST', '/api/users', { auth: adminAuth, body: owner })).body.doc
    const newcomerDoc = (await request<{ doc: Doc }>('POST', '/api/users', { auth: adminAuth, body: newcomer })).body.doc
    expect((await request('POST', '/api/workspace-members', { auth: adminAuth, body: { user: ownerDoc.id, workspace: workspace.id, role: 'owner' } })).status).toBe(201)
    const ownerAuth = `JWT ${(await request<{ token: string }>('POST', '/api/users/login', { body: owner })).body.token}`
    // The owner cannot look the newcomer up…
    expect((await request<{ docs: Doc[] }>('GET', '/api/users', { auth: ownerAuth })).body.docs.map((d) => d.email)).toEqual([owner.email])

    // …but adds them by email (any case, spaces trimmed).
    const added = await request<{ doc: Doc }>('POST', '/api/workspace-members', { auth: ownerAuth, body: { email: '  NewComer@smoke.test ', workspace: workspace.id, role: 'member' } })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    expect(added.body.doc).toMatchObject({ email: newcomer.email, role: 'member' })
    const stored = await request<Doc>('GET', `/api/workspace-members/${added.body.doc.id}?depth=0`, { auth: adminAuth })
    expect(stored.body.user).toBe(newcomerDoc.id)

    const unknown = await request('POST', '/api/workspace-members', { auth: ownerAuth, body: { email: 'nobody@smoke.test', workspace: workspace.id, role: 'member' } })
    expect(unknown.status).toBe(400)
    expect(fieldPaths(unknown.body)).toEqual(['email'])
    expect(JSON.stringify(unknown.body)).toContain('no Orbit user has this email')
    const neither = await request('POST', '/api/workspace-members', { auth: ownerAuth, body: { workspace: workspace.id, role: 'member' } })
    expect(neither.status).toBe(400)
    expect(fieldPaths(neither.body)).toEqual(['user'])
    const again = await request('POST', '/api/workspace-members', { auth: ownerAuth, body: { email: newcomer.email, workspace: workspace.id, role: 'admin' } })
    expect(again.status).toBe(400)
    expect(fieldPaths(again.body)).toContain('user')
    // A plain member adds nobody, even by email.
    const byMember = await request('POST', '/api/workspace-members', { auth: memberAuth, body: { email: 'owner@smoke.test', workspace: workspace.id, role: 'member' } })
    expect(byMember.status).toBe(403)

    // The owner's list of memberships says who each one is, and follows an email change.
    const client = (await request<{ docs: Doc[] }>('GET', '/api/workspace-members?depth=0&limit=100', { auth: ownerAuth })).body.docs
    expect(client.map((d) => d.email).sort()).toEqual([member.email, newcomer.email, owner.email].sort())
    expect((await request('PATCH', `/api/users/${newcomerDoc.id}`, { auth: adminAuth, body: { email: 'renamed@smoke.test' } })).status).toBe(200)
    const renamed = await request<Doc>('GET', `/api/workspace-members/${added.body.doc.id}?depth=0`, { auth: ownerAuth })
    expect(renamed.body.email).toBe('renamed@smoke.test')
  })

  it('lets the service account read apps with its API key', async () => {
    const created = await request<{ doc: Doc }>('POST', '/api/users', {
      auth: adminAuth,
      body: { email: 'worker@smoke.test', password: randomBytes(16).toString('hex'), roles: ['service'], enableAPIKey: true, apiKey: serviceKey },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const res = await request<Doc>('GET', `/api/apps/${appDoc.id}`, { auth: `users API-Key ${serviceKey}` })
    expect(res.status).toBe(200)
    expect(res.body.name).toBe('smoke-app')
    const badKey = await request('GET', `/api/apps/${appDoc.id}`, { auth: `users API-Key ${'0'.repeat(48)}` })
    expect(badKey.status).toBe(403)
  })

  it('lets a member create a deployment over REST, which starts its workflow on Temporal', async () => {
    const generators = await request<{ docs: Doc[] }>('GET', '/api/deployment-generators?where[slug][equals]=docker-compose-local&depth=0', {
      auth: memberAuth,
    })
    expect(generators.status).toBe(200)
    const generator = generators.body.docs[0]
    expect(generator, 'the built-in docker-compose-local generator is seeded on init').toBeDefined()

    const created = await request<{ doc: Doc }>('POST', '/api/deployments', {
      auth: memberAuth,
      body: { app: appDoc.id, generator: generator!.id, name: 'local', config: { serviceName: 'smoke-web', port: 8080 } },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id

    // Read it back: the member directly, the worker's service account populated (docs/contract.md).
    const mine = await request<Doc>('GET', `/api/deployments/${id}?depth=0`, { auth: memberAuth })
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({ name: 'local', status: 'pending', config: { serviceName: 'smoke-web', port: 8080 } })
    expect(mine.body.workflowId).toBe(deploymentWorkflowId(String(id)))
    const worker = await request<Doc & { app: Doc; generator: Doc }>('GET', `/api/deployments/${id}?depth=1`, { auth: `users API-Key ${serviceKey}` })
    expect(worker.status).toBe(200)
    expect(worker.body.app).toMatchObject({ id: appDoc.id, repositoryUrl: 'https://git.example.com/smoke/app.git', branch: 'main' })
    expect(worker.body.generator).toMatchObject({ slug: 'docker-compose-local', executorType: 'docker-compose' })

    // Exactly the contract's workflow: type, ID, task queue and an input carrying the id only.
    const connection = await Connection.connect({ address: temporal.address })
    try {
      const client = new Client({ connection, namespace: temporal.namespace })
      const handle = client.workflow.getHandle(deploymentWorkflowId(String(id)))
      const description = await handle.describe()
      expect(description.type).toBe(DEPLOYMENT_WORKFLOW_TYPE)
      expect(description.taskQueue).toBe(DEFAULT_TASK_QUEUE)
      expect(description.status.name).toBe('RUNNING')
      const history = await handle.fetchHistory()
      const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? []
      expect(input.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([{ deploymentId: String(id) }])
    } finally {
      await connection.close()
    }
  })

  it('answers a deployment with a bad config with a 400 naming each field', async () => {
    const generators = await request<{ docs: Doc[] }>('GET', '/api/deployment-generators?where[slug][equals]=docker-compose-local&depth=0', {
      auth: memberAuth,
    })
    const res = await request('POST', '/api/deployments', {
      auth: memberAuth,
      body: { app: appDoc.id, generator: generators.body.docs[0]!.id, name: 'bad', config: { serviceName: 'Not Valid!', port: 70000 } },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(fieldPaths(res.body).sort()).toEqual(['config.port', 'config.serviceName'])
  })

  it('serves the admin: the login page to everyone, the deployments list to a signed-in member', async () => {
    const login = await fetch(`${app.url}/admin/login`)
    expect(login.status).toBe(200)
    expect(await login.text()).toContain('Orbit')
    // Payload's admin reads the session from the payload-token cookie. Redirects inside a streamed
    // page arrive as a 200 whose payload says NEXT_REDIRECT, so the body is what tells them apart.
    const toLogin = /NEXT_REDIRECT;[a-z]+;\/admin\/login/
    const token = memberAuth.replace(/^JWT /, '')
    for (const path of ['/admin', '/admin/collections/deployments', '/admin/collections/apps']) {
      const page = await fetch(`${app.url}${path}`, { headers: { cookie: `payload-token=${token}` } })
      expect(page.status, path).toBe(200)
      expect(await page.text(), path).not.toMatch(toLogin)
    }
    const anonymous = await fetch(`${app.url}/admin/collections/deployments`)
    expect(await anonymous.text()).toMatch(toLogin)
  })

  it('gives anonymous callers nothing', async () => {
    for (const path of ['/api/apps', '/api/workspaces', '/api/workspace-members', '/api/users', '/api/deployments', '/api/deployment-generators']) {
      const res = await request('GET', path)
      expect(res.status, path).toBe(403)
    }
    expect((await request('GET', `/api/apps/${appDoc.id}`)).status).toBe(403)
  })
})

describe('production settings', () => {
  it('refuses to serve without PAYLOAD_SECRET', async () => {
    const bare = await startApp({ DATABASE_URI: `file:${join(dir, 'no-secret.db')}`, ORBIT_DATA_DIR: dir })
    try {
      const res = await fetch(`${bare.url}/api/users/me`)
      expect(res.status).toBe(500)
      await new Promise((r) => setTimeout(r, 200))
      expect(bare.process.output()).toContain('PAYLOAD_SECRET is not set')
    } finally {
      await bare.stop()
    }
  })
})
