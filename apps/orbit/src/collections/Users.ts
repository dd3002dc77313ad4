import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import type { UserRole } from '../access/index.js'
import { isPlatformAdmin, isServiceAccount, platformAdmins, platformAdminsField, USER_ROLES } from '../access/index.js'

const ROLE_LABELS: Record<UserRole, string> = { 'platform-admin': 'Platform admin', user: 'User', service: 'Service account' }

/**
 * The very first user (Payload's "create first user" screen or `POST /api/users/first-register`)
 * becomes a platform admin: otherwise nobody could ever manage users.
 */
const firstUserIsPlatformAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, roles: ['platform-admin'] }
  return data
}

/** Memberships show the member's email (owners may not read other users): keep it current. */
const refreshMembershipEmails: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.email === doc.email) return doc
  await req.payload.update({ collection: 'workspace-members', where: { user: { equals: doc.id } }, data: { email: doc.email }, overrideAccess: true, req })
  return doc
}

/**
 * People and service accounts. Platform admins manage users and roles; everyone else reads and
 * updates only themself and never their roles. The worker signs in with an API key
 * (`Authorization: users API-Key <key>`) on a user whose roles include `service`.
 */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    useAPIKey: true,
    // Session cookies are Secure when Orbit is served over HTTPS (ORBIT_SERVER_URL=https://…).
    cookies: { secure: (process.env.ORBIT_SERVER_URL ?? '').startsWith('https://'), sameSite: 'Lax' },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'] },
  access: {
    // Service accounts talk to the REST API only.
    admin: ({ req }) => Boolean(req.user) && !isServiceAccount(req.user),
    create: platformAdmins,
    read: ({ req }) => (isPlatformAdmin(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
    update: ({ req }) => (isPlatformAdmin(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
    delete: platformAdmins,
    unlock: platformAdmins,
  },
  hooks: { beforeChange: [firstUserIsPlatformAdmin], afterChange: [refreshMembershipEmails] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['user'],
      saveToJWT: true,
      options: USER_ROLES.map((value) => ({ label: ROLE_LABELS[value], value })),
      access: { create: platformAdminsField, update: platformAdminsField },
      admin: { description: 'Platform admins manage roles. Service accounts (the worker) sign in with an API key.' },
    },
  ],
}
