import { safeRelativePath } from '@orbit/deployments-core'
import type { GeneratedFile } from '@orbit/deployments-core'
import { execa } from 'execa'
import { lstat, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { GitError, RepositoryRefusedError, redact } from '../errors.js'
import type { AskPass, GitCredentialConfig } from './credentials.js'
import { allTokens, ASKPASS_SECRET_ENV, ASKPASS_USER_ENV, tokenFor } from './credentials.js'
import { checkBranch, checkRepositoryUrl } from './url.js'
import type { CheckedRepository, RepositoryPolicy } from './url.js'

/** Points where tests can act between git steps (e.g. push a concurrent commit). Never set in production. */
export interface GitHooks {
  /** Runs while `git clone` is in flight. */
  cloneStarted?(dir: string): Promise<void> | void
  beforePush?(attempt: number): Promise<void> | void
  afterPush?(sha: string): Promise<void> | void
}

export interface GitClientOptions {
  credentials?: GitCredentialConfig
  askPass: AskPass
  /** Commit identity. Default `Orbit <orbit@localhost>`. */
  author?: { name: string; email: string }
  policy?: RepositoryPolicy
  /** Push attempts when someone else pushed meanwhile. Default 5. */
  maxPushAttempts?: number
  /** Per git command. Default 5 minutes. */
  commandTimeoutMs?: number
  hooks?: GitHooks
}

/** A shallow checkout of one branch, prepared by {@link GitClient.checkout}. */
export interface Checkout {
  dir: string
  branch: string
  repo: CheckedRepository
  /** The token git gets through askpass; kept off every log and error. */
  readonly token: string | undefined
}

export interface CommitOptions {
  files: GeneratedFile[]
  /** First line of the commit message. */
  subject: string
  /** Trailers, e.g. `{ 'Orbit-Deployment': '42' }`; also how a retry finds its earlier commit. */
  trailers: Record<string, string>
  signal?: AbortSignal
  /** Called between steps (maps to activity heartbeats). */
  progress?: (step: string) => void
}

export interface CommitResult {
  /** The commit that holds the files on the remote branch (new, found, or the unchanged head). */
  commitSha: string
  /** Whether this call pushed a new commit. */
  changed: boolean
  /** Push attempts used (more than 1 when someone else pushed meanwhile). */
  pushAttempts: number
}

const PASS_ENV = ['SSH_AUTH_SOCK', 'GIT_SSH_COMMAND', 'GIT_SSH', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'GIT_SSL_CAINFO', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy', 'TMPDIR']

/** One line, printable, bounded: generator names end up in commit subjects. */
function oneLine(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return clean.length > max ? `${clean.slice(0, max - 3)}...` : clean
}

function parseTrailers(body: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of body.split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line.trim())
    if (m) out[m[1]!] = m[2]!
  }
  return out
}

/**
 * The worker's git: shallow single-branch clones, safe file writes, and an idempotent
 * commit-and-push that never forces. Every call is an argv array with `--` before user-supplied
 * values, runs with an isolated config (no system/global config, no credential helpers, only the
 * https/http/ssh/file transports) and gets HTTPS tokens through askpass only.
 */
export class GitClient {
  readonly #opts: GitClientOptions
  readonly #secrets: string[]

  constructor(options: GitClientOptions) {
    this.#opts = options
    this.#secrets = allTokens(options.credentials ?? {})
  }

  /** Secret values this client knows (for redaction elsewhere). */
  get secrets(): readonly string[] {
    return this.#secrets
  }

  /** Checks the URL and branch (throws {@link RepositoryRefusedError}) without touching the network. */
  resolve(repositoryUrl: unknown, branch: unknown): { repo: CheckedRepository; branch: string } {
    return { repo: checkRepositoryUrl(repositoryUrl, this.#opts.policy), branch: checkBranch(branch) }
  }

  /** `git clone --depth 1 --single-branch --branch <branch> -- <url> <dir>`. */
  async checkout(input: { repositoryUrl: unknown; branch: unknown; appId?: string; dir: string; signal?: AbortSignal }): Promise<Checkout> {
    const { repo, branch } = this.resolve(input.repositoryUrl, input.branch)
    const token = tokenFor(this.#opts.credentials ?? {}, repo, input.appId)
    const checkout: Checkout = { dir: input.dir, branch, repo, token }
    Object.defineProperty(checkout, 'token', { enumerable: false })
    await mkdir(dirname(input.dir), { recursive: true })
    const clone = this.#run(['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', '--branch', branch, '--', repo.url, input.dir], { token, signal: input.signal })
    try {
      await Promise.all([clone, this.#opts.hooks?.cloneStarted?.(input.dir)])
    } catch (e) {
      if (e instanceof GitError && /Remote branch .* not found|couldn't find remote ref/i.test(e.stderr)) {
        const heads = await this.#run(['ls-remote', '--heads', '--', repo.url], { token, signal: input.signal })
        if (heads !== '') {
          throw new RepositoryRefusedError(`branch ${JSON.stringify(branch)} does not exist in the app's repository; create it or change the app's branch`)
        }
        // A new, empty repository: the first push creates the branch (with Orbit's commit as its root).
        await rm(input.dir, { recursive: true, force: true })
        await this.#run(['init', '--quiet', '--initial-branch', branch, '--', input.dir], { signal: input.signal })
        await this.#run(['remote', 'add', '--', 'origin', repo.url], { cwd: input.dir, signal: input.signal })
        return checkout
      }
      throw e
    }
    return checkout
  }

  /** Current commit of the checkout. */
  head(checkout: Checkout): Promise<string> {
    return this.#run(['rev-parse', 'HEAD'], { cwd: checkout.dir })
  }

  /**
   * Writes the files, commits them with the subject and trailers, and pushes to the branch
   * without force. An unchanged tree makes no commit; a rejected push (someone pushed meanwhile)
   * fetches the new head, recreates the commit on it and retries, a bounded number of times.
   * When the tree is unchanged because an earlier attempt of the same run already pushed, the
   * commit carrying the same trailers is returned instead of the head.
   */
  async commitAndPush(checkout: Checkout, options: CommitOptions): Promise<CommitResult> {
    const { dir, branch, token } = checkout
    const { signal } = options
    const paths = options.files.map((f, i) => safeRelativePath(f.path, `files[${i}].path`))
    const message = [oneLine(options.subject), Object.entries(options.trailers).map(([k, v]) => `${k}: ${oneLine(v, 200)}`).join('\n')]
    const max = this.#opts.maxPushAttempts ?? 5
    for (let attempt = 1; ; attempt++) {
      options.progress?.(`write (attempt ${attempt})`)
      await writeFiles(dir, options.files)
      await this.#run(['add', '--', ...paths], { cwd: dir, signal })
      const staged = await this.#run(['diff', '--cached', '--name-only'], { cwd: dir, signal })
      if (staged === '') {
        const own = await this.#findCommit(checkout, options.trailers, signal)
        return { commitSha: own ?? (await this.head(checkout)), changed: false, pushAttempts: attempt - 1 }
      }
      await this.#run(['commit', '--quiet', '--no-verify', '-m', message[0]!, '-m', message[1]!], { cwd: dir, signal })
      await this.#opts.hooks?.beforePush?.(attempt)
      options.progress?.(`push (attempt ${attempt})`)
      const pushed = await this.#push(dir, branch, token, signal)
      const sha = await this.head(checkout)
      if (pushed === 'ok') {
        await this.#opts.hooks?.afterPush?.(sha)
        return { commitSha: sha, changed: true, pushAttempts: attempt }
      }
      if (attempt >= max) {
        throw new GitError(`git push to ${branch} was rejected ${attempt} times because others kept pushing; try again`, ['push'], '')
      }
      // Someone else pushed: take their head and recreate our commit on top of it.
      options.progress?.(`fetch new head (attempt ${attempt})`)
      await this.#run(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', '--', `+refs/heads/${branch}:refs/remotes/origin/${branch}`], { cwd: dir, token, signal })
      await this.#run(['reset', '--quiet', '--hard', `refs/remotes/origin/${branch}`], { cwd: dir, signal })
      await new Promise((r) => setTimeout(r, Math.random() * 200 * attempt))
    }
  }

  /** The newest commit on the branch (head, then up to 50 back) carrying all these trailers. */
  async #findCommit(checkout: Checkout, trailers: Record<string, string>, signal?: AbortSignal): Promise<string | undefined> {
    const matches = (body: string) => {
      const found = parseTrailers(body)
      return Object.entries(trailers).every(([k, v]) => found[k] === oneLine(v, 200))
    }
    const unborn = await this.#exec(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: checkout.dir, signal })
    if (unborn.exitCode !== 0) return undefined
    const headBody = await this.#run(['log', '-1', '--format=%B', 'HEAD'], { cwd: checkout.dir, signal })
    if (matches(headBody)) return this.head(checkout)
    try {
      await this.#run(['fetch', '--quiet', '--deepen', '50', '--no-tags', 'origin', '--', `+refs/heads/${checkout.branch}:refs/remotes/origin/${checkout.branch}`], {
        cwd: checkout.dir,
        token: checkout.token,
        signal,
      })
    } catch {
      return undefined // a best effort: the head is a correct answer too
    }
    const log = await this.#run(['log', '-n', '51', '--format=%H%x1f%B%x1e', 'HEAD'], { cwd: checkout.dir, signal })
    for (const entry of log.split('\x1e')) {
      const [sha, body] = entry.trim().split('\x1f')
      if (sha && body !== undefined && matches(body)) return sha.trim()
    }
    return undefined
  }

  async #push(dir: string, branch: string, token: string | undefined, signal?: AbortSignal): Promise<'ok' | 'rejected'> {
    const args = ['push', '--porcelain', '--no-verify', 'origin', `HEAD:refs/heads/${branch}`]
    const result = await this.#exec(args, { cwd: dir, token, signal })
    if (result.exitCode === 0) return 'ok'
    const out = `${result.stdout}\n${result.stderr}`
    if (/\[rejected\]|\[remote rejected\].*(lock|failed to update ref|incorrect old value)|non-fast-forward|fetch first/i.test(out)) return 'rejected'
    throw this.#error(args, result.stderr || result.stdout)
  }

  async #run(args: string[], options: { cwd?: string; token?: string | undefined; signal?: AbortSignal | undefined }): Promise<string> {
    const result = await this.#exec(args, options)
    if (result.exitCode !== 0) throw this.#error(args, result.stderr)
    return result.stdout.trim()
  }

  #error(args: string[], stderr: string): GitError {
    const clean = redact(stderr, this.#secrets)
    const lines = clean
      .split('\n')
      .map((l) => l.replace(/^(fatal|error):\s*/i, '').trim())
      .filter((l) => l && !/^hint:/i.test(l))
    const why = lines.slice(0, 2).join('; ') || 'no message'
    return new GitError(`git ${args[0]} failed: ${why}`, args.map((a) => redact(a, this.#secrets)), clean)
  }

  async #exec(args: string[], options: { cwd?: string; token?: string | undefined; signal?: AbortSignal | undefined }) {
    const author = this.#opts.author ?? { name: 'Orbit', email: 'orbit@localhost' }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      LANG: 'C',
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_ASKPASS: await this.#opts.askPass.path(),
      SSH_ASKPASS: '/bin/false',
      GIT_SSH_VARIANT: 'ssh',
    }
    for (const name of PASS_ENV) if (process.env[name]) env[name] = process.env[name]!
    if (!env.GIT_SSH_COMMAND) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes'
    if (options.token) {
      env[ASKPASS_SECRET_ENV] = options.token
      env[ASKPASS_USER_ENV] = this.#opts.credentials?.username ?? 'x-access-token'
    }
    const config = [
      'credential.helper=',
      'protocol.allow=never',
      'protocol.https.allow=always',
      'protocol.http.allow=always',
      'protocol.ssh.allow=always',
      'protocol.file.allow=always',
      'core.hooksPath=/dev/null',
      'core.symlinks=true',
      'commit.gpgSign=false',
      'advice.detachedHead=false',
      `user.name=${oneLine(author.name)}`,
      `user.email=${oneLine(author.email)}`,
    ].flatMap((c) => ['-c', c])
    return execa('git', [...config, ...args], {
      cwd: options.cwd,
      env,
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      cancelSignal: options.signal,
      timeout: this.#opts.commandTimeoutMs ?? 300_000,
      forceKillAfterDelay: 5000,
      maxBuffer: 32 * 1024 * 1024,
    })
  }
}

/**
 * Writes files inside `dir`, refusing any path whose parts are symlinks in the checkout (a repo
 * could otherwise point `docker-compose.yml` or a folder anywhere on the worker's disk).
 */
export async function writeFiles(dir: string, files: GeneratedFile[]): Promise<void> {
  for (const [i, file] of files.entries()) {
    const rel = safeRelativePath(file.path, `files[${i}].path`)
    const parts = rel.split('/')
    let at = dir
    for (const [j, part] of parts.entries()) {
      at = join(at, part)
      const stat = await lstat(at).catch(() => null)
      if (!stat) break
      if (stat.isSymbolicLink()) throw new RepositoryRefusedError(`${rel}: the repository has a symlink at ${parts.slice(0, j + 1).join('/')}; Orbit does not write through symlinks`)
      if (j < parts.length - 1 && !stat.isDirectory()) throw new RepositoryRefusedError(`${rel}: ${parts.slice(0, j + 1).join('/')} is a file in the repository, not a folder`)
      if (j === parts.length - 1 && stat.isDirectory()) throw new RepositoryRefusedError(`${rel}: is a folder in the repository`)
    }
    await mkdir(dirname(join(dir, rel)), { recursive: true })
    await writeFile(join(dir, rel), file.content)
  }
}
