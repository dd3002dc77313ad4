import type { Access, FieldAccess, PayloadRequest } from 'payload'

import type { SanitizedDeploymentsPluginOptions } from '../types.js'
import { relationId } from '../utilities/relationId.js'
import { dbIds } from './ids.js'
import { getPrincipal } from './principal.js'

/** The workspace an app belongs to (read with overrideAccess: membership is checked by the caller). */
export async function appWorkspace(req: PayloadRequest, cfg: SanitizedDeploymentsPluginOptions, app: unknown): Promise<number | string | undefined> {
  const id = relationId(app)
  if (id === undefined) return undefined
  const doc = await req.payload
    .findByID({ collection: cfg.appsSlug, id, depth: 0, overrideAccess: true, disableErrors: true, req })
    .catch(() => null)
  if (!doc) return undefined
  return relationId((doc as Record<string, unknown>)[cfg.appWorkspaceField])
}

/**
 * Access to `deployments` (scoped by the deployment's `workspace`, copied from its app on
 * create and never changed):
 * - read, create, update: members of the workspace; platform admins; the service account
 *   reads and updates every deployment but creates none;
 * - delete: the workspace's owners/admins and platform admins;
 * - anonymous: nothing.
 */
export function deploymentAccess(cfg: SanitizedDeploymentsPluginOptions) {
  const readOrUpdate: Access = async ({ req }) => {
    const p = await getPrincipal(req, cfg)
    if (!p.user) return false
    if (p.isPlatformAdmin || p.isServiceAccount) return true
    if (!p.memberOf.length) return false
    return { workspace: { in: dbIds(req, p.memberOf) } }
  }

  const create: Access = async ({ req, data }) => {
    const p = await getPrincipal(req, cfg)
    if (!p.user || p.isServiceAccount) return false
    if (p.isPlatformAdmin) return true
    if (!data) return p.memberOf.length > 0
    const workspace = await appWorkspace(req, cfg, data.app)
    return workspace !== undefined && p.memberOf.includes(String(workspace))
  }

  const del: Access = async ({ req }) => {
    const p = await getPrincipal(req, cfg)
    if (!p.user) return false
    if (p.isPlatformAdmin) return true
    if (!p.managerOf.length) return false
    return { workspace: { in: dbIds(req, p.managerOf) } }
  }

  /** Fields only the worker writes: status, workflowId, endpoints, outputs, health*, lastError, … */
  const serviceOnly: FieldAccess = async ({ req }) => (await getPrincipal(req, cfg)).isServiceAccount

  /** Fields set by the plugin's own hooks (workspace, lastDeployedBy): nobody writes them through the API. */
  const nobody: FieldAccess = () => false

  return { read: readOrUpdate, create, update: readOrUpdate, delete: del, serviceOnly, nobody }
}
