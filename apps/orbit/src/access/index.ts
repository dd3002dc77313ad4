// Access functions shared by the app's collections.
import type { Access, FieldAccess } from 'payload'

import { inWorkspaces, isPlatformAdmin, isServiceAccount, workspaceIds } from './roles.js'

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
