import type { CollectionConfig, FieldHook } from 'payload'

import { platformAdmins, readInOwnWorkspaces, writeInManagedWorkspaces } from '../access/index.js'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
}

/** An empty slug is derived from the name. */
export const slugFromName: FieldHook = ({ value, siblingData }) => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  const name = (siblingData as { name?: unknown }).name
  return typeof name === 'string' ? slugify(name) : value
}

/** A team's space: its members (workspace-members), apps and deployments belong to it. */
export const Workspaces: CollectionConfig = {
  slug: 'workspaces',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: {
    create: platformAdmins,
    read: readInOwnWorkspaces('id'),
    update: writeInManagedWorkspaces('id'),
    delete: platformAdmins,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 64,
      hooks: { beforeValidate: [slugFromName] },
      validate: (value: unknown) =>
        typeof value === 'string' && SLUG.test(value) ? true : 'slug: use lowercase letters, digits and single dashes (e.g. "team-a")',
      admin: { description: 'Lowercase letters, digits and dashes; derived from the name when empty.' },
    },
  ],
}
