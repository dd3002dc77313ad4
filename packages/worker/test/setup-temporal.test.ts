// How scripts/setup.sh finds the Temporal CLI (issue 2): TEMPORAL_CLI_PATH, else `temporal` on
// PATH, else `go install`, else the Temporal SDK's own download. Runs the real shell function
// from scripts/lib.sh with an empty tools folder and a PATH holding only what each case needs.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterEach, beforeEach, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
let dir: string
let bin: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orbit-setup-'))
  bin = join(dir, 'path-bin')
  mkdirSync(bin)
  // Only node and the coreutils the function uses: no go, no temporal.
  for (const tool of ['node', 'bash', 'timeout', 'cp', 'mkdir', 'mktemp', 'dirname', 'rm', 'mv']) {
    const found = [process.execPath, `/usr/bin/${tool}`, `/bin/${tool}`].find((p) => p.endsWith(`/${tool}`))
    if (found) symlinkSync(found, join(bin, tool))
  }
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

function fakeTemporal(path: string): string {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, '#!/bin/sh\necho "temporal version 0.0.0-fake"\n')
  chmodSync(path, 0o755)
  return path
}

async function resolveTemporal(env: Record<string, string>) {
  return execa('bash', ['-c', 'source scripts/lib.sh && resolve_temporal'], {
    cwd: ROOT,
    reject: false,
    extendEnv: false,
    env: {
      PATH: bin,
      HOME: dir,
      ORBIT_TOOLS_DIR: join(dir, 'tools'),
      ORBIT_TOOLS_CACHE: join(dir, 'cache'),
      // A proxy that refuses: the SDK download fails here whether or not this machine is online.
      HTTPS_PROXY: 'http://127.0.0.1:9',
      https_proxy: 'http://127.0.0.1:9',
      ...env,
    },
  })
}

test('TEMPORAL_CLI_PATH wins over a temporal on PATH', async () => {
  const pinned = fakeTemporal(join(dir, 'pinned', 'temporal'))
  fakeTemporal(join(bin, 'temporal'))
  const r = await resolveTemporal({ TEMPORAL_CLI_PATH: pinned })
  expect(r.exitCode, r.stderr).toBe(0)
  expect(r.stdout.trim()).toBe(pinned)
})

test('a TEMPORAL_CLI_PATH that is not executable stops with a message naming it', async () => {
  const r = await resolveTemporal({ TEMPORAL_CLI_PATH: join(dir, 'missing') })
  expect(r.exitCode).not.toBe(0)
  expect(r.stderr).toContain(`TEMPORAL_CLI_PATH=${join(dir, 'missing')} is not an executable file`)
})

test('without the variable, the temporal on PATH is used', async () => {
  const onPath = fakeTemporal(join(bin, 'temporal'))
  const r = await resolveTemporal({})
  expect(r.exitCode, r.stderr).toBe(0)
  expect(r.stdout.trim()).toBe(onPath)
})

test('without a binary or Go, the SDK download is tried last and its failure is said plainly', async () => {
  const r = await resolveTemporal({})
  expect(r.exitCode).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr).toContain("trying the Temporal SDK's own dev-server download")
  expect(r.stderr).toContain(`the Temporal SDK could not download its dev server into ${join(dir, 'cache', 'temporal-sdk-download')}`)
}, 120_000)
