// The worker's git against real repositories: local bare repos, and a token-protected remote
// served by `git http-backend` behind a Basic-auth HTTP server.
import { createBareRepo, git } from '@orbit/testing'
import type { BareRepo } from '@orbit/testing'
import { mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AskPass } from '../src/git/credentials.js'
import { GitClient } from '../src/git/client.js'
import type { GitHooks } from '../src/git/client.js'
import { checkBranch, checkRepositoryUrl } from '../src/git/url.js'
import { GitError, RepositoryRefusedError } from '../src/errors.js'
import { startGitHttpServer } from './support/git-http-server.js'
import type { GitHttpServer } from './support/git-http-server.js'

let work: string
const askPass = new AskPass()
const repos: BareRepo[] = []

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'orbit-git-test-'))
})
afterAll(async () => {
  await Promise.all(repos.map((r) => r.remove()))
  await askPass.dispose()
  await rm(work, { recursive: true, force: true })
})

async function repo(): Promise<BareRepo> {
  const r = await createBareRepo()
  repos.push(r)
  return r
}

let n = 0
const dir = () => join(work, `checkout-${++n}`)
const client = (hooks?: GitHooks, credentials?: ConstructorParameters<typeof GitClient>[0]['credentials']) => new GitClient({ askPass, hooks, credentials })
const files = (port: number) => [{ path: 'docker-compose.yml', content: `services:\n  web:\n    build: .\n    ports:\n      - "${port}:${port}"\n` }]
const commit = (id = '7', hash = 'abc') => ({ subject: 'chore(orbit): deployment config via Docker Compose (Local Dev)', trailers: { 'Orbit-Deployment': id, 'Orbit-Content-Hash': hash } })

describe('repository URL allowlist', () => {
  test.each([
    ['https://github.com/acme/api.git', 'https'],
    ['ssh://git@github.com/acme/api.git', 'ssh'],
    ['git@github.com:acme/api.git', 'ssh'],
    ['http://127.0.0.1:8080/app.git', 'http'],
    ['/srv/git/app.git', 'file'],
    ['file:///srv/git/app.git', 'file'],
  ])('accepts %s', (url, kind) => {
    expect(checkRepositoryUrl(url).kind).toBe(kind)
  })

  test.each([
    ['ext::sh -c touch% /tmp/pwned', /remote helper transport/],
    ['fd::3', /remote helper transport/],
    ['-uhelp', /must not start with "-"/],
    ['--upload-pack=touch /tmp/x', /must not start with "-"/],
    ['https://user:secret@github.com/acme/api.git', /must not contain credentials/],
    ['http://git.example.com/app.git', /plain http to a non-loopback host/],
    ['ftp://example.com/app.git', /scheme "ftp"/],
    ['relative/path.git', /not an https/],
    ['https://github.com/acme/api.git\n--foo', /whitespace or control/],
    ['/srv/../etc/app.git', /".."/],
  ])('refuses %s', (url, why) => {
    expect(() => checkRepositoryUrl(url)).toThrow(why)
  })

  test('never echoes credentials of a refused URL', () => {
    try {
      checkRepositoryUrl('https://user:hunter2-secret@github.com/a.git')
      expect.unreachable()
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2-secret')
    }
  })

  test('local repositories can be switched off', () => {
    expect(() => checkRepositoryUrl('/srv/app.git', { allowLocal: false })).toThrow(/local path/)
  })

  test('branch names: valid refs only, never option-like', () => {
    expect(checkBranch(undefined)).toBe('main')
    expect(checkBranch('release/1.2')).toBe('release/1.2')
    for (const bad of ['-f', '--force', 'a..b', 'a b', 'x.lock', 'a//b', '.hidden', 'HEAD', 'a@{1}']) expect(() => checkBranch(bad), bad).toThrow(RepositoryRefusedError)
  })
})

describe('commit and push', () => {
  test('one commit with the message, trailers and files; an unchanged tree makes no commit', async () => {
    const r = await repo()
    const before = await r.log()
    const g = client()
    const c1 = await g.checkout({ repositoryUrl: r.path, branch: 'main', dir: dir() })
    const first = await g.commitAndPush(c1, { files: files(8080), ...commit() })
    expect(first.changed).toBe(true)
    expect(await r.log()).toEqual([first.commitSha, ...before])
    expect(await r.show('docker-compose.yml')).toBe(files(8080)[0]!.content)
    const message = await git(['--git-dir', r.path, 'log', '-1', '--format=%B', 'main'])
    expect(message).toBe('chore(orbit): deployment config via Docker Compose (Local Dev)\n\nOrbit-Deployment: 7\nOrbit-Content-Hash: abc')
    expect(await git(['--git-dir', r.path, 'log', '-1', '--format=%an <%ae>', 'main'])).toBe('Orbit <orbit@localhost>')

    // The same files again, from a fresh clone: nothing to commit, the earlier commit is found.
    const c2 = await g.checkout({ repositoryUrl: r.path, branch: 'main', dir: dir() })
    const second = await g.commitAndPush(c2, { files: files(8080), ...commit() })
    expect(second).toMatchObject({ changed: false, commitSha: first.commitSha })
    expect(await r.log()).toHaveLength(before.length + 1)
  })

  test('a retry after a successful push finds that commit even when others pushed on top', async () => {
    const r = await repo()
    const g = client()
    const first = await g.commitAndPush(await g.checkout({ repositoryUrl: r.path, branch: 'main', dir: dir() }), { files: files(3000), ...commit('9', 'h9') })
    const other = await r.pushCommit({ 'src/app.ts': 'export {}\n' }, 'feat: someone else')
    const retry = await g.commitAndPush(await g.checkout({ repositoryUrl: r.path, branch: 'main', dir: dir() }), { files: files(3000), ...commit('9', 'h9') })
    expect(retry).toMatchObject({ changed: false, commitSha: first.commitSha })
    expect((await r.log())[0]).toBe(other)
  })

  test('a concurrent push during the run: the push is retried on the new head and both commits survive', async () => {
    const r = await repo()
    let theirs = ''
    const g = client({
      beforePush: async (attempt) => {
        if (attempt === 1) theirs = await r.pushCommit({ 'README.md': '# changed by a person\n' }, 'docs: concurrent edit')
      },
    })
    const result = await g.commitAndPush(await g.checkout({ repositoryUrl: r.path, branch: 'main', dir: dir() }), { files: files(4000), ...commit() })
    expect(result).toMatchObject({ changed: true, pushAttempts: 2 })
    const log = await r.log()
    expect(log[0]).toBe(result.commitSha)
    expect(log[1]).toBe(theirs)
    expect(await r.show('README.md')).toBe('# changed by a person\n')
    expect(await r.show('docker-compose.yml')).toBe(files(4000)[0]!.content)
  })

  test('pushes never force: after the bounded attempts the run fails and the remote keeps every commit', async () => {
    const r = await repo()
    const g = new GitClient({ askPass, maxPushAttempts: 2, hooks: { beforePush: async (a) => void (await r.pushCommit({ [`f${a}.txt`]: `${a}\n` }, `race ${a}`)) } })
    const checkout = await g.checkout({ repositoryUrl: r.path, branch: 'main', dir: dir() })
    await expect(g.commitAndPush(checkout, { files: files(1), ...commit() })).rejects.toThrow(/rejected 2 times/)
    expect(await r.show('f1.txt')).toBe('1\n')
    expect(await r.show('f2.txt')).toBe('2\n')
    expect(await r.show('docker-compose.yml')).toBeNull()
  })

  test('refuses to write through a symlink in the repository', async () => {
    const r = await repo()
    const g = client()
    const checkout = await g.checkout({ repositoryUrl: r.path, branch: 'main', dir: dir() })
    await symlink('/tmp', join(checkout.dir, 'deploy'))
    await expect(g.commitAndPush(checkout, { files: [{ path: 'deploy/compose.yaml', content: 'x: 1\n' }], ...commit() })).rejects.toThrow(/symlink at deploy/)
  })

  test('a missing branch is a clear, non-technical error', async () => {
    const r = await repo()
    await expect(client().checkout({ repositoryUrl: r.path, branch: 'does-not-exist', dir: dir() })).rejects.toThrow(/branch "does-not-exist" does not exist/)
  })

  test('a new, empty repository: the first push creates the branch with Orbit’s commit; the next run finds it', async () => {
    const base = await mkdtemp(join(work, 'empty-'))
    const path = join(base, 'empty.git')
    await git(['init', '--quiet', '--bare', '--initial-branch', 'trunk', path])
    const g = client()
    const first = await g.commitAndPush(await g.checkout({ repositoryUrl: `file://${path}`, branch: 'trunk', dir: dir() }), { files: files(6000), ...commit() })
    expect(first.changed).toBe(true)
    expect(await git(['--git-dir', path, 'log', '--format=%H', 'trunk'])).toBe(first.commitSha)
    const again = await g.commitAndPush(await g.checkout({ repositoryUrl: `file://${path}`, branch: 'trunk', dir: dir() }), { files: files(6000), ...commit() })
    expect(again).toMatchObject({ changed: false, commitSha: first.commitSha })
  })
})

describe('token-protected HTTP remote (git http-backend)', () => {
  let server: GitHttpServer
  let r: BareRepo
  const token = `orbit-secret-token-${Math.random().toString(36).slice(2)}`

  beforeAll(async () => {
    r = await repo()
    server = await startGitHttpServer({ root: join(r.path, '..'), token })
  })
  afterAll(async () => {
    await server?.close()
  })

  test('clone and push with the token through askpass; the token is not in .git/config, argv or the URL', async () => {
    const g = client(undefined, { token })
    const checkout = await g.checkout({ repositoryUrl: `${server.url}/app.git`, branch: 'main', dir: dir() })
    const result = await g.commitAndPush(checkout, { files: files(5000), ...commit() })
    expect(result.changed).toBe(true)
    expect((await r.log())[0]).toBe(result.commitSha)
    expect(server.requests.some((q) => q.authorized && q.path.endsWith('git-receive-pack'))).toBe(true)
    const config = await readFile(join(checkout.dir, '.git', 'config'), 'utf8')
    expect(config).toContain(`${server.url}/app.git`)
    expect(config).not.toContain(token)
    for (const name of await readdir(join(checkout.dir, '.git'))) {
      if (name.endsWith('HEAD') || name === 'config' || name === 'FETCH_HEAD' || name === 'packed-refs') {
        expect(await readFile(join(checkout.dir, '.git', name), 'utf8').catch(() => '')).not.toContain(token)
      }
    }
  })

  test('per-host tokens win over the global one; a wrong token fails without showing either', async () => {
    const host = new URL(server.url).hostname
    const ok = client(undefined, { token: 'wrong-global-token', tokens: { [host]: token } })
    await ok.checkout({ repositoryUrl: `${server.url}/app.git`, branch: 'main', dir: dir() })

    const bad = client(undefined, { token: 'wrong-global-token' })
    const error = await bad.checkout({ repositoryUrl: `${server.url}/app.git`, branch: 'main', dir: dir() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitError)
    const text = `${(error as GitError).message}\n${(error as GitError).stderr}\n${(error as GitError).args.join(' ')}`
    expect(text).toMatch(/Authentication failed|401/)
    expect(text).not.toContain('wrong-global-token')
    expect(text).not.toContain(token)
  })

  test('without any token the clone fails (no prompt, no hang)', async () => {
    await expect(client().checkout({ repositoryUrl: `${server.url}/app.git`, branch: 'main', dir: dir() })).rejects.toThrow(GitError)
  })
})
