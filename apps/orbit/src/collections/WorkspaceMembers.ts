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
  admin: { defaultColumns: ['user', 'workspace', 'role'] },
  indexes: [{ fields: ['user', 'workspace'], unique: true }],
  access: {
    read: readInOwnWorkspaces('workspace'),
    // Only an owner can make someone an owner.
    create: createInManagedWorkspace((data, mine) => data.role !== 'owner' || mine === 'owner'),
    update: async ({ req }) => (isPlatformAdmin(req.user) ? true : req.user ? manageableMemberships(req) : false),
    delete: async ({ req }) => (isPlatformAdmin(req.user) ? true : req.user ? manageableMemberships(req) : false),
  },
  hooks: {
    beforeValidate: [onePerUserAndWorkspace],
    afterChange: [({ req }) => forgetWorkspaceRoles(req)],
    afterDelete: [({ req }) => forgetWorkspaceRoles(req)],
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: { update: immutable } },
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
