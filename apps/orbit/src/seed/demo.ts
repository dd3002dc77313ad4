// The dev demo: a platform admin, workspace "demo" with a member, an app whose repository is a
// local bare git repo, and the worker's service account. Idempotent: run it any number of times.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Payload } from 'payload'

import { dataDir } from '../env.js'
import { ensureBareRepo } from './git.js'

/** Dev defaults (README.md, .env.example). Never use them outside a laptop. */
export const DEMO_DEFAULTS = {
  ORBIT_ADMIN_EMAIL: 'admin@orbit.local',
  ORBIT_ADMIN_PASSWORD: 'orbit-admin-dev',
  ORBIT_MEMBER_EMAIL: 'dev@orbit.local',
  ORBIT_MEMBER_PASSWORD: 'orbit-dev',
  ORBIT_SERVICE_EMAIL: 'worker@orbit.local',
  ORBIT_SERVICE_API_KEY: 'orbit-dev-service-api-key',
} as const

const setting = (name: keyof typeof DEMO_DEFAULTS): string => {
  const value = process.env[name]
  return value && value.trim() !== '' ? value : DEMO_DEFAULTS[name]
}

export interface DemoSeedResult {
  adminId: number | string
  memberId: number | string
  serviceId: number | string
  workspaceId: number | string
  appId: number | string
  repositoryUrl: string
}

export async function upsertUser(
  payload: Payload,
  email: string,
  data: { name: string; roles: ('platform-admin' | 'user' | 'service')[]; password?: string; enableAPIKey?: boolean; apiKey?: string },
): Promise<number | string> {
  const found = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })
  const existing = found.docs[0]
  if (!existing) {
    const created = await payload.create({
      collection: 'users',
      data: { email, ...data, password: data.password ?? randomBytes(24).toString('base64url') },
      overrideAccess: true,
    })
    return created.id
  }
  // Keep roles and the service key in line with the environment; leave passwords people changed.
  const { password: _password, ...rest } = data
  await payload.update({ collection: 'users', id: existing.id, data: rest, overrideAccess: true })
  return existing.id
}

async function findOrCreate<T extends 'workspaces' | 'workspace-members' | 'apps'>(
  payload: Payload,
  collection: T,
  where: Parameters<Payload['find']>[0]['where'],
  data: Record<string, unknown>,
): Promise<number | string> {
  const found = await payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true })
  if (found.docs[0]) return found.docs[0].id
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const created = await payload.create({ collection, data: data as any, overrideAccess: true })
  return created.id
}

/**
 * Outside dev there is no demo seed, yet the worker needs its service account: when
 * ORBIT_SERVICE_API_KEY is set, make sure a `service` user (ORBIT_SERVICE_EMAIL) with that API
 * key exists, so `docker compose up` works without clicking through the admin first. In
 * production the dev default key is refused, like the dev PAYLOAD_SECRET.
 */
export async function ensureServiceAccount(payload: Payload): Promise<number | string | null> {
  const apiKey = process.env.ORBIT_SERVICE_API_KEY?.trim()
  if (!apiKey) return null
  if (process.env.NODE_ENV === 'production' && apiKey === DEMO_DEFAULTS.ORBIT_SERVICE_API_KEY) {
    throw new Error('ORBIT_SERVICE_API_KEY: the dev default key must not be used in production; set a random one (e.g. openssl rand -hex 24)')
  }
  if (apiKey.length < 16) throw new Error('ORBIT_SERVICE_API_KEY: must be at least 16 characters')
  const id = await upsertUser(payload, setting('ORBIT_SERVICE_EMAIL'), { name: 'Orbit worker', roles: ['service'], enableAPIKey: true, apiKey })
  payload.logger.info(`[orbit] service account ${setting('ORBIT_SERVICE_EMAIL')} ready (API key from ORBIT_SERVICE_API_KEY)`)
  return id
}

export async function seedDemo(payload: Payload): Promise<DemoSeedResult> {
  const repoPath = join(dataDir(), 'repos', 'demo-app.git')
  await ensureBareRepo(repoPath, 'main')
  const repositoryUrl = pathToFileURL(repoPath).href

  const adminId = await upsertUser(payload, setting('ORBIT_ADMIN_EMAIL'), {
    name: 'Platform Admin',
    roles: ['platform-admin'],
    password: setting('ORBIT_ADMIN_PASSWORD'),
  })
  const memberId = await upsertUser(payload, setting('ORBIT_MEMBER_EMAIL'), {
    name: 'Demo Developer',
    roles: ['user'],
    password: setting('ORBIT_MEMBER_PASSWORD'),
  })
  const serviceId = await upsertUser(payload, setting('ORBIT_SERVICE_EMAIL'), {
    name: 'Orbit worker',
    roles: ['service'],
    enableAPIKey: true,
    apiKey: setting('ORBIT_SERVICE_API_KEY'),
  })

  const workspaceId = await findOrCreate(payload, 'workspaces', { slug: { equals: 'demo' } }, { name: 'Demo', slug: 'demo' })
  await findOrCreate(
    payload,
    'workspace-members',
    { and: [{ user: { equals: adminId } }, { workspace: { equals: workspaceId } }] },
    { user: adminId, workspace: workspaceId, role: 'owner' },
  )
  await findOrCreate(
    payload,
    'workspace-members',
    { and: [{ user: { equals: memberId } }, { workspace: { equals: workspaceId } }] },
    { user: memberId, workspace: workspaceId, role: 'member' },
  )
  const appId = await findOrCreate(
    payload,
    'apps',
    { and: [{ workspace: { equals: workspaceId } }, { name: { equals: 'demo-app' } }] },
    { name: 'demo-app', workspace: workspaceId, repositoryUrl, branch: 'main' },
  )
  payload.logger.info(
    `[orbit] demo seed ready: admin ${setting('ORBIT_ADMIN_EMAIL')}, member ${setting('ORBIT_MEMBER_EMAIL')}, ` +
      `service account ${setting('ORBIT_SERVICE_EMAIL')}, workspace "demo", app "demo-app" (${repositoryUrl})`,
  )
  return { adminId, memberId, serviceId, workspaceId, appId, repositoryUrl }
}
