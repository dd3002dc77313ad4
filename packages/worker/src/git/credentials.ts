import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CheckedRepository } from './url.js'
import { isLoopback } from './url.js'

/**
 * Where HTTPS tokens come from: a global token, or one per host (`github.com`) or per app
 * (`app:<id>`). The most specific wins: app, then host, then global.
 */
export interface GitCredentialConfig {
  token?: string | undefined
  /** Keys: a host (`git.example.com`) or `app:<appId>`. */
  tokens?: Record<string, string> | undefined
  /** The HTTPS user name sent with a token. Default `x-access-token` (GitHub's; GitLab accepts any). */
  username?: string | undefined
}

/** The env var the askpass script reads; set only on the git child process, never logged. */
export const ASKPASS_SECRET_ENV = 'ORBIT_GIT_ASKPASS_SECRET'
export const ASKPASS_USER_ENV = 'ORBIT_GIT_ASKPASS_USERNAME'

/** Picks the token for a repository; none for ssh/file, and never for plain http to a non-loopback host. */
export function tokenFor(config: GitCredentialConfig, repo: CheckedRepository, appId?: string): string | undefined {
  if (repo.kind === 'ssh' || repo.kind === 'file') return undefined
  if (repo.kind === 'http' && !isLoopback(repo.host)) return undefined
  const tokens = config.tokens ?? {}
  if (appId !== undefined && tokens[`app:${appId}`]) return tokens[`app:${appId}`]
  if (repo.host && tokens[repo.host]) return tokens[repo.host]
  return config.token || undefined
}

/** Every configured secret value (for redaction). */
export function allTokens(config: GitCredentialConfig): string[] {
  return [config.token, ...Object.values(config.tokens ?? {})].filter((t): t is string => typeof t === 'string' && t.length > 0)
}

// The script only prints what is in the child's environment: the token is never in a file.
const SCRIPT = `#!/bin/sh
case "$1" in
  Username*|username*) printf '%s\\n' "\${${ASKPASS_USER_ENV}:-x-access-token}" ;;
  *) printf '%s\\n' "\${${ASKPASS_SECRET_ENV}}" ;;
esac
`

/**
 * A GIT_ASKPASS program written once per process into a private (0700) directory. Git runs it
 * for the user name and password of an HTTPS remote; it answers from two env vars that the
 * worker sets only on that git child process. So the token is never in a URL, `.git/config`,
 * an argv, a file or a log line.
 */
export class AskPass {
  #dir: string | undefined
  #path: Promise<string> | undefined

  constructor(private readonly parent: string = tmpdir()) {}

  path(): Promise<string> {
    this.#path ??= (async () => {
      await mkdir(this.parent, { recursive: true })
      this.#dir = await mkdtemp(join(this.parent, 'orbit-askpass-'))
      await chmod(this.#dir, 0o700)
      const file = join(this.#dir, 'askpass.sh')
      await writeFile(file, SCRIPT, { mode: 0o700 })
      return file
    })()
    return this.#path
  }

  async dispose(): Promise<void> {
    if (this.#dir) await rm(this.#dir, { recursive: true, force: true })
    this.#dir = undefined
    this.#path = undefined
  }
}
