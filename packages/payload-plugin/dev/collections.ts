import type { Access, CollectionConfig } from 'payload'

// Minimal host collections, shaped like apps/orbit's: the plugin's defaults read exactly these.

const signedIn: Access = ({ req }) => Boolean(req.user)
const platformAdmin: Access = ({ req }) => Array.isArray(req.user?.roles) && (req.user.roles as string[]).includes('platform-admin')

export const Users: CollectionConfig = {
  slug: 'users',
  auth: { useAPIKey: true },
  admin: { useAsTitle: 'email' },
  access: { read: signedIn, create: platformAdmin, update: platformAdmin, delete: platformAdmin },
  fields: [
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      defaultValue: ['user'],
      options: ['platform-admin', 'user', 'service'],
    },
  ],
}

export const Workspaces: CollectionConfig = {
  slug: 'workspaces',
  admin: { useAsTitle: 'name' },
  access: { read: signedIn, create: platformAdmin, update: platformAdmin, delete: platformAdmin },
  fields: [{ name: 'name', type: 'text', required: true }],
}

export const WorkspaceMembers: CollectionConfig = {
  slug: 'workspace-members',
  access: { read: signedIn, create: platformAdmin, update: platformAdmin, delete: platformAdmin },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'workspace', type: 'relationship', relationTo: 'workspaces', required: true, index: true },
    { name: 'role', type: 'select', required: true, options: ['owner', 'admin', 'member'], defaultValue: 'member' },
  ],
}

export const Apps: CollectionConfig = {
  slug: 'apps',
  admin: { useAsTitle: 'name' },
  access: { read: signedIn, create: platformAdmin, update: platformAdmin, delete: platformAdmin },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'workspace', type: 'relationship', relationTo: 'workspaces', required: true },
    { name: 'repositoryUrl', type: 'text' },
    { name: 'branch', type: 'text', defaultValue: 'main' },
  ],
}
