import type { CollectionConfig, Field, PayloadRequest, TypedUser } from 'payload'

/** A user's role inside one workspace. Owners and admins manage; members use. */
export type WorkspaceRole = 'owner' | 'admin' | 'member'

/**
 * The roles a user holds, keyed by workspace id (as a string).
 *
 * @example { '1': 'owner', '7': 'member' }
 */
export type WorkspaceRoles = Record<string, WorkspaceRole>

/** The signed-in user as Payload hands it to access functions (any auth collection). */
export type OrbitUser = TypedUser & Record<string, unknown>

/**
 * Overrides for one of the plugin's collections. Everything but `slug` and `fields` is spread
 * over the plugin's collection; `hooks` are merged (yours run first, the plugin's after them).
 *
 * @example
 * deploymentsOverrides: {
 *   admin: { group: 'Platform' },
 *   fields: ({ defaultFields }) => [...defaultFields, { name: 'notes', type: 'textarea' }],
 * }
 */
export type CollectionOverrides = Omit<Partial<CollectionConfig>, 'fields' | 'slug'> & {
  /** Receives the plugin's fields and returns the fields to use. */
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

/**
 * Where Temporal is. Every value falls back to the environment, then to the dev default.
 *
 * @example { address: 'temporal:7233', namespace: 'default', taskQueue: 'orbit-deployments' }
 */
export interface TemporalOptions {
  /** host:port of the Temporal frontend. Default: `TEMPORAL_ADDRESS` or `127.0.0.1:7233`. */
  address?: string
  /** Default: `TEMPORAL_NAMESPACE` or `default`. */
  namespace?: string
  /** Default: `ORBIT_TASK_QUEUE` or core's `DEFAULT_TASK_QUEUE` (`orbit-deployments`). */
  taskQueue?: string
  /** How long one connect or call may take before Temporal counts as unreachable. Default 2500 ms. */
  timeoutMs?: number
  /**
   * After Temporal was found unreachable, calls fail fast for this long instead of waiting for
   * another timeout, so creates stay fast while Temporal is down. Default 5000 ms.
   */
  unreachableCacheMs?: number
}

/**
 * Options of {@link deploymentsPlugin}. Every option has a default; `deploymentsPlugin()` works
 * with a host that has `users` (with a `roles` field), `workspaces`, `workspace-members` (user,
 * workspace, role) and `apps` (with a `workspace` relationship).
 *
 * @example
 * plugins: [
 *   deploymentsPlugin({
 *     temporal: { address: process.env.TEMPORAL_ADDRESS },
 *     reconcile: { intervalSeconds: 30 },
 *   }),
 * ]
 */
export interface DeploymentsPluginOptions {
  /**
   * `false` keeps the collections, their access control and validation (the schema stays
   * stable) but starts no workflows, seeds nothing, runs no reconciler and adds no endpoints.
   * Default true.
   */
  enabled?: boolean
  /** Slug of the host's apps collection. Default `'apps'`. */
  appsSlug?: string
  /** Name of the relationship field on apps that points at the owning workspace. Default `'workspace'`. */
  appWorkspaceField?: string
  /** Slug of the host's workspaces collection. Default `'workspaces'`. */
  workspacesSlug?: string
  /** Slug of the host's users (auth) collection. Default `'users'`. */
  usersSlug?: string
  /**
   * Slug of the memberships collection read by the default {@link getUserWorkspaceRoles}:
   * documents with `user`, `workspace` and `role` (`owner` | `admin` | `member`).
   * Default `'workspace-members'`.
   */
  workspaceMembersSlug?: string
  /**
   * Whether a user is a platform admin (manages built-in generators, sees everything).
   * Default: `user.roles` contains `'platform-admin'`.
   */
  isPlatformAdmin?: (user: OrbitUser) => boolean
  /**
   * Whether a user is the worker's service account (the only writer of status, workflowId,
   * endpoints, outputs, health, lastError, commitSha, lastDeployedAt).
   * Default: `user.roles` contains `'service'`.
   */
  isServiceAccount?: (user: OrbitUser) => boolean
  /**
   * The user's workspaces and role in each. Called at most once per request and user (the
   * result is cached on `req.context`). Default: reads `workspaceMembersSlug` with
   * `overrideAccess: true`.
   *
   * @example async (req, user) => ({ [String(user.team)]: 'member' })
   */
  getUserWorkspaceRoles?: (req: PayloadRequest, user: OrbitUser) => Promise<WorkspaceRoles>
  /** Temporal connection; the client connects on first use, never at config load. */
  temporal?: TemporalOptions
  /**
   * Base URL of the Temporal Web UI, for the admin's "open this run" links.
   * Default: `TEMPORAL_UI_URL` or `http://localhost:8233`.
   */
  temporalUiUrl?: string
  /**
   * Serve Monaco (the editor behind Payload's JSON and code fields) from this app at
   * `/api/orbit-deployments/monaco/vs` to signed-in users, instead of Payload's default
   * jsDelivr CDN: the generator editors then work offline and under a strict CSP. Default true.
   */
  selfHostMonaco?: boolean
  /** Overrides for the `deployment-generators` collection. */
  generatorsOverrides?: CollectionOverrides
  /** Overrides for the `deployments` collection. */
  deploymentsOverrides?: CollectionOverrides
  /** Upsert core's built-in generators on init (by slug, when their version is newer). Default true. */
  seedBuiltIns?: boolean
  /**
   * The reconciler starts `pending` deployments that have no workflow run (Temporal was down,
   * or the process died between create and start). `intervalSeconds: 0` turns it off.
   * Default `{ intervalSeconds: 30, batchSize: 50 }`.
   */
  reconcile?: { intervalSeconds?: number; batchSize?: number }
}

/** {@link DeploymentsPluginOptions} with every default filled in. */
export interface SanitizedDeploymentsPluginOptions {
  enabled: boolean
  appsSlug: string
  appWorkspaceField: string
  workspacesSlug: string
  usersSlug: string
  workspaceMembersSlug: string
  generatorsSlug: string
  deploymentsSlug: string
  isPlatformAdmin: (user: OrbitUser) => boolean
  isServiceAccount: (user: OrbitUser) => boolean
  getUserWorkspaceRoles: (req: PayloadRequest, user: OrbitUser) => Promise<WorkspaceRoles>
  temporal: Required<TemporalOptions>
  temporalUiUrl: string
  selfHostMonaco: boolean
  generatorsOverrides: CollectionOverrides
  deploymentsOverrides: CollectionOverrides
  seedBuiltIns: boolean
  reconcile: { intervalSeconds: number; batchSize: number }
}

/** What starting a deployment's workflow did. */
export type StartOutcome =
  | { result: 'started'; workflowId: string; runId: string }
  | { result: 'already-running'; workflowId: string }
  | { result: 'unavailable'; workflowId: string; message: string }
