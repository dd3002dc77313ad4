// Access functions shared by the app's collections.
import type { Access, FieldAccess, PayloadRequest } from 'payload'

import { inWorkspaces, isPlatformAdmin, isServiceAccount, MANAGING_ROLES, roleIn, workspaceIds } from './roles.js'
import type { WorkspaceRole } from './roles.js'

export * from './roles.js'

/** Platform admins only (collection level). */
export const platformAdmins: Access = ({ req }) => isPlatformAdmin(req.user)

/** Platform admins only (field level). */
export const platformAdminsField: FieldAccess = ({ req }) => isPlatformAdmin(req.user)

/** Any signed-in user or service account. */
export const signedIn: Access = ({ req }) => Boolean(req.user)

/**
 * Read access for workspace-scoped documents: platform admins and the service account read all;
 * people read the documents whose `field` names one of their workspaces; anonymous nothing.
 */
export const readInOwnWorkspaces =
  (field: string): Access =>
  async ({ req }) => {
    if (isPlatformAdmin(req.user) || isServiceAccount(req.user)) return true
    if (!req.user) return false
    return inWorkspaces(field, await workspaceIds(req))
  }

/** Update/delete access for workspace-scoped documents: platform admins, and owners/admins of the document's workspace. */
export const writeInManagedWorkspaces =
  (field: string): Access =>
  async ({ req }) => {
    if (isPlatformAdmin(req.user)) return true
    if (!req.user) return false
    return inWorkspaces(field, await workspaceIds(req, MANAGING_ROLES))
  }

/**
 * Create access for a document in `data.workspace`: platform admins, and owners/admins of that
 * workspace for whom `allow(data, role)` holds. Without data (the admin UI asking whether to
 * show "Create"): whether they manage any workspace.
 */
export const createInManagedWorkspace =
  (allow: (data: Record<string, unknown>, role: WorkspaceRole, req: PayloadRequest) => boolean = () => true): Access =>
  async ({ req, data }) => {
    if (isPlatformAdmin(req.user)) return true
    if (!req.user) return false
    // No workspace yet (the admin's create view asks with the form's defaults only): whether this
    // person manages any workspace. The create itself always names one and is checked below.
    const workspace = (data as Record<string, unknown> | undefined)?.workspace
    if (workspace === undefined || workspace === null || workspace === '') return (await workspaceIds(req, MANAGING_ROLES)).length > 0
    const mine = await roleIn(req, workspace)
    return mine !== undefined && MANAGING_ROLES.includes(mine) && allow(data as Record<string, unknown>, mine, req)
  }
