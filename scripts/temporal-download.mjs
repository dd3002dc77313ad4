#!/usr/bin/env node
// The last way scripts/setup.sh gets a Temporal CLI (after TEMPORAL_CLI_PATH, `temporal` on PATH
// and `go install`): the Temporal TypeScript SDK's own download, which needs the internet
// (temporal.download). Starts a dev server once through @temporalio/testing with a
// `cached-download` executable into DIR, stops it, and prints the path of the downloaded binary.
//
// usage: node scripts/temporal-download.mjs DIR
import { readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: node scripts/temporal-download.mjs DIR')
  process.exit(2)
}
const downloadDir = resolve(dir)
const root = fileURLToPath(new URL('..', import.meta.url))
// @temporalio/testing is a dependency of the worker package, not of the workspace root.
const require = createRequire(join(root, 'packages/worker/package.json'))
const { TestWorkflowEnvironment } = require('@temporalio/testing')

/** Executable files named temporal* under `d`, newest first. */
function binaries(d) {
  const found = []
  const walk = (p) => {
    for (const name of readdirSync(p)) {
      const full = join(p, name)
      const st = statSync(full)
      if (st.isDirectory()) walk(full)
      else if (/^temporal/.test(name) && st.mode & 0o111) found.push({ full, mtime: st.mtimeMs })
    }
  }
  walk(d)
  return found.sort((a, b) => b.mtime - a.mtime).map((f) => f.full)
}

try {
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'cached-download', downloadDir }, ip: '127.0.0.1' },
  })
  await env.teardown()
} catch (error) {
  console.error(`the Temporal SDK could not download its dev server into ${downloadDir}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const [binary] = binaries(downloadDir)
if (!binary) {
  console.error(`the Temporal SDK started a dev server but left no temporal binary in ${downloadDir}`)
  process.exit(1)
}
console.log(binary)
