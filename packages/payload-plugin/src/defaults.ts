import { DEFAULT_TASK_QUEUE } from '@orbit/deployments-core'
import type { PayloadRequest } from 'payload'

import type { DeploymentsPluginOptions, OrbitUser, SanitizedDeploymentsPluginOptions, WorkspaceRole, WorkspaceRoles } from './types.js'
import { relationId } from './utilities/relationId.js'

/** The plugin's name, used as the prefix of every log line. */
export const PLUGIN_NAME = 'orbit-deployments'
export const LOG_PREFIX = `[${PLUGIN_NAME}]`

export const GENERATORS_SLUG = 'deployment-generators'
export const DEPLOYMENTS_SLUG = 'deployments'

export const defaultSlugs = {
  apps: 'apps',
  workspaces: 'workspaces',
  users: 'users',
  workspaceMembers: 'workspace-members',
} as const

export const DEFAULT_APP_WORKSPACE_FIELD = 'workspace'
export const DEFAULT_TEMPORAL_ADDRESS = '127.0.0.1:7233'
export const DEFAULT_TEMPORAL_NAMESPACE = 'default'
export const DEFAULT_TEMPORAL_UI_URL = 'http://localhost:8233'
export const DEFAULT_TEMPORAL_TIMEOUT_MS = 2_500
export const DEFAULT_UNREACHABLE_CACHE_MS = 5_000
export const DEFAULT_RECONCILE_INTERVAL_SECONDS = 30
export const DEFAULT_RECONCILE_BATCH_SIZE = 50

const WORKSPACE_ROLES: readonly WorkspaceRole[] = ['owner', 'admin', 'member']

function roles(user: OrbitUser): string[] {
  const value = user.roles
  if (Array.isArray(value)) return value.filter((r): r is string => typeof r === 'string')
  return typeof value === 'string' ? [value] : []
}

/** Default: `user.roles` contains `'platform-admin'`. */
export const defaultIsPlatformAdmin = (user: OrbitUser): boolean => roles(user).includes('platform-admin')

/** Default: `user.roles` contains `'service'`. */
export const defaultIsServiceAccount = (user: OrbitUser): boolean => roles(user).includes('service')

/** Default: the user's documents in the memberships collection (`user`, `workspace`, `role`). */
export function defaultGetUserWorkspaceRoles(membersSlug: string) {
  return async (req: PayloadRequest, user: OrbitUser): Promise<WorkspaceRoles> => {
    const { docs } = await req.payload.find({
      collection: membersSlug,
      where: { user: { equals: user.id } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const result: WorkspaceRoles = {}
    for (const doc of docs as Record<string, unknown>[]) {
      const workspace = relationId(doc.workspace)
      const role = doc.role as WorkspaceRole
      if (workspace === undefined || !WORKSPACE_ROLES.includes(role)) continue
      // A user listed twice keeps the strongest role.
      const current = result[String(workspace)]
      if (!current || WORKSPACE_ROLES.indexOf(role) < WORKSPACE_ROLES.indexOf(current)) result[String(workspace)] = role
    }
    return result
  }
}

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback
}

/** Fills every default in; the rest of the plugin only sees the sanitized options. */
export function sanitizeOptions(options: DeploymentsPluginOptions = {}, env: Partial<NodeJS.ProcessEnv> = process.env): SanitizedDeploymentsPluginOptions {
  const workspaceMembersSlug = options.workspaceMembersSlug ?? defaultSlugs.workspaceMembers
  return {
    enabled: options.enabled ?? true,
    appsSlug: options.appsSlug ?? defaultSlugs.apps,
    appWorkspaceField: options.appWorkspaceField ?? DEFAULT_APP_WORKSPACE_FIELD,
    workspacesSlug: options.workspacesSlug ?? defaultSlugs.workspaces,
    usersSlug: options.usersSlug ?? defaultSlugs.users,
    workspaceMembersSlug,
    generatorsSlug: GENERATORS_SLUG,
    deploymentsSlug: DEPLOYMENTS_SLUG,
    isPlatformAdmin: options.isPlatformAdmin ?? defaultIsPlatformAdmin,
    isServiceAccount: options.isServiceAccount ?? defaultIsServiceAccount,
    getUserWorkspaceRoles: options.getUserWorkspaceRoles ?? defaultGetUserWorkspaceRoles(workspaceMembersSlug),
    temporal: {
      address: options.temporal?.address || env.TEMPORAL_ADDRESS || DEFAULT_TEMPORAL_ADDRESS,
      namespace: options.temporal?.namespace || env.TEMPORAL_NAMESPACE || DEFAULT_TEMPORAL_NAMESPACE,
      taskQueue: options.temporal?.taskQueue || env.ORBIT_TASK_QUEUE || DEFAULT_TASK_QUEUE,
      timeoutMs: positiveInt(options.temporal?.timeoutMs, DEFAULT_TEMPORAL_TIMEOUT_MS) || DEFAULT_TEMPORAL_TIMEOUT_MS,
      unreachableCacheMs: positiveInt(options.temporal?.unreachableCacheMs, DEFAULT_UNREACHABLE_CACHE_MS),
    },
    temporalUiUrl: options.temporalUiUrl || env.TEMPORAL_UI_URL || DEFAULT_TEMPORAL_UI_URL,
    selfHostMonaco: options.selfHostMonaco ?? true,
    generatorsOverrides: options.generatorsOverrides ?? {},
    deploymentsOverrides: options.deploymentsOverrides ?? {},
    seedBuiltIns: options.seedBuiltIns ?? true,
    reconcile: {
      intervalSeconds: positiveInt(options.reconcile?.intervalSeconds, DEFAULT_RECONCILE_INTERVAL_SECONDS),
      batchSize: positiveInt(options.reconcile?.batchSize, DEFAULT_RECONCILE_BATCH_SIZE) || DEFAULT_RECONCILE_BATCH_SIZE,
    },
  }
}
