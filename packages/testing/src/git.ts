import { execFile } from 'node:child_process'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** An environment for git in tests: no user or system config, a fixed identity. */
export function gitEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Orbit Test',
    GIT_AUTHOR_EMAIL: 'test@orbit.local',
    GIT_COMMITTER_NAME: 'Orbit Test',
    GIT_COMMITTER_EMAIL: 'test@orbit.local',
    GIT_TERMINAL_PROMPT: '0',
  }
}

/** Runs git with an argv array; returns trimmed stdout. */
export async function git(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: gitEnv(), maxBuffer: 64 * 1024 * 1024 })
  return stdout.trim()
}

export interface BareRepo {
  /** Path of the bare repository (usable as a clone URL). */
  path: string
  branch: string
  /** Commit SHAs on the branch, newest first. */
  log(): Promise<string[]>
  /** A file's content at the branch head, or null when absent. */
  show(file: string): Promise<string | null>
  /** Pushes a commit with these files, as another person would. */
  pushCommit(files: Record<string, string>, message: string): Promise<string>
  remove(): Promise<void>
}

/** Creates a bare repository with one initial commit on `branch` (default main). */
export async function createBareRepo(options: { branch?: string; files?: Record<string, string>; dir?: string } = {}): Promise<BareRepo> {
  const branch = options.branch ?? 'main'
  const base = options.dir ?? (await mkdtemp(join(tmpdir(), 'orbit-repo-')))
  const path = join(base, 'app.git')
  await git(['init', '--bare', '--initial-branch', branch, path])
  const repo: BareRepo = {
    path,
    branch,
    log: async () => (await git(['--git-dir', path, 'log', '--format=%H', branch])).split('\n').filter(Boolean),
    show: async (file) => {
      try {
        const { stdout } = await run('git', ['--git-dir', path, 'show', `${branch}:${file}`], { env: gitEnv(), maxBuffer: 64 * 1024 * 1024 })
        return stdout
      } catch {
        return null
      }
    },
    pushCommit: async (files, message) => {
      const work = await mkdtemp(join(tmpdir(), 'orbit-push-'))
      try {
        await git(['clone', '--quiet', '--branch', branch, '--', path, work])
        for (const [file, content] of Object.entries(files)) {
          await mkdir(dirname(join(work, file)), { recursive: true })
          await writeFile(join(work, file), content)
        }
        await git(['add', '--all'], work)
        await git(['commit', '--quiet', '-m', message], work)
        await git(['push', '--quiet', 'origin', `HEAD:${branch}`], work)
        return await git(['rev-parse', 'HEAD'], work)
      } finally {
        await rm(work, { recursive: true, force: true })
      }
    },
    remove: () => rm(base, { recursive: true, force: true }),
  }
  // An initial commit so that the branch exists, as in a real app repository.
  const seed = await mkdtemp(join(tmpdir(), 'orbit-seed-'))
  try {
    await git(['init', '--quiet', '--initial-branch', branch, seed])
    for (const [file, content] of Object.entries(options.files ?? { 'README.md': '# app\n' })) {
      await mkdir(dirname(join(seed, file)), { recursive: true })
      await writeFile(join(seed, file), content)
    }
    await git(['add', '--all'], seed)
    await git(['commit', '--quiet', '-m', 'initial commit'], seed)
    await git(['push', '--quiet', path, `HEAD:${branch}`], seed)
  } finally {
    await rm(seed, { recursive: true, force: true })
  }
  return repo
}
