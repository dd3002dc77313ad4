/**
 * Repository URL and branch checks, shared by the plugin/app (on save) and the worker (before
 * every git call), so that an app Orbit accepts is one the worker will clone.
 */

export type RepositoryKind = 'https' | 'http' | 'ssh' | 'file'

export interface CheckedRepository {
  /** The URL to hand to git, unchanged (it was checked, never rewritten). */
  url: string
  kind: RepositoryKind
  /** Lower-case host for https/http/ssh (used to pick a credential); null for local paths. */
  host: string | null
}

export interface RepositoryPolicy {
  /** Plain http to hosts other than loopback. Default false (the worker never sends a token there). */
  allowInsecureHttp?: boolean
  /** Local bare repositories (absolute paths, file://). Default true (dev stack, tests). */
  allowLocal?: boolean
}

export type RepositoryCheck = ({ ok: true } & CheckedRepository) | { ok: false; problem: string }

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])
const SCP_LIKE = /^([A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+):(?!\/\/)([A-Za-z0-9._~/-][^\s]*)$/

export function isLoopbackHost(host: string | null): boolean {
  return host !== null && LOOPBACK.has(host)
}

/**
 * Checks an app's repository URL against Orbit's allowlist: `https://`, `ssh://` and scp-like
 * `user@host:path`, `http://` only to loopback (unless the policy allows it), and local bare
 * repositories (absolute path or `file://`). Refuses `ext::` and other transports, `git://`,
 * option-like values (`-…`), credentials inside the URL, whitespace and control characters.
 * `problem` completes the sentence "repositoryUrl …".
 *
 * @example checkRepositoryUrl('https://github.com/acme/api.git') // { ok: true, kind: 'https', host: 'github.com', … }
 * @example checkRepositoryUrl('ext::sh -c touch% /tmp/x') // { ok: false, problem: 'uses a git remote helper …' }
 */
export function checkRepositoryUrl(raw: unknown, policy: RepositoryPolicy = {}): RepositoryCheck {
  const no = (problem: string): RepositoryCheck => ({ ok: false, problem })
  if (typeof raw !== 'string' || raw.trim() === '') return no('is required (e.g. https://git.example.com/team/app.git)')
  const url = raw
  if (url.length > 2048) return no('is longer than 2048 characters')
  if (url.startsWith('-')) return no('must not start with "-"')
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(url)) return no('uses a git remote helper transport ("<transport>::"), which Orbit does not allow')
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return no('must not contain whitespace or control characters')
  const allowLocal = policy.allowLocal ?? true

  if (url.startsWith('/')) {
    if (!allowLocal) return no('is a local path, which this worker does not allow')
    if (url.split('/').includes('..')) return no('must not contain ".."')
    return { ok: true, url, kind: 'file', host: null }
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase()
  if (scheme) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return no('is not a valid URL')
    }
    if (scheme === 'file') {
      if (!allowLocal) return no('is a local path, which this worker does not allow')
      if (parsed.host && parsed.host !== 'localhost') return no('must be file:///absolute/path')
      return { ok: true, url, kind: 'file', host: null }
    }
    if (scheme !== 'https' && scheme !== 'http' && scheme !== 'ssh') return no(`uses the scheme "${scheme}"; allowed: https, ssh, http (loopback only), file`)
    if (!parsed.hostname) return no('has no host')
    if (parsed.password || (parsed.username && scheme !== 'ssh')) return no('must not contain credentials; configure a token for the worker instead')
    const host = parsed.hostname.toLowerCase()
    if (host.startsWith('-')) return no('has an option-like host')
    if (scheme === 'http' && !isLoopbackHost(host) && !policy.allowInsecureHttp) {
      return no('uses plain http to a non-loopback host; use https (or set ORBIT_GIT_ALLOW_HTTP=1 on the worker)')
    }
    return { ok: true, url, kind: scheme, host }
  }
  const scp = SCP_LIKE.exec(url)
  if (scp) {
    const host = scp[2]!.toLowerCase()
    if (host.startsWith('-')) return no('has an option-like host')
    return { ok: true, url, kind: 'ssh', host }
  }
  return no('is not an https://, ssh://, user@host:path, file:// URL or an absolute path')
}

/**
 * Checks a branch name against git's ref-format rules (plus no leading "-"). Empty means `main`.
 *
 * @returns the branch, or `{ problem }` completing the sentence "branch …".
 * @example checkBranchName('main') // 'main'
 */
export function checkBranchName(raw: unknown): string | { problem: string } {
  const branch = raw === undefined || raw === null || raw === '' ? 'main' : raw
  if (typeof branch !== 'string') return { problem: 'must be text' }
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
  return bad ? { problem: `${JSON.stringify(branch.slice(0, 100))} is not a valid git branch name` } : branch
}
