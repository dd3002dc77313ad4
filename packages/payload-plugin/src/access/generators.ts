import type { Access, FieldAccess, Where } from 'payload'

import type { SanitizedDeploymentsPluginOptions } from '../types.js'
import { relationId } from '../utilities/relationId.js'
import { dbIds } from './ids.js'
import { getPrincipal } from './principal.js'

/**
 * Access to `deployment-generators`:
 * - built-in generators: read by every signed-in user; written by platform admins only;
 * - workspace generators: read by that workspace's members, written by its owners/admins;
 * - the service account reads every generator (the worker loads them), writes none;
 * - anonymous: nothing.
 */
export function generatorAccess(cfg: SanitizedDeploymentsPluginOptions) {
  const read: Access = async ({ req }) => {
    const p = await getPrincipal(req, cfg)
    if (!p.user) return false
    if (p.isPlatformAdmin || p.isServiceAccount) return true
    const builtIn: Where = { isBuiltIn: { equals: true } }
    if (!p.memberOf.length) return builtIn
    return { or: [builtIn, { workspace: { in: dbIds(req, p.memberOf) } }] }
  }

  const create: Access = async ({ req, data }) => {
    const p = await getPrincipal(req, cfg)
    if (!p.user) return false
    if (p.isPlatformAdmin) return true
    // Without data (the admin UI asking "may I create at all?"): managers of any workspace may.
    if (!data) return p.managerOf.length > 0
    if (data.isBuiltIn === true) return false
    const workspace = relationId(data.workspace)
    return workspace !== undefined && p.managerOf.includes(String(workspace))
  }

  const write: Access = async ({ req }) => {
    const p = await getPrincipal(req, cfg)
    if (!p.user) return false
    if (p.isPlatformAdmin) return true
    if (!p.managerOf.length) return false
    const notBuiltIn: Where = { isBuiltIn: { not_equals: true } }
    const managed: Where = { workspace: { in: dbIds(req, p.managerOf) } }
    return { and: [notBuiltIn, managed] }
  }

  /** `isBuiltIn`, and `workspace` once created, are set by platform admins only. */
  const platformAdminOnly: FieldAccess = async ({ req }) => (await getPrincipal(req, cfg)).isPlatformAdmin

  return { read, create, update: write, delete: write, platformAdminOnly }
}
