import { checkBranchName, checkRepositoryUrl } from '@orbit/deployments-core'
import type { CollectionConfig, FieldAccess } from 'payload'

import { createInManagedWorkspace, isPlatformAdmin, readInOwnWorkspaces, writeInManagedWorkspaces } from '../access/index.js'

/**
 * A repository URL the worker can clone: core's allowlist (https, ssh, user@host:path, file or an
 * absolute path; http to other hosts only where the worker allows it, so accepted here). Anything
 * git could read as an option (`-…`), a transport helper (`ext::…`) or embedded credentials is refused.
 */
export function validateRepositoryUrl(value: unknown): true | string {
  const result = checkRepositoryUrl(typeof value === 'string' ? value.trim() : value, { allowInsecureHttp: true })
  return result.ok ? true : `repositoryUrl: ${result.problem}`
}

/** A branch name git accepts (empty means main). */
export function validateBranch(value: unknown): true | string {
  const result = checkBranchName(value)
  return typeof result === 'string' ? true : `branch: ${result.problem}`
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
    read: readInOwnWorkspaces('workspace'),
    create: createInManagedWorkspace(),
    update: writeInManagedWorkspaces('workspace'),
    delete: writeInManagedWorkspaces('workspace'),
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
