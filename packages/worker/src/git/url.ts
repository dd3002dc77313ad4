import { RepositoryRefusedError } from '../errors.js'

export type RepositoryKind = 'https' | 'http' | 'ssh' | 'file'

export interface CheckedRepository {
  /** The URL to hand to git, unchanged (it was checked, never rewritten). */
  url: string
  kind: RepositoryKind
  /** Lower-case host for https/http/ssh (used to pick a credential); null for local paths. */
  host: string | null
}

export interface RepositoryPolicy {
  /** Plain http to hosts other than loopback (never sends a token to them regardless). Default false. */
  allowInsecureHttp?: boolean
  /** Local bare repositories (absolute paths, file://). Default true (dev stack, tests). */
  allowLocal?: boolean
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])
const SCP_LIKE = /^([A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+):(?!\/\/)([A-Za-z0-9._~/-][^\s]*)$/

export function isLoopback(host: string | null): boolean {
  return host !== null && LOOPBACK.has(host)
}

function refuse(url: string, why: string): never {
  const shown = url.length > 120 ? `${url.slice(0, 117)}...` : url
  throw new RepositoryRefusedError(`repositoryUrl ${JSON.stringify(shown.replace(/\/\/[^/@\s]*@/, '//***@'))} ${why}`)
}

/**
 * Checks an app's repository URL against Orbit's allowlist before any git call: `https://`,
 * `ssh://` and scp-like `user@host:path`, `http://` only to loopback (or when allowed), and local
 * bare repositories (absolute path or `file://`). Refuses `ext::` and other transports, option-like
 * values (`-…`), credentials inside the URL, whitespace and control characters.
 *
 * @example checkRepositoryUrl('https://github.com/acme/api.git') // { kind: 'https', host: 'github.com', … }
 * @example checkRepositoryUrl('ext::sh -c touch% /tmp/x') // throws RepositoryRefusedError
 */
export function checkRepositoryUrl(raw: unknown, policy: RepositoryPolicy = {}): CheckedRepository {
  if (typeof raw !== 'string' || raw.trim() === '') refuse(String(raw ?? ''), 'is required')
  const url = raw
  if (url.length > 2048) refuse(url, 'is longer than 2048 characters')
  if (url.startsWith('-')) refuse(url, 'must not start with "-"')
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(url)) refuse(url, 'uses a git remote helper transport ("<transport>::"), which Orbit does not allow')
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) refuse(url, 'must not contain whitespace or control characters')
  const allowLocal = policy.allowLocal ?? true

  if (url.startsWith('/')) {
    if (!allowLocal) refuse(url, 'is a local path, which this worker does not allow')
    if (url.split('/').includes('..')) refuse(url, 'must not contain ".."')
    return { url, kind: 'file', host: null }
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase()
  if (scheme) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      refuse(url, 'is not a valid URL')
    }
    if (scheme === 'file') {
      if (!allowLocal) refuse(url, 'is a local path, which this worker does not allow')
      if (parsed.host && parsed.host !== 'localhost') refuse(url, 'must be file:///absolute/path')
      return { url, kind: 'file', host: null }
    }
    if (scheme !== 'https' && scheme !== 'http' && scheme !== 'ssh') refuse(url, `uses the scheme "${scheme}"; allowed: https, ssh, http (loopback only), file`)
    if (!parsed.hostname) refuse(url, 'has no host')
    if (parsed.password || (parsed.username && scheme !== 'ssh')) refuse(url, 'must not contain credentials; configure a token for the worker instead')
    const host = parsed.hostname.toLowerCase()
    if (host.startsWith('-')) refuse(url, 'has an option-like host')
    if (scheme === 'http' && !isLoopback(host) && !policy.allowInsecureHttp) refuse(url, 'uses plain http to a non-loopback host; use https (or set ORBIT_GIT_ALLOW_HTTP=1)')
    return { url, kind: scheme, host }
  }
  const scp = SCP_LIKE.exec(url)
  if (scp) {
    const host = scp[2]!.toLowerCase()
    if (host.startsWith('-')) refuse(url, 'has an option-like host')
    return { url, kind: 'ssh', host }
  }
  refuse(url, 'is not an https://, ssh://, user@host:path, file:// URL or an absolute path')
}

/**
 * Checks a branch name (a user-supplied value): git's ref-format rules, plus no leading "-".
 *
 * @example checkBranch('main') // 'main'
 */
export function checkBranch(raw: unknown): string {
  const branch = raw === undefined || raw === null || raw === '' ? 'main' : raw
  if (typeof branch !== 'string') throw new RepositoryRefusedError('branch must be a string')
  const bad =
    branch.length > 200 ||
    branch.startsWith('-') ||
    branch.startsWith('/') ||
    branch.endsWith('/') ||
    branch.endsWith('.') ||
    branch.endsWith('.lock') ||
    branch.includes('..') ||
    branch.includes('//') ||
    branch.includes('@{') ||
    branch === '@' ||
    branch === 'HEAD' ||
    !/^[A-Za-z0-9._/-]+$/.test(branch) ||
    branch.split('/').some((part) => part.startsWith('.'))
  if (bad) throw new RepositoryRefusedError(`branch ${JSON.stringify(branch.slice(0, 100))} is not a valid branch name`)
  return branch
}
