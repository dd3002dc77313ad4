// Adds up vitest's "Tests  N passed | M failed (T)" lines from a test log and prints one closing
// line, "Tests: N passed, M failed", so that CI can read the total of every package's suites.
import { readFileSync } from 'node:fs'

const text = readFileSync(process.argv[2], 'utf8').replace(/\u001b\[[0-9;]*m/g, '')
let passed = 0
let failed = 0
let skipped = 0
let suites = 0
for (const line of text.split('\n')) {
  const m = /\bTests\s+(.+)\(\d+\)\s*$/.exec(line)
  if (!m) continue
  suites += 1
  const count = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(m[1]) ?? [0, 0])[1])
  passed += count('passed')
  failed += count('failed')
  skipped += count('skipped')
}
console.log(`${suites} vitest runs`)
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
