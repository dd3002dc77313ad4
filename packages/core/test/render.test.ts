import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { hclInline, renderGenerator, validateConfig, validateGeneratorDefinition, yamlBlock, yamlInline } from '../src/index.js'
import type { GeneratorDefinition } from '../src/index.js'

const gen = (content: string, configSchema: Record<string, unknown> = { type: 'object' }, path = 'out.txt'): GeneratorDefinition => ({
  name: 'Test',
  slug: 'test',
  executorType: 'kubernetes',
  version: 1,
  configSchema,
  templateFiles: [{ path, content }],
})
const one = (content: string, config: unknown, schema?: Record<string, unknown>) => renderGenerator(gen(content, schema), config)[0]!.content

describe('helpers', () => {
  test('yaml keeps value and type', () => {
    for (const v of ['yes', '0777', 'a: b', '', 'x\ny', 42, 1.5, true, false, null, [1, 'two'], { a: { b: 'c' } }]) {
      expect(parse(`v: ${yamlInline(v)}`)).toEqual({ v })
    }
  })

  test('toYaml writes indented block YAML that round-trips', () => {
    const value = { env: { A: 'yes', B: '0777' }, list: ['x: y', 'z'] }
    const out = one('spec:{{toYaml v indent=2}}\n', { v: value })
    expect(parse(out)).toEqual({ spec: value })
    expect(out).toContain('\n  env:\n')
    expect(yamlBlock([], 2)).toBe('[]')
  })

  test('json and hcl', () => {
    expect(one('{{json v}}', { v: { a: [1, '"'] } })).toBe('{"a":[1,"\\""]}')
    expect(hclInline('${file("/etc/passwd")} %{ if x }')).toBe('"$${file(\\"/etc/passwd\\")} %%{ if x }"')
    expect(hclInline({ a: [1, true], b: null })).toBe('{ "a" = [1, true], "b" = null }')
  })

  test('text helpers', () => {
    expect(one('{{default v "fallback"}}|{{default w "fallback"}}', { v: '', w: 'set' })).toBe('fallback|set')
    expect(one('{{lower v}} {{upper v}} [{{trim w}}]', { v: 'MiXed', w: '  x  ' })).toBe('mixed MIXED [x]')
    expect(one('{{base64 v}}', { v: 'héllo' })).toBe(Buffer.from('héllo').toString('base64'))
    expect(one('{{concat a "=" b}}', { a: 'K', b: 'V' })).toBe('K=V')
  })

  test('logic helpers', () => {
    const t = '{{#if (eq a "x")}}eq{{/if}}{{#if (ne a "x")}}ne{{/if}}{{#if (and a b)}}and{{/if}}{{#if (or c a)}}or{{/if}}{{#if (not c)}}not{{/if}}'
    expect(one(t, { a: 'x', b: true, c: false })).toBe('eqandornot')
  })

  test('no HTML escaping: URLs and ampersands stay as typed', () => {
    expect(one('{{v}}', { v: 'https://x.example/?a=1&b=<2>' })).toBe('https://x.example/?a=1&b=<2>')
  })
})

describe('renderGenerator', () => {
  test('applies schema defaults before rendering, without changing the input', () => {
    const schema = { type: 'object', properties: { replicas: { type: 'integer', default: 2 } } }
    const config = {}
    expect(one('replicas={{replicas}}', config, schema)).toBe('replicas=2')
    expect(config).toEqual({})
  })

  test('an invalid config lists every field problem', () => {
    const schema = { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'integer' } } }
    expect(() => renderGenerator(gen('{{a}}', schema), { b: 'x' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', fieldErrors: [{ path: 'a', message: 'is required' }, { path: 'b', message: 'must be integer' }] }),
    )
  })

  test('an unusable schema is reported as SCHEMA_INVALID', () => {
    expect(() => renderGenerator(gen('x', { type: 'object', properties: { a: { type: 'nope' } } }), {})).toThrow(expect.objectContaining({ code: 'SCHEMA_INVALID' }))
  })

  test('renders several files with templated paths', () => {
    const g: GeneratorDefinition = {
      ...gen(''),
      configSchema: { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]+$' } } },
      templateFiles: [
        { path: 'k8s/{{name}}/deployment.yaml', content: 'name: {{yaml name}}\n' },
        { path: 'k8s/{{name}}/service.yaml', content: 'name: {{yaml name}}\n' },
      ],
    }
    expect(renderGenerator(g, { name: 'web' })).toEqual([
      { path: 'k8s/web/deployment.yaml', content: 'name: "web"\n' },
      { path: 'k8s/web/service.yaml', content: 'name: "web"\n' },
    ])
  })

  test('YAML that does not parse is OUTPUT_INVALID naming the file', () => {
    expect(() => renderGenerator(gen('a: [unclosed\n', { type: 'object' }, 'bad.yaml'), {})).toThrow(
      expect.objectContaining({ code: 'OUTPUT_INVALID', message: expect.stringMatching(/^Rendered bad\.yaml is invalid/) }),
    )
  })

  test('JSON output must parse', () => {
    expect(() => renderGenerator(gen('{"a": }', { type: 'object' }, 'x.json'), {})).toThrow(expect.objectContaining({ code: 'OUTPUT_INVALID' }))
  })
})

describe('validateConfig and validateGeneratorDefinition', () => {
  test('validateConfig returns field errors, and valid configs pass', () => {
    const schema = { type: 'object', properties: { port: { type: 'integer', maximum: 10 } } }
    expect(validateConfig(schema, { port: 5 })).toEqual({ valid: true })
    expect(validateConfig(schema, { port: 50 })).toEqual({ valid: false, errors: [{ path: 'port', message: 'must be <= 10' }] })
    expect(validateConfig(schema, { port: 'x' })).toEqual({ valid: false, errors: [{ path: 'port', message: 'must be integer' }] })
  })

  test('nested paths read like code', () => {
    const schema = { type: 'object', properties: { env: { type: 'array', items: { type: 'object', properties: { 'a-b': { type: 'string' } } } } } }
    expect(validateConfig(schema, { env: [{ 'a-b': 1 }] })).toEqual({ valid: false, errors: [{ path: 'env[0].a-b', message: 'must be string' }] })
  })

  test('enum and format messages say what is allowed', () => {
    const schema = { type: 'object', properties: { tier: { enum: ['dev', 'prod'] }, url: { type: 'string', format: 'uri' } } }
    expect(validateConfig(schema, { tier: 'x', url: 'not a uri' })).toEqual({
      valid: false,
      errors: [
        { path: 'tier', message: 'must be one of: "dev", "prod"' },
        { path: 'url', message: 'must be a valid uri' },
      ],
    })
  })

  test('generator identity fields are checked with their names', () => {
    const result = validateGeneratorDefinition({ name: '', slug: 'Not A Slug', executorType: 'ansible', version: 0, category: 'x', configSchema: { type: 'object' }, templateFiles: [] })
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.errors.map((e) => e.path)).toEqual(['name', 'slug', 'executorType', 'category', 'version', 'templateFiles'])
    }
  })

  test('duplicate template paths are refused', () => {
    const g = { ...gen('x'), templateFiles: [{ path: 'a.txt', content: '1' }, { path: './a.txt', content: '2' }] }
    const result = validateGeneratorDefinition(g)
    expect(result).toEqual({ valid: false, errors: [{ path: 'templateFiles[1].path', message: 'is the same file as templateFiles[0].path' }] })
  })

  test('non-objects are refused', () => {
    expect(validateGeneratorDefinition(null)).toEqual({ valid: false, errors: [{ path: '', message: 'must be an object' }] })
  })
})
