// Who is who: platform roles on the user, workspace roles from `workspace-members`.
// Every access function of the app (and the options given to the deployments plugin) uses these.
import type { PayloadRequest, TypedUser, Where } from 'payload'

export const USER_ROLES = ['platform-admin', 'user', 'service'] as const
export type UserRole = (typeof USER_ROLES)[number]

export const WORKSPACE_ROLES = ['owner', 'admin', 'member'] as const
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number]

/** Workspace roles allowed to write a workspace's apps and memberships. */
export const MANAGING_ROLES: readonly WorkspaceRole[] = ['owner', 'admin']

type ID = number | string

function rolesOf(user: unknown): string[] {
  if (!user || typeof user !== 'object') return []
  const roles = (user as { roles?: unknown }).roles
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : []
}

/** Only users of the `users` collection count (API-key requests also arrive as `users`). */
function isUser(user: unknown): user is TypedUser & { id: ID } {
  return Boolean(user && typeof user === 'object' && (user as { collection?: unknown }).collection === 'users')
}

export const isPlatformAdmin = (user: unknown): boolean => isUser(user) && rolesOf(user).includes('platform-admin')
export const isServiceAccount = (user: unknown): boolean => isUser(user) && rolesOf(user).includes('service')

/** The id of a relationship value that may be populated (`{ id }`) or not. */
export function idOf(value: unknown): ID | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    if (typeof id === 'string' || typeof id === 'number') return id
  }
  return undefined
}

const cache = new WeakMap<PayloadRequest, Promise<Map<string, { id: ID; role: WorkspaceRole }>>>()

/**
 * The signed-in user's workspaces and their role in each, read once per request (access
 * functions run many times per request). Keys are `String(workspaceId)`.
 */
export function workspaceRoles(req: PayloadRequest): Promise<Map<string, { id: ID; role: WorkspaceRole }>> {
  const user = req.user
  if (!isUser(user)) return Promise.resolve(new Map())
  let pending = cache.get(req)
  if (!pending) {
    pending = (async () => {
      const result = await req.payload.find({
        collection: 'workspace-members',
        where: { user: { equals: user.id } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const roles = new Map<string, { id: ID; role: WorkspaceRole }>()
      for (const doc of result.docs) {
        const id = idOf(doc.workspace)
        if (id !== undefined) roles.set(String(id), { id, role: doc.role as WorkspaceRole })
      }
      return roles
    })()
    cache.set(req, pending)
    // A failed lookup must not stick to the request.
    pending.catch(() => cache.delete(req))
  }
  return pending
}

/** Forget the cached memberships of this request (after a membership changes). */
export function forgetWorkspaceRoles(req: PayloadRequest): void {
  cache.delete(req)
}

/** The user's role in one workspace, or undefined when they are not a member. */
export async function roleIn(req: PayloadRequest, workspace: unknown): Promise<WorkspaceRole | undefined> {
  const id = idOf(workspace)
  if (id === undefined) return undefined
  return (await workspaceRoles(req)).get(String(id))?.role
}

/** Ids of the workspaces where the user has one of `roles` (any role when omitted). */
export async function workspaceIds(req: PayloadRequest, roles?: readonly WorkspaceRole[]): Promise<ID[]> {
  const ids: ID[] = []
  for (const { id, role } of (await workspaceRoles(req)).values()) {
    if (!roles || roles.includes(role)) ids.push(id)
  }
  return ids
}

/** A `where` limiting `field` to the given workspaces, or false (nothing) when there are none. */
export function inWorkspaces(field: string, ids: ID[]): Where | false {
  return ids.length === 0 ? false : { [field]: { in: ids } }
}
