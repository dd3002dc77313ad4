// Creates the demo app's local bare git repository (with an initial commit on `main`).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** git with an argv array, without the user's or system's config, under a fixed identity. */
async function git(args: string[], cwd?: string): Promise<string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Orbit Demo',
    GIT_AUTHOR_EMAIL: 'demo@orbit.local',
    GIT_COMMITTER_NAME: 'Orbit Demo',
    GIT_COMMITTER_EMAIL: 'demo@orbit.local',
    GIT_TERMINAL_PROMPT: '0',
  }
  const { stdout } = await run('git', args, { cwd, env: env as NodeJS.ProcessEnv })
  return stdout.trim()
}

const README = `# demo-app

The Orbit demo application. Deployments of this app commit their generated files here.
`

/**
 * Makes `path` a bare repository whose `branch` has at least one commit. Leaves an existing
 * repository with commits alone (idempotent).
 */
export async function ensureBareRepo(path: string, branch = 'main'): Promise<void> {
  if (existsSync(join(path, 'HEAD'))) {
    try {
      await git(['--git-dir', path, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])
      return
    } catch {
      // exists but the branch is empty: add the initial commit below
    }
  } else {
    await mkdir(path, { recursive: true })
    await git(['init', '--quiet', '--bare', '--initial-branch', branch, path])
  }
  const work = await mkdtemp(join(tmpdir(), 'orbit-demo-'))
  try {
    await git(['init', '--quiet', '--initial-branch', branch, work])
    await writeFile(join(work, 'README.md'), README)
    await git(['add', 'README.md'], work)
    await git(['commit', '--quiet', '-m', 'Initial commit'], work)
    await git(['push', '--quiet', path, `HEAD:refs/heads/${branch}`], work)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
