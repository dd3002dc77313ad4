import { checkBranchName, checkRepositoryUrl as check, isLoopbackHost } from '@orbit/deployments-core'
import type { CheckedRepository, RepositoryPolicy } from '@orbit/deployments-core'
import { RepositoryRefusedError } from '../errors.js'

// The rules live in core (shared with the app's validation on save); the worker throws.
export type { CheckedRepository, RepositoryKind, RepositoryPolicy } from '@orbit/deployments-core'
export const isLoopback = isLoopbackHost

function shown(url: string): string {
  const cut = url.length > 120 ? `${url.slice(0, 117)}...` : url
  return JSON.stringify(cut.replace(/\/\/[^/@\s]*@/, '//***@'))
}

/**
 * Checks an app's repository URL against Orbit's allowlist before any git call (core's
 * `checkRepositoryUrl`), throwing {@link RepositoryRefusedError} with the reason.
 *
 * @example checkRepositoryUrl('https://github.com/acme/api.git') // { kind: 'https', host: 'github.com', … }
 * @example checkRepositoryUrl('ext::sh -c touch% /tmp/x') // throws RepositoryRefusedError
 */
export function checkRepositoryUrl(raw: unknown, policy: RepositoryPolicy = {}): CheckedRepository {
  const result = check(raw, policy)
  if (!result.ok) throw new RepositoryRefusedError(`repositoryUrl ${shown(String(raw ?? ''))} ${result.problem}`)
  return { url: result.url, kind: result.kind, host: result.host }
}

/**
 * Checks a branch name (a user-supplied value): git's ref-format rules, plus no leading "-".
 *
 * @example checkBranch('main') // 'main'
 */
export function checkBranch(raw: unknown): string {
  const result = checkBranchName(raw)
  if (typeof result !== 'string') throw new RepositoryRefusedError(`branch ${result.problem}`)
  return result
}
