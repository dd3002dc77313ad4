import { ValidationError } from 'payload'
import type { CollectionBeforeValidateHook, CollectionConfig, FieldAccess, PayloadRequest, Where } from 'payload'

import { createInManagedWorkspace, forgetWorkspaceRoles, idOf, isPlatformAdmin, readInOwnWorkspaces, roleIn, WORKSPACE_ROLES, workspaceIds } from '../access/index.js'

/** One membership per user and workspace: a duplicate is a 400 naming `user`. */
const onePerUserAndWorkspace: CollectionBeforeValidateHook = async ({ data, originalDoc, operation, req }) => {
  if (!data || (operation !== 'create' && operation !== 'update')) return data
  const user = idOf(data.user ?? originalDoc?.user)
  const workspace = idOf(data.workspace ?? originalDoc?.workspace)
  if (user === undefined || workspace === undefined) return data
  const existing = await req.payload.find({
    collection: 'workspace-members',
    where: { and: [{ user: { equals: user } }, { workspace: { equals: workspace } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs > 0) {
    throw new ValidationError({
      collection: 'workspace-members',
      errors: [{ path: 'user', message: 'user: this user is already a member of this workspace' }],
    })
  }
  return data
}

/**
 * Workspace owners and admins add people by email: they may read no other user (the user list
 * shows them only themself), so a user id is not something they can know. On create the email
 * becomes the `user`; an unknown email is a 400 naming `email`, and neither given is one naming
 * `user`. Platform admins may still pick the user directly.
 */
const userFromEmail: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (!data || operation !== 'create') return data
  const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : ''
  if (idOf(data.user) === undefined && !email) {
    throw new ValidationError({ collection: 'workspace-members', errors: [{ path: 'user', message: 'user: pick a user or enter their email' }] })
  }
  if (idOf(data.user) !== undefined || !email) return data
  const found = await req.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1, overrideAccess: true, req })
  const user = found.docs[0]
  if (!user) {
    throw new ValidationError({ collection: 'workspace-members', errors: [{ path: 'email', message: 'email: no Orbit user has this email (a platform admin creates accounts)' }] })
  }
  return { ...data, user: user.id }
}

/** The member's email, taken from the user on every save (whatever was sent), so owners see who is in the list. */
async function memberEmail(req: PayloadRequest, user: unknown): Promise<string | null> {
  const id = idOf(user)
  if (id === undefined) return null
  const doc = await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true, req })
  return (doc?.email as string | undefined) ?? null
}

/**
 * Memberships a person may change or remove: every one in a workspace they own, and the non-owner
 * ones in a workspace where they are an admin (an admin cannot demote or remove an owner).
 */
async function manageableMemberships(req: PayloadRequest): Promise<Where | false> {
  const owned = await workspaceIds(req, ['owner'])
  const administered = await workspaceIds(req, ['admin'])
  const or: Where[] = []
  if (owned.length) or.push({ workspace: { in: owned } })
  if (administered.length) or.push({ and: [{ workspace: { in: administered } }, { role: { not_equals: 'owner' } }] })
  return or.length ? { or } : false
}

/** Only an owner (or a platform admin) may grant or take away the owner role. */
const roleAccess: FieldAccess = async ({ req, data, doc }) => {
  if (isPlatformAdmin(req.user)) return true
  const mine = await roleIn(req, doc?.workspace ?? data?.workspace)
  if (mine === 'owner') return true
  return data?.role !== 'owner' && doc?.role !== 'owner'
}

/** People can never move a membership to another user or workspace: delete and re-add. */
const immutable: FieldAccess = ({ req }) => isPlatformAdmin(req.user)

/**
 * Who belongs to which workspace, with which role. Members see their workspaces' memberships;
 * owners and admins manage them.
 */
export const WorkspaceMembers: CollectionConfig = {
  slug: 'workspace-members',
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'workspace', 'role'] },
  indexes: [{ fields: ['user', 'workspace'], unique: true }],
  access: {
    read: readInOwnWorkspaces('workspace'),
    // Only an owner can make someone an owner.
    create: createInManagedWorkspace((data, mine) => data.role !== 'owner' || mine === 'owner'),
    update: async ({ req }) => (isPlatformAdmin(req.user) ? true : req.user ? manageableMemberships(req) : false),
    delete: async ({ req }) => (isPlatformAdmin(req.user) ? true : req.user ? manageableMemberships(req) : false),
  },
  hooks: {
    beforeValidate: [userFromEmail, onePerUserAndWorkspace],
    afterChange: [({ req }) => forgetWorkspaceRoles(req)],
    afterDelete: [({ req }) => forgetWorkspaceRoles(req)],
  },
  fields: [
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { update: immutable },
      // Required, but checked in userFromEmail: an owner leaves it empty and gives the email instead.
      admin: { description: 'Platform admins pick the person here; workspace owners and admins enter their email below.' },
    },
    {
      name: 'email',
      type: 'email',
      // Given when adding someone (userFromEmail turns it into the user); afterwards always the
      // user's own email, kept current by the users collection, and never edited here.
      access: { update: () => false },
      hooks: { beforeChange: [({ req, siblingData, originalDoc }) => memberEmail(req, siblingData.user ?? originalDoc?.user)] },
      admin: { description: "The person's Orbit account email: enter it to add them." },
    },
    { name: 'workspace', type: 'relationship', relationTo: 'workspaces', required: true, index: true, access: { update: immutable } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'member',
      options: WORKSPACE_ROLES.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
      access: { create: roleAccess, update: roleAccess },
    },
  ],
}
