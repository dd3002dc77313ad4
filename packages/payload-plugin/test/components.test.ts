// The admin components' pure logic: server error shapes → form fields, schema checks, prefill,
// links. (The components themselves are exercised in a real browser by e2e/.)
import { dockerComposeLocal } from '@orbit/deployments-core'
import { describe, expect, it } from 'vitest'

import { checkConfigSchema } from '../src/components/ConfigSchemaField/check.js'
import { hasErrors, prefillFromSchema, toErrorSchema } from '../src/components/SchemaForm/errors.js'
import { commitUrl, formatWhen, isRunOpen, temporalRunUrl } from '../src/components/shared/format.js'
import { parseProblem } from '../src/components/shared/problems.js'

describe('parseProblem (every error shape the server sends)', () => {
  it("reads Payload's ValidationError (400) field errors", () => {
    const body = {
      errors: [
        {
          name: 'ValidationError',
          message: 'The following fields are invalid: config.port, name',
          data: { collection: 'deployments', errors: [{ path: 'config.port', message: 'must be <= 65535' }, { path: 'name', message: 'required' }] },
        },
      ],
    }
    const p = parseProblem(400, body)
    expect(p.fieldErrors).toEqual([
      { path: 'config.port', message: 'must be <= 65535' },
      { path: 'name', message: 'required' },
    ])
    expect(p.message).toContain('config.port: must be <= 65535')
  })

  it("reads the preview endpoint's { errors: [{ path, message }] } and plain messages", () => {
    expect(parseProblem(400, { errors: [{ path: 'templateFiles.0.content', message: 'missing variable "x"' }] }).fieldErrors).toEqual([
      { path: 'templateFiles.0.content', message: 'missing variable "x"' },
    ])
    const conflict = parseProblem(409, { errors: [{ message: 'A deploymentWorkflow run for this deployment is still in progress' }] })
    expect(conflict).toEqual({ status: 409, message: 'A deploymentWorkflow run for this deployment is still in progress', fieldErrors: [] })
    expect(parseProblem(502, null).message).toBe('The server answered 502.')
  })
})

describe('toErrorSchema (server paths → rjsf fields)', () => {
  it('maps config.* (Payload) and core-style paths onto nested fields and keeps the rest', () => {
    const { errorSchema, rest } = toErrorSchema(
      [
        { path: 'config.port', message: 'must be <= 65535' },
        { path: 'config.environment.0.key', message: 'must match pattern' },
        { path: 'config', message: 'must NOT have additional properties' },
        { path: 'name', message: 'required' },
      ],
      'config',
    )
    expect(errorSchema).toEqual({
      __errors: ['must NOT have additional properties'],
      port: { __errors: ['must be <= 65535'] },
      environment: { 0: { key: { __errors: ['must match pattern'] } } },
    })
    expect(rest).toEqual([{ path: 'name', message: 'required' }])
    expect(toErrorSchema([{ path: 'environment[1].value', message: 'too long' }]).errorSchema).toEqual({ environment: { 1: { value: { __errors: ['too long'] } } } })
    expect(hasErrors(errorSchema)).toBe(true)
    expect(hasErrors({ port: {} })).toBe(false)
  })

  it('never writes through prototype keys', () => {
    const { errorSchema } = toErrorSchema([{ path: 'config.__proto__.polluted', message: 'x' }], 'config')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(errorSchema)).toEqual(['__errors'])
  })
})

describe('prefillFromSchema', () => {
  it('uses defaults, then first examples (the built-in: port 8080, serviceName auth-api)', () => {
    expect(prefillFromSchema(dockerComposeLocal.configSchema)).toEqual({ serviceName: 'auth-api', port: 8080 })
    expect(prefillFromSchema({ type: 'object', properties: { db: { type: 'object', properties: { host: { type: 'string', default: 'localhost' } } } } })).toEqual({
      db: { host: 'localhost' },
    })
    expect(prefillFromSchema(null)).toEqual({})
  })
})

describe('checkConfigSchema (the JSON editor’s live messages)', () => {
  it('accepts the built-in schema and counts its inputs', () => {
    expect(checkConfigSchema(dockerComposeLocal.configSchema)).toEqual({ ok: true, inputs: 4, required: 2 })
    expect(checkConfigSchema(JSON.stringify(dockerComposeLocal.configSchema))).toMatchObject({ ok: true })
  })

  it('names what is wrong', () => {
    const bad = (v: unknown) => {
      const r = checkConfigSchema(v)
      if (r.ok) throw new Error('expected problems')
      return r.problems.join('\n')
    }
    expect(bad('{ "type": ')).toMatch(/^not valid JSON/)
    expect(bad([])).toContain('must be a JSON object')
    expect(bad({ type: 'string' })).toContain('type: must be "object"')
    expect(bad({ type: 'object', required: ['port'], properties: {} })).toContain('required: "port" is not one of the properties')
    expect(bad({ type: 'object', properties: { port: { type: 'integr' } } })).toContain('properties.port.type')
    expect(bad(null)).toContain('required')
  })
})

describe('format helpers', () => {
  it('knows which statuses have an open run', () => {
    expect(['pending', 'generating', 'deploying'].every((s) => isRunOpen(s as never))).toBe(true)
    expect(['generated', 'deployed', 'failed', 'destroyed'].some((s) => isRunOpen(s as never))).toBe(false)
  })

  it('links commits on web hosts, not on local paths', () => {
    const sha = 'a'.repeat(40)
    expect(commitUrl('https://github.com/acme/shop.git', sha)).toBe(`https://github.com/acme/shop/commit/${sha}`)
    expect(commitUrl('git@gitlab.com:acme/shop.git', sha)).toBe(`https://gitlab.com/acme/shop/commit/${sha}`)
    expect(commitUrl('file:///srv/repos/shop.git', sha)).toBeNull()
    expect(commitUrl('https://github.com/acme/shop.git', 'not-a-sha')).toBeNull()
  })

  it('links runs in the Temporal UI and formats times', () => {
    expect(temporalRunUrl('http://localhost:8233/', 'default', 'deployment-42')).toBe('http://localhost:8233/namespaces/default/workflows/deployment-42')
    expect(temporalRunUrl('http://localhost:8233', 'default', null)).toBeNull()
    const now = Date.parse('2026-01-01T12:00:00Z')
    expect(formatWhen('2026-01-01T11:55:00Z', now)?.text).toMatch(/5 minutes ago/)
    expect(formatWhen('garbage', now)).toBeNull()
  })
})

describe('the Monaco endpoint (self-hosted editor files)', () => {
  const call = async (file: string, user: unknown = { id: 1 }) => {
    const { monacoEndpoint } = await import('../src/components/MonacoSelfHost/endpoint.js')
    const req = { user, routeParams: { file }, headers: new Headers() } as unknown as Parameters<ReturnType<typeof monacoEndpoint>['handler']>[0]
    return monacoEndpoint('/orbit-deployments/monaco').handler(req)
  }

  it("serves monaco-editor's AMD loader to signed-in users", async () => {
    const res = await call('loader.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/javascript')
    expect((await res.text()).length).toBeGreaterThan(1000)
  })

  it('refuses anonymous requests, paths outside min/vs and unknown types', async () => {
    expect((await call('loader.js', null)).status).toBe(401)
    expect((await call('../../package.json')).status).toBe(404)
    expect((await call('../vs/loader.js')).status).toBe(200) // normalises back inside: harmless
    expect((await call('/etc/passwd')).status).toBe(404)
    expect((await call('nope.exe')).status).toBe(404)
  })
})
