// The docker-compose executor: generate-only, as in the design.
import { dockerComposeLocal, renderGenerator } from '@orbit/deployments-core'
import type { ExecutorContext } from '@orbit/deployments-core'
import { describe, expect, test } from 'vitest'
import { createDefaultExecutorRegistry, createDockerComposeExecutor } from '../src/index.js'

const logs: string[] = []
const ctx = (config: Record<string, unknown>): ExecutorContext => ({
  deploymentId: 'd1',
  deploymentName: 'local',
  generator: dockerComposeLocal,
  config,
  target: {},
  workDir: '/nonexistent',
  signal: new AbortController().signal,
  logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
})

describe('docker-compose executor', () => {
  const executor = createDockerComposeExecutor()

  test('generate returns docker-compose.yml, to be committed', async () => {
    const config = { serviceName: 'auth-api', port: 8080, environment: [{ key: 'A', value: 'b: c' }] }
    const result = await executor.generate(ctx(config))
    if (!result) throw new Error('docker-compose must generate files')
    expect(result.commitToRepo).toBe(true)
    expect(result.files).toEqual(renderGenerator(dockerComposeLocal, config))
    expect(result.files.map((f) => f.path)).toEqual(['docker-compose.yml'])
  })

  test('generate refuses an invalid config with the field named', async () => {
    await expect(executor.generate(ctx({ serviceName: 'svc', port: 0 }))).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/port: must be >= 1/) })
  })

  test('it is generate-only: execute returns null, destroy touches nothing', async () => {
    expect(executor.deploys).toBe(false)
    expect(await executor.execute({ ...ctx({}), files: [] })).toBeNull()
    await expect(executor.destroy(ctx({}))).resolves.toBeUndefined()
    expect(logs.at(-1)).toMatch(/nothing to tear down/)
  })

  test('validateConfig wants a compose file among the templates', async () => {
    expect(await executor.validateConfig({}, dockerComposeLocal)).toEqual({ valid: true })
    const noCompose = { ...dockerComposeLocal, templateFiles: [{ path: 'README.md', content: 'x' }] }
    expect(await executor.validateConfig({}, noCompose)).toMatchObject({ valid: false, errors: [{ path: 'templateFiles' }] })
  })

  test('the default registry has it under its type and refuses a second one', () => {
    const registry = createDefaultExecutorRegistry()
    expect(registry.get('docker-compose').type).toBe('docker-compose')
    expect(() => registry.register(createDockerComposeExecutor())).toThrow(/already registered/)
    expect(() => registry.get('ansible')).toThrow(/No executor registered for type "ansible"/)
  })
})
