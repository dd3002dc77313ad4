// Renders per second for the built-in docker-compose-local generator: cold (a generator never
// seen before: schema and templates compiled) versus cached (the same generator again).
// Prints a table and writes .artifacts/bench/render.json at the repository root.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dockerComposeLocal, renderGenerator } from '../dist/index.js'

const config = {
  serviceName: 'auth-api',
  port: 8080,
  environment: Array.from({ length: 10 }, (_, i) => ({ key: `VAR_${i}`, value: `value ${i}: with # and & and "quotes"` })),
  volumes: ['./data:/var/lib/data', './cache:/cache:ro'],
}

function variant(i) {
  // A distinct schema and template text defeat every cache: this is a first render.
  return {
    ...dockerComposeLocal,
    configSchema: { ...dockerComposeLocal.configSchema, $comment: `variant ${i}` },
    templateFiles: dockerComposeLocal.templateFiles.map((f) => ({ ...f, content: `${f.content}{{!-- ${i} --}}` })),
  }
}

function measure(label, n, fn) {
  for (let i = 0; i < Math.min(50, n); i++) fn(-1 - i) // warm up the JIT
  const start = process.hrtime.bigint()
  for (let i = 0; i < n; i++) fn(i)
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  return { label, iterations: n, totalMs: Math.round(ms), perSecond: Math.round((n / ms) * 1000), meanMs: +(ms / n).toFixed(4) }
}

const cold = measure('cold (schema + templates compiled)', 300, (i) => renderGenerator(variant(i), config))
const cached = measure('cached (same generator)', 5000, () => renderGenerator(dockerComposeLocal, config))

const result = {
  benchmark: 'render docker-compose-local',
  node: process.version,
  date: new Date().toISOString(),
  config: { environment: config.environment.length, volumes: config.volumes.length },
  cold,
  cached,
  speedup: +(cached.perSecond / cold.perSecond).toFixed(1),
}
console.table([cold, cached])
console.log(`cached is ${result.speedup}x faster than cold`)
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const out = join(root, '.artifacts/bench/render.json')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
console.log(`wrote ${out}`)
