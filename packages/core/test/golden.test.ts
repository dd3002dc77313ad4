// Golden tests for the built-in docker-compose-local generator: each input under
// test/golden/docker-compose-local/*.json renders exactly to the .yml beside it, the output
// satisfies the Compose Specification (checked inside renderGenerator), and Debian's
// docker-compose accepts it.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { builtInGenerators, dockerComposeLocal, renderGenerator, validateGeneratorDefinition, validateRenderedFiles } from '../src/index.js'
import { dockerComposePath } from '@orbit/testing'

const dir = new URL('./golden/docker-compose-local/', import.meta.url)
const cases = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''))

describe('docker-compose-local golden files', () => {
  let work: string
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'orbit-golden-'))
  })
  afterAll(async () => {
    await rm(work, { recursive: true, force: true })
  })

  test('there are several cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5)
  })

  test.each(cases)('%s renders to the expected file', async (name) => {
    const input = JSON.parse(await readFile(new URL(`${name}.json`, dir), 'utf8')) as unknown
    const expected = await readFile(new URL(`${name}.yml`, dir), 'utf8')
    const files = renderGenerator(dockerComposeLocal, input)
    expect(files.map((f) => f.path)).toEqual(['docker-compose.yml'])
    expect(files[0]!.content).toBe(expected)
    const doc = parse(expected) as Record<string, unknown>
    expect(doc).not.toHaveProperty('version') // obsolete in the Compose Specification
    const service = Object.values(doc.services as Record<string, { ports: unknown[] }>)[0]!
    for (const port of service.ports) expect(typeof port).toBe('string')
  })

  test.each(cases)('docker-compose config accepts %s', async (name) => {
    const file = join(work, `${name}.yml`)
    await writeFile(file, await readFile(new URL(`${name}.yml`, dir), 'utf8'))
    const { stdout } = await promisify(execFile)(dockerComposePath(), ['-f', file, 'config'], { cwd: work })
    expect(stdout).toContain('services:')
  })
})

describe('built-in generators', () => {
  test('every built-in is a valid generator definition with a unique slug', () => {
    for (const g of builtInGenerators) expect(validateGeneratorDefinition(g)).toEqual({ valid: true })
    expect(new Set(builtInGenerators.map((g) => g.slug)).size).toBe(builtInGenerators.length)
    expect(builtInGenerators.map((g) => g.slug)).toContain('docker-compose-local')
  })

  test('docker-compose-local follows the design: fields, executor, category, schema rules', () => {
    expect(dockerComposeLocal).toMatchObject({ executorType: 'docker-compose', isBuiltIn: true, category: 'local-dev', icon: '🐳' })
    const props = (dockerComposeLocal.configSchema.properties ?? {}) as Record<string, Record<string, unknown>>
    expect(Object.keys(props)).toEqual(['serviceName', 'port', 'environment', 'volumes'])
    expect(props.port).toMatchObject({ type: 'integer', minimum: 1, maximum: 65535 })
    expect(dockerComposeLocal.configSchema.required).toEqual(['serviceName', 'port'])
  })

  test('service names that compose refuses are refused', () => {
    for (const serviceName of ['Auth', '-x', '_x', 'a.b', 'a b', '']) {
      expect(() => renderGenerator(dockerComposeLocal, { serviceName, port: 80 })).toThrow(/serviceName/)
    }
  })

  test('a compose file that breaks the Compose Specification is refused', () => {
    expect(() => validateRenderedFiles([{ path: 'compose.yaml', content: 'services:\n  web:\n    ports: 8080\n' }])).toThrow(
      expect.objectContaining({ code: 'OUTPUT_INVALID', message: expect.stringMatching(/compose\.yaml.*services\.web\.ports: .*Compose Specification/) }),
    )
    expect(() => validateRenderedFiles([{ path: 'docker-compose.yml', content: 'servics:\n  web: {}\n' }])).toThrow(/servics: is not an allowed field/)
  })
})
