// Access functions shared by the app's collections.
import type { Access, FieldAccess } from 'payload'

import { isPlatformAdmin } from './roles.js'

export * from './roles.js'

/** Platform admins only (collection level). */
export const platformAdmins: Access = ({ req }) => isPlatformAdmin(req.user)

/** Platform admins only (field level). */
export const platformAdminsField: FieldAccess = ({ req }) => isPlatformAdmin(req.user)

/** Any signed-in user or service account. */
export const signedIn: Access = ({ req }) => Boolean(req.user)
