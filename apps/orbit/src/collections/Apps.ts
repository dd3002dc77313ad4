import type { CollectionConfig, FieldAccess } from 'payload'

import { inWorkspaces, isPlatformAdmin, isServiceAccount, MANAGING_ROLES, roleIn, workspaceIds } from '../access/index.js'

/**
 * A repository URL the worker can clone safely: https/http/ssh/git/file URLs or scp-like
 * `git@host:path`. Anything git could read as an option (`-…`) or a transport helper
 * (`ext::…`) is refused.
 */
export function validateRepositoryUrl(value: unknown): true | string {
  if (typeof value !== 'string' || value.trim() === '') return 'repositoryUrl: required (e.g. https://git.example.com/team/app.git)'
  const url = value.trim()
  if (url.length > 2048) return 'repositoryUrl: at most 2048 characters'
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return 'repositoryUrl: must not contain spaces or control characters'
  if (url.startsWith('-')) return 'repositoryUrl: must not start with "-"'
  if (/^[a-z][a-z0-9+.-]*::/i.test(url)) return 'repositoryUrl: git transport helpers ("ext::…") are not allowed'
  if (/^[\w.-]+@[\w.-]+:(?!\/\/)[^\s]+$/.test(url)) return true
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'repositoryUrl: not a URL; use https://…, ssh://…, git@host:path or file:///path'
  }
  if (!['https:', 'http:', 'ssh:', 'git:', 'file:'].includes(parsed.protocol)) {
    return `repositoryUrl: protocol "${parsed.protocol}" is not allowed; use https, http, ssh, git or file`
  }
  return true
}

/** A branch name git accepts (the subset of `git check-ref-format --branch` rules we can check here). */
export function validateBranch(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true // defaults to main
  if (typeof value !== 'string') return 'branch: must be text'
  if (value.length > 255) return 'branch: at most 255 characters'
  if (
    value.startsWith('-') ||
    value.startsWith('/') ||
    value.endsWith('/') ||
    value.endsWith('.') ||
    value.endsWith('.lock') ||
    value.includes('..') ||
    value.includes('//') ||
    value.includes('@{') ||
    // eslint-disable-next-line no-control-regex
    /[\s~^:?*[\\\u0000-\u001f\u007f]/.test(value)
  ) {
    return `branch: "${value}" is not a valid git branch name`
  }
  return true
}

/** Apps stay in their workspace (their deployments belong to it); only platform admins move one. */
const workspaceUpdate: FieldAccess = ({ req }) => isPlatformAdmin(req.user)

/**
 * An application: a git repository (URL + branch) in a workspace. Members read their
 * workspace's apps; owners and admins write them; the worker's service account reads all.
 */
export const Apps: CollectionConfig = {
  slug: 'apps',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'workspace', 'repositoryUrl', 'branch'] },
  access: {
    read: async ({ req }) => {
      if (isPlatformAdmin(req.user) || isServiceAccount(req.user)) return true
      if (!req.user) return false
      return inWorkspaces('workspace', await workspaceIds(req))
    },
    create: async ({ req, data }) => {
      if (isPlatformAdmin(req.user)) return true
      if (!req.user) return false
      if (!data) return (await workspaceIds(req, MANAGING_ROLES)).length > 0
      const mine = await roleIn(req, data.workspace)
      return mine !== undefined && MANAGING_ROLES.includes(mine)
    },
    update: async ({ req }) => {
      if (isPlatformAdmin(req.user)) return true
      if (!req.user) return false
      return inWorkspaces('workspace', await workspaceIds(req, MANAGING_ROLES))
    },
    delete: async ({ req }) => {
      if (isPlatformAdmin(req.user)) return true
      if (!req.user) return false
      return inWorkspaces('workspace', await workspaceIds(req, MANAGING_ROLES))
    },
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'workspace', type: 'relationship', relationTo: 'workspaces', required: true, index: true, access: { update: workspaceUpdate } },
    {
      name: 'repositoryUrl',
      type: 'text',
      required: true,
      validate: (value: unknown) => validateRepositoryUrl(value),
      admin: { description: 'Where the worker commits generated files: https://…, ssh://…, git@host:path or file:///path/to/repo.git' },
    },
    {
      name: 'branch',
      type: 'text',
      required: true,
      defaultValue: 'main',
      validate: (value: unknown) => validateBranch(value),
    },
  ],
}
