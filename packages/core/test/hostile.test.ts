// A corpus of hostile inputs. Each is either rejected with a readable error naming the field, or
// rendered inertly: the document keeps its structure and the value round-trips byte for byte.
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { dockerComposeLocal, renderGenerator, validateConfig, validateGeneratorDefinition, validateJsonSchema } from '../src/index.js'
import type { GeneratorDefinition } from '../src/index.js'

const render = (config: unknown) => renderGenerator(dockerComposeLocal, config)

// -------------------------------------------------------------------------------------------
// 1. Values typed by developers into free-text fields (environment values, volumes).
const hostileValues: [string, string][] = [
  ['mapping indicator', 'a: b'],
  ['comment', '# not a comment'],
  ['anchor', '&anchor value'],
  ['alias', '*alias'],
  ['merge key', '<<: *base'],
  ['double quotes', '"quoted" and \\"escaped\\"'],
  ['single quotes', "'single' it's"],
  ['sequence entry', '- item'],
  ['yes (YAML 1.1 boolean)', 'yes'],
  ['off', 'off'],
  ['true', 'true'],
  ['null', 'null'],
  ['tilde', '~'],
  ['octal', '0777'],
  ['hex', '0x1F'],
  ['exponent', '1e3'],
  ['infinity', '.inf'],
  ['newline', 'line1\nline2: injected'],
  ['CRLF', 'a\r\nb: c'],
  ['tab', 'a\tb'],
  ['handlebars in a value', '{{serviceName}} {{#each volumes}}x{{/each}}'],
  ['document start', '---\nnew: document'],
  ['document end', '...'],
  ['indented key', 'v\n    injected: true'],
  ['flow sequence', '[a, b]'],
  ['flow mapping', '{a: b}'],
  ['tag', '!!python/object/apply:os.system ["id"]'],
  ['directive', '%YAML 1.1'],
  ['block scalar', '| block'],
  ['folded scalar', '> folded'],
  ['reserved indicators', '@at `backtick`'],
  ['complex key', '? key'],
  ['line separator', 'a\u2028b'],
  ['next line', 'a\u0085b'],
  ['byte order mark', '\ufeffvalue'],
  ['bidi override', 'abc\u202edef'],
  ['emoji', '🚀 ünïcödé'],
  ['backslashes', 'C:\\path\\new\\table'],
  ['control characters', 'a\u0000b\u0007c\u001b[31m'],
  ['percent and braces', '%{x} ${y} {{z}}'],
  ['long value', 'x'.repeat(4_000)],
]

describe('free-text values render inertly', () => {
  test.each(hostileValues)('%s', (_name, value) => {
    const volume = `./${value.replace(/[:\n]/g, '')}:/data`
    const [file] = render({ serviceName: 'svc', port: 8080, environment: [{ key: 'VALUE', value }], volumes: [volume] })
    const doc = parse(file!.content) as { services: Record<string, { environment: string[]; volumes: string[]; ports: string[]; build: string }> }
    // Structure unchanged: one service, the same keys, one env entry, one volume.
    expect(Object.keys(doc)).toEqual(['services'])
    expect(Object.keys(doc.services)).toEqual(['svc'])
    expect(Object.keys(doc.services.svc!)).toEqual(['build', 'ports', 'environment', 'volumes'])
    expect(doc.services.svc!.ports).toEqual(['8080:8080'])
    // The value round-trips byte for byte, as a string.
    expect(doc.services.svc!.environment).toEqual([`VALUE=${value}`])
    expect(doc.services.svc!.volumes).toEqual([volume])
  })
})

// -------------------------------------------------------------------------------------------
// 2. Config values that must be rejected before rendering, naming the field.
const badConfigs: [string, unknown, RegExp][] = [
  ['service name with a colon', { serviceName: 'a: b', port: 80 }, /serviceName: must match the pattern/],
  ['service name with a newline', { serviceName: 'svc\n  evil:', port: 80 }, /serviceName: must match the pattern/],
  ['template in a service name', { serviceName: '{{port}}', port: 80 }, /serviceName: must match the pattern/],
  ['port as a string', { serviceName: 'svc', port: '80:80' }, /port: must be integer/],
  ['port out of range', { serviceName: 'svc', port: 70_000 }, /port: must be <= 65535/],
  ['env key with =', { serviceName: 'svc', port: 80, environment: [{ key: 'A=B', value: 'x' }] }, /environment\[0\]\.key: must match the pattern/],
  ['unknown field', { serviceName: 'svc', port: 80, image: 'evil' }, /image: is not an allowed field/],
  ['__proto__ key', JSON.parse('{"serviceName":"svc","port":80,"__proto__":{"polluted":true}}'), /__proto__|is not an allowed field/],
  ['config is an array', [1, 2], /must be object/],
  ['deeply nested', { serviceName: 'svc', port: 80, environment: [nest(100)] }, /nested deeper than 32 levels/],
  ['huge', { serviceName: 'svc', port: 80, volumes: ['x'.repeat(300 * 1024)] }, /larger than 256 KiB/],
  ['too many items', { serviceName: 'svc', port: 80, volumes: Array.from({ length: 5000 }, () => './v:/v') }, /volumes: must NOT have more than 100 items/],
  ['volume that is not a bind mount', { serviceName: 'svc', port: 80, volumes: ['- evil'] }, /volumes\[0\]: must match the pattern/],
  ['volume with a newline', { serviceName: 'svc', port: 80, volumes: ['./a:/b\n  privileged: true'] }, /volumes\[0\]: must match the pattern/],
  ['a cycle', cyclic(), /refers to itself/],
  ['a function', { serviceName: 'svc', port: 80, volumes: [() => 1] }, /JSON cannot hold/],
  ['not a number', { serviceName: 'svc', port: Number.NaN }, /not a finite number/],
]

function nest(depth: number): unknown {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = { v }
  return v
}
function cyclic(): unknown {
  const o: Record<string, unknown> = { serviceName: 'svc', port: 80 }
  o.self = o
  return o
}

describe('hostile configs are rejected with the field named', () => {
  test.each(badConfigs)('%s', (_name, config, message) => {
    expect(() => render(config)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) }))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

// -------------------------------------------------------------------------------------------
// 3. Templates written by (possibly hostile) admins.
const schema = { type: 'object', properties: { name: { type: 'string' }, n: { type: 'integer' } }, additionalProperties: true }
const gen = (content: string, path = 'out.txt'): GeneratorDefinition => ({
  name: 'Hostile',
  slug: 'hostile',
  executorType: 'docker-compose',
  version: 1,
  configSchema: schema,
  templateFiles: [{ path, content }],
})

const badTemplates: [string, string, RegExp][] = [
  ['constructor chain', '{{constructor.constructor "return process"}}', /unknown helper|object internals/],
  ['__proto__ access', '{{#with __proto__}}{{polluted}}{{/with}}', /object internals/],
  ['this.constructor', '{{this.constructor.name}}', /object internals/],
  ['@root.__proto__', '{{@root.__proto__}}', /object internals/],
  ['partial', '{{> evil}}', /partials/],
  ['inline partial decorator', '{{#* inline "x"}}y{{/inline}}', /decorators/],
  ['log helper', '{{log "secret"}}', /unknown helper "log"/],
  ['unknown helper', '{{exec "rm -rf /"}}', /unknown helper "exec"/],
  ['helper on a path', '{{name.toString 1}}', /unknown helper/],
  ['unclosed block', '{{#if name}}open', /does not compile/],
  ['bad syntax', '{{#each}}', /does not compile/],
]

describe('hostile templates are refused on save and on render', () => {
  test.each(badTemplates)('%s', (_name, content, message) => {
    const result = validateGeneratorDefinition(gen(content))
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.errors[0]!.path).toBe('templateFiles[0].content')
      expect(result.errors.map((e) => e.message).join('; ')).toMatch(message)
    }
    expect(() => renderGenerator(gen(content), { name: 'x', n: 1 })).toThrow(expect.objectContaining({ code: 'TEMPLATE_INVALID' }))
  })

  test('lookup of "constructor" renders nothing reachable', () => {
    const [file] = renderGenerator(gen('[{{lookup this "constructor"}}]'), { name: 'x' })
    expect(file!.content).toBe('[]')
  })

  test('a missing variable is an error naming the line, not an empty string', () => {
    expect(() => renderGenerator(gen('a\nb {{missing}}'), { name: 'x' })).toThrow(
      expect.objectContaining({ code: 'RENDER_FAILED', message: expect.stringMatching(/templateFiles\[0\]\.content: line 2: "missing" has no value/) }),
    )
  })

  test('bare free text in a YAML template is refused; {{yaml}} is accepted', () => {
    const bad = validateGeneratorDefinition(gen('name: {{name}}\n', 'app.yaml'))
    expect(bad.valid).toBe(false)
    if (!bad.valid) expect(bad.errors[0]!.message).toMatch(/line 1: \{\{name\}\} inserts a free-text value unquoted; write \{\{yaml name\}\}/)
    expect(validateGeneratorDefinition(gen('name: {{yaml name}}\ncount: {{n}}\n', 'app.yaml'))).toEqual({ valid: true })
  })

  test('a YAML alias bomb in a template is refused at render', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i)
      const cur = String.fromCharCode(97 + i)
      lines.push(`${cur}: &${cur} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`)
    }
    expect(() => renderGenerator(gen(lines.join('\n') + '\n', 'bomb.yaml'), {})).toThrow(expect.objectContaining({ code: 'OUTPUT_INVALID' }))
  })

  test('duplicate keys produced by a template are refused', () => {
    expect(() => renderGenerator(gen('a: 1\na: 2\n', 'dup.yml'), {})).toThrow(
      expect.objectContaining({ code: 'OUTPUT_INVALID', message: expect.stringMatching(/dup\.yml/) }),
    )
  })
})

// -------------------------------------------------------------------------------------------
// 4. Paths.
const badPaths: [string, string, RegExp][] = [
  ['parent directory', '../outside.yml', /must not contain "\.\."/],
  ['nested parent directory', 'a/../../b.yml', /must not contain "\.\."/],
  ['absolute', '/etc/passwd', /must be relative/],
  ['drive letter', 'C:/x.yml', /must be relative/],
  ['git hooks', '.git/hooks/pre-commit', /inside \.git/],
  ['git in another case', 'sub/.GIT/config', /inside \.git/],
  ['git with a trailing dot', '.git./config', /inside \.git/],
  ['NTFS short name', 'GIT~1/config', /inside \.git/],
  ['backslash', 'a\\..\\b', /backslash/],
  ['NUL byte', 'a\u0000b.yml', /control/],
  ['newline', 'a\nb.yml', /control/],
  ['bidi override', 'x\u202eyml.exe', /bidi/],
  ['home directory', '~/x', /must not start with ~/],
  ['empty', '', /must not be empty/],
  ['only dots', './.', /does not name a file/],
  ['a folder', 'dir/', /must name a file/],
  ['trailing space', 'file.yml ', /ending in a dot or space/],
  ['too long', 'a/'.repeat(300) + 'b', /longer than 512/],
]

describe('unsafe template paths are refused', () => {
  test.each(badPaths)('%s', (_name, path, message) => {
    const result = validateGeneratorDefinition(gen('x', path))
    expect(result.valid).toBe(false)
    if (!result.valid) expect(result.errors.find((e) => e.path === 'templateFiles[0].path')?.message).toMatch(message)
  })

  test('a templated path that renders outside the repo is refused at render', () => {
    const g = gen('x', 'deploy/{{name}}.txt')
    expect(validateGeneratorDefinition(g)).toEqual({ valid: true })
    expect(() => renderGenerator(g, { name: '../../etc/cron.d/evil' })).toThrow(expect.objectContaining({ code: 'UNSAFE_PATH', message: expect.stringMatching(/templateFiles\[0\]\.path/) }))
    expect(renderGenerator(g, { name: 'web' })[0]!.path).toBe('deploy/web.txt')
  })

  test('paths are normalised', () => {
    expect(renderGenerator(gen('x', './a//b/./c.txt'), {})[0]!.path).toBe('a/b/c.txt')
  })

  test('two templates rendering to one file are refused', () => {
    const g: GeneratorDefinition = { ...gen('x'), templateFiles: [{ path: 'a/{{name}}.txt', content: '1' }, { path: 'a/b.txt', content: '2' }] }
    expect(() => renderGenerator(g, { name: 'b' })).toThrow(expect.objectContaining({ code: 'UNSAFE_PATH', message: expect.stringMatching(/same file/) }))
  })
})

// -------------------------------------------------------------------------------------------
// 5. Hostile schemas (admins): refused, or harmless.
const badSchemas: [string, unknown, RegExp][] = [
  ['$data reference', { type: 'object', properties: { a: { type: 'integer', maximum: { $data: '1/b' } } } }, /\$data references are not allowed/],
  ['remote $ref', { type: 'object', properties: { a: { $ref: 'https://evil.example/schema.json' } } }, /only local references/],
  ['lookahead pattern', { type: 'object', properties: { a: { type: 'string', pattern: '^(?=a).*$' } } }, /RE2 syntax/],
  ['backreference pattern', { type: 'object', properties: { a: { type: 'string', pattern: '(a)\\1' } } }, /RE2 syntax/],
  ['over-long pattern', { type: 'object', properties: { a: { type: 'string', pattern: 'a'.repeat(600) } } }, /longer than 512/],
  ['not an object schema', { type: 'string' }, /must be "object"/],
  ['unknown keyword', { type: 'object', properties: { a: { type: 'string', maxLenght: 3 } } }, /unknown keyword/],
  ['unknown format', { type: 'object', properties: { a: { type: 'string', format: 'evil' } } }, /unknown format/],
  ['too deep', { type: 'object', properties: { a: deepSchema(40) } }, /nested deeper than 24/],
  ['too large', { type: 'object', properties: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`p${i}`, { type: 'string', description: 'x'.repeat(20) }])) }, /larger than 64 KiB/],
  ['invalid keyword value', { type: 'object', properties: { a: { type: 'strnig' } } }, /must be equal to one of the allowed values|must be array/],
  ['not JSON', { type: 'object', default: () => 1 }, /not plain JSON/],
]

function deepSchema(depth: number): unknown {
  let s: unknown = { type: 'string' }
  for (let i = 0; i < depth; i++) s = { type: 'object', properties: { x: s } }
  return s
}

describe('hostile schemas', () => {
  test.each(badSchemas)('%s is refused naming the place', (_name, s, message) => {
    const result = validateJsonSchema(s)
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.errors[0]!.path).toMatch(/^configSchema/)
      expect(result.errors.map((e) => e.message).join('; ')).toMatch(message)
    }
  })

  test('a catastrophic-backtracking pattern cannot hang validation (RE2)', () => {
    const s = { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } }
    expect(validateJsonSchema(s)).toEqual({ valid: true })
    // With a backtracking engine this input takes longer than the age of the universe.
    const result = validateConfig(s, { a: 'a'.repeat(50_000) + '!' })
    expect(result.valid).toBe(false)
    expect(validateConfig(s, { a: 'aaaa' })).toEqual({ valid: true })
  })

  test('two generators with the same $id do not shadow each other', () => {
    const one = { $id: 'https://orbit.local/s.json', type: 'object', required: ['a'] }
    const two = { $id: 'https://orbit.local/s.json', type: 'object', required: ['b'] }
    expect(validateConfig(one, { a: 1 })).toEqual({ valid: true })
    expect(validateConfig(two, { a: 1 })).toEqual({ valid: false, errors: [{ path: 'b', message: 'is required' }] })
  })
})
