// The demo seed and the app's access rules through Payload's Local API, on one database kind.
// Each *.test.ts file that calls this runs in its own worker, so the config is loaded fresh.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { startFerretDB } from '@orbit/testing'
import type { FerretDBServer } from '@orbit/testing'
import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { DemoSeedResult } from '../../src/seed/demo.js'

export function seedSuite(kind: 'sqlite' | 'mongodb'): void {
  let dir: string
  let ferret: FerretDBServer | undefined
  let payload: Payload
  let seedDemo: (payload: Payload) => Promise<DemoSeedResult>
  let first: DemoSeedResult

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `orbit-seed-${kind}-`))
    if (kind === 'mongodb') ferret = await startFerretDB({ dbName: 'orbit_seed' })
    process.env.DATABASE_URI = kind === 'mongodb' ? ferret!.uri : `file:${join(dir, 'orbit.db')}`
    process.env.ORBIT_DATA_DIR = dir
    process.env.ORBIT_DEMO_SEED = 'false' // the test runs the seed itself, twice
    process.env.PAYLOAD_SECRET = 'orbit-seed-test-secret'
    process.env.TEMPORAL_ADDRESS = '127.0.0.1:1' // nothing here starts a workflow
    const { default: config } = await import('../../src/payload.config.js')
    ;({ seedDemo } = await import('../../src/seed/demo.js'))
    const { getPayload } = await import('payload')
    payload = await getPayload({ config })
  })

  afterAll(async () => {
    await payload?.destroy()
    await ferret?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it(`seeds the demo once and is idempotent (${kind})`, async () => {
    first = await seedDemo(payload)
    const second = await seedDemo(payload)
    expect(second).toEqual(first)
    const count = async (collection: 'users' | 'workspaces' | 'workspace-members' | 'apps') =>
      (await payload.count({ collection, overrideAccess: true })).totalDocs
    expect(await count('users')).toBe(3)
    expect(await count('workspaces')).toBe(1)
    expect(await count('workspace-members')).toBe(2)
    expect(await count('apps')).toBe(1)

    // The app's repository is a real bare repo with one commit on main.
    expect(first.repositoryUrl).toBe(`file://${join(dir, 'repos', 'demo-app.git')}`)
    const { stdout } = await promisify(execFile)('git', ['--git-dir', join(dir, 'repos', 'demo-app.git'), 'log', '--format=%s', 'main'])
    expect(stdout.trim()).toBe('Initial commit')
  })

  it(`signs in the demo users with the env credentials and the service account with its API key (${kind})`, async () => {
    const admin = await payload.login({ collection: 'users', data: { email: 'admin@orbit.local', password: 'orbit-admin-dev' } })
    expect(admin.user?.roles).toEqual(['platform-admin'])
    const member = await payload.login({ collection: 'users', data: { email: 'dev@orbit.local', password: 'orbit-dev' } })
    expect(member.user?.roles).toEqual(['user'])
    const { user } = await payload.auth({ headers: new Headers({ authorization: 'users API-Key orbit-dev-service-api-key' }) })
    expect(user).toMatchObject({ id: first.serviceId, email: 'worker@orbit.local', roles: ['service'] })
    const wrong = await payload.auth({ headers: new Headers({ authorization: 'users API-Key not-the-key' }) })
    expect(wrong.user).toBeNull()
  })

  it(`outside dev, ORBIT_SERVICE_API_KEY alone creates the worker's service account (${kind})`, async () => {
    const { ensureServiceAccount } = await import('../../src/seed/demo.js')
    const before = process.env.ORBIT_SERVICE_API_KEY
    try {
      delete process.env.ORBIT_SERVICE_API_KEY
      expect(await ensureServiceAccount(payload)).toBeNull()
      process.env.ORBIT_SERVICE_API_KEY = 'short'
      await expect(ensureServiceAccount(payload)).rejects.toThrow(/ORBIT_SERVICE_API_KEY: must be at least 16 characters/)
      process.env.ORBIT_SERVICE_API_KEY = `ops-chosen-key-${kind}-0123456789`
      const id = await ensureServiceAccount(payload)
      expect(id).toBe(first.serviceId) // the same account, its key rotated
      const { user } = await payload.auth({ headers: new Headers({ authorization: `users API-Key ops-chosen-key-${kind}-0123456789` }) })
      expect(user).toMatchObject({ id: first.serviceId, roles: ['service'] })
    } finally {
      if (before === undefined) delete process.env.ORBIT_SERVICE_API_KEY
      else process.env.ORBIT_SERVICE_API_KEY = before
      await seedDemo(payload) // back to the demo key for the tests below
    }
  })

  it(`enforces the app's access rules with overrideAccess: false (${kind})`, async () => {
    const asUser = async (id: number | string) =>
      ({ ...(await payload.findByID({ collection: 'users', id, overrideAccess: true })), collection: 'users' }) as TypedUser
    const member = await asUser(first.memberId)
    const stranger = await payload.create({
      collection: 'users',
      data: { email: `stranger-${kind}@orbit.local`, password: 'stranger-pw', roles: ['user'] },
      overrideAccess: true,
    })
    const outsider = await asUser(stranger.id)

    const apps = (user: TypedUser) => payload.find({ collection: 'apps', user, overrideAccess: false })
    expect((await apps(member)).docs.map((a) => a.name)).toEqual(['demo-app'])
    // Someone in no workspace is refused outright (and does not see Apps in the admin).
    await expect(apps(outsider)).rejects.toThrow(/not allowed/)
    await expect(payload.find({ collection: 'apps', overrideAccess: false })).rejects.toThrow(/not allowed/)

    // Members read; only owners/admins (and platform admins) write.
    await expect(
      payload.update({ collection: 'apps', id: first.appId, data: { branch: 'dev' }, user: member, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/)
    const owner = await asUser(first.adminId)
    const updated = await payload.update({ collection: 'apps', id: first.appId, data: { branch: 'release' }, user: owner, overrideAccess: false })
    expect(updated.branch).toBe('release')

    // Memberships: an admin of the workspace manages members but cannot touch the owner.
    const admin = await payload.create({
      collection: 'users',
      data: { email: `ws-admin-${kind}@orbit.local`, password: 'ws-admin-pw', roles: ['user'] },
      overrideAccess: true,
    })
    await payload.create({ collection: 'workspace-members', data: { user: admin.id, workspace: first.workspaceId as number, role: 'admin' }, overrideAccess: true })
    const wsAdmin = await asUser(admin.id)
    const membershipOf = async (userId: number | string) =>
      (await payload.find({ collection: 'workspace-members', where: { user: { equals: userId } }, overrideAccess: true })).docs[0]!
    const ownerMembership = await membershipOf(first.adminId)
    const memberMembership = await membershipOf(first.memberId)
    await expect(payload.delete({ collection: 'workspace-members', id: ownerMembership.id, user: wsAdmin, overrideAccess: false })).rejects.toThrow(
      /not allowed|not found/i,
    )
    await expect(
      payload.delete({ collection: 'workspace-members', id: memberMembership.id, user: member, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/)
    const promoted = await payload.update({
      collection: 'workspace-members',
      id: memberMembership.id,
      data: { role: 'owner' },
      user: wsAdmin,
      overrideAccess: false,
    })
    expect(promoted.role).toBe('member') // only an owner grants "owner"
    const toAdmin = await payload.update({ collection: 'workspace-members', id: memberMembership.id, data: { role: 'admin' }, user: wsAdmin, overrideAccess: false })
    expect(toAdmin.role).toBe('admin')
    await payload.update({ collection: 'workspace-members', id: memberMembership.id, data: { role: 'member' }, user: owner, overrideAccess: false })

    // Users see themselves only and cannot grant themselves roles.
    expect((await payload.find({ collection: 'users', user: member, overrideAccess: false })).docs.map((u) => u.email)).toEqual(['dev@orbit.local'])
    const self = await payload.update({ collection: 'users', id: first.memberId, data: { roles: ['platform-admin'] }, user: member, overrideAccess: false })
    expect(self.roles).toEqual(['user'])
  })
}
