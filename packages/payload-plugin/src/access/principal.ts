import type { PayloadRequest } from 'payload'

import type { OrbitUser, SanitizedDeploymentsPluginOptions, WorkspaceRole, WorkspaceRoles } from '../types.js'

/**
 * Who is asking, resolved once per request: anonymous, platform admin, service account, or a
 * person with roles in some workspaces.
 */
export interface Principal {
  user: OrbitUser | null
  isPlatformAdmin: boolean
  isServiceAccount: boolean
  roles: WorkspaceRoles
  /** Workspace ids (strings) where the user has any role. */
  memberOf: string[]
  /** Workspace ids (strings) where the user is owner or admin. */
  managerOf: string[]
}

const CACHE_KEY = 'orbitDeploymentsPrincipal'
const MANAGER_ROLES: readonly WorkspaceRole[] = ['owner', 'admin']

type Cache = Map<string, Promise<Principal>>

function userKey(req: PayloadRequest): string {
  const user = req.user as OrbitUser | null | undefined
  return user ? `${String(user.collection)}:${String(user.id)}` : 'anonymous'
}

async function resolve(req: PayloadRequest, cfg: SanitizedDeploymentsPluginOptions): Promise<Principal> {
  const user = (req.user as OrbitUser | null | undefined) ?? null
  if (!user) return { user: null, isPlatformAdmin: false, isServiceAccount: false, roles: {}, memberOf: [], managerOf: [] }
  const isPlatformAdmin = cfg.isPlatformAdmin(user)
  const isServiceAccount = !isPlatformAdmin && cfg.isServiceAccount(user)
  const roles = await cfg.getUserWorkspaceRoles(req, user)
  const memberOf = Object.keys(roles)
  const managerOf = memberOf.filter((id) => MANAGER_ROLES.includes(roles[id] as WorkspaceRole))
  return { user, isPlatformAdmin, isServiceAccount, roles, memberOf, managerOf }
}

/**
 * The principal behind `req`, cached on `req.context` so the many collection and field access
 * calls of one request look memberships up once.
 */
export function getPrincipal(req: PayloadRequest, cfg: SanitizedDeploymentsPluginOptions): Promise<Principal> {
  req.context ??= {}
  let cache = req.context[CACHE_KEY] as Cache | undefined
  if (!(cache instanceof Map)) {
    cache = new Map()
    // Not enumerable: keeps the cache out of anything that serializes the context.
    Object.defineProperty(req.context, CACHE_KEY, { value: cache, enumerable: false, configurable: true, writable: true })
  }
  const key = userKey(req)
  let principal = cache.get(key)
  if (!principal) {
    principal = resolve(req, cfg)
    cache.set(key, principal)
    principal.catch(() => cache.delete(key))
  }
  return principal
}
