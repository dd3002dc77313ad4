import { describe, expect, test } from 'vitest'
import {
  ConfigInvalidError,
  ExecutorDuplicateError,
  ExecutorNotFoundError,
  GeneratorInvalidError,
  OrbitError,
  OutputInvalidError,
  RenderFailedError,
  SchemaInvalidError,
  TemplateInvalidError,
  TransitionInvalidError,
  UnsafePathError,
  isOrbitError,
} from '../src/index.js'

// Each error code, with the message a person reads: it names the field and the problem.
const cases: [OrbitError, string, RegExp][] = [
  [new ConfigInvalidError([{ path: 'port', message: 'must be <= 65535' }]), 'CONFIG_INVALID', /^Invalid config: port: must be <= 65535$/],
  [new SchemaInvalidError([{ path: 'configSchema.type', message: 'must be "object"' }]), 'SCHEMA_INVALID', /configSchema\.type: must be "object"/],
  [new GeneratorInvalidError([{ path: 'slug', message: 'is required' }]), 'GENERATOR_INVALID', /Invalid generator: slug: is required/],
  [new TemplateInvalidError('templateFiles[0].content', 'line 2: unknown helper "exec"'), 'TEMPLATE_INVALID', /^templateFiles\[0\]\.content: line 2: unknown helper "exec"$/],
  [new RenderFailedError('templateFiles[1].content', 'line 3: "port" has no value'), 'RENDER_FAILED', /templateFiles\[1\]\.content: line 3/],
  [new UnsafePathError('templateFiles[0].path', '../x', 'must not contain ".."'), 'UNSAFE_PATH', /^templateFiles\[0\]\.path: path "\.\.\/x" must not contain "\.\."$/],
  [new OutputInvalidError('docker-compose.yml', ['Map keys must be unique']), 'OUTPUT_INVALID', /^Rendered docker-compose\.yml is invalid: Map keys must be unique$/],
  [new ExecutorNotFoundError('helm', ['docker-compose']), 'EXECUTOR_NOT_FOUND', /No executor registered for type "helm" \(known: docker-compose\)/],
  [new ExecutorDuplicateError('docker-compose'), 'EXECUTOR_DUPLICATE', /already registered/],
  [new TransitionInvalidError('deployed', 'generating'), 'TRANSITION_INVALID', /^status: cannot move from deployed to generating$/],
]

describe('OrbitError', () => {
  test.each(cases)('%s has its code and a readable message', (error, code, message) => {
    expect(error).toBeInstanceOf(OrbitError)
    expect(isOrbitError(error)).toBe(true)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(error.name).toBe(error.constructor.name)
  })

  test('field errors are kept and serialised without a stack', () => {
    const e = new ConfigInvalidError([
      { path: 'serviceName', message: 'is required' },
      { path: 'port', message: 'must be integer' },
    ])
    expect(e.fieldErrors).toHaveLength(2)
    const json = JSON.parse(JSON.stringify(e)) as Record<string, unknown>
    expect(json).toEqual({ code: 'CONFIG_INVALID', message: e.message, fieldErrors: e.fieldErrors })
    expect(JSON.stringify(e)).not.toContain('at ')
  })

  test('a long list of problems is summarised, not dumped', () => {
    const errors = Array.from({ length: 25 }, (_, i) => ({ path: `f${i}`, message: 'is required' }))
    const e = new ConfigInvalidError(errors)
    expect(e.message).toContain('and 15 more')
    expect(e.fieldErrors).toHaveLength(25)
  })

  test('plain errors are not Orbit errors', () => {
    expect(isOrbitError(new Error('x'))).toBe(false)
  })
})
