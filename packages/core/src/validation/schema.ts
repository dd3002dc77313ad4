import { RE2JS } from 're2js'
import type { FieldError } from '../errors.js'
import type { ValidationResult } from '../types.js'
import { createAjv, ValidatorCache } from './ajv.js'
import { LIMITS, measure } from './limits.js'

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const
const SCHEMA_SINGLE = [
  'items',
  'additionalItems',
  'contains',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
] as const
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const

function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`
}

function checkPattern(pattern: unknown, at: string, errors: FieldError[]): void {
  if (typeof pattern !== 'string') return
  if (pattern.length > LIMITS.patternLength) {
    errors.push({ path: at, message: `pattern is longer than ${LIMITS.patternLength} characters` })
    return
  }
  try {
    RE2JS.compile(pattern)
  } catch (e) {
    errors.push({ path: at, message: `pattern is not supported (RE2 syntax, no lookaround or backreferences): ${(e as Error).message}` })
  }
}

/** Structural safety checks Ajv's meta-schema does not make. */
function walk(schema: unknown, at: string, errors: FieldError[]): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return
  const s = schema as Record<string, unknown>
  for (const [key, value] of Object.entries(s)) {
    if (key === '$data') errors.push({ path: join(at, '$data'), message: '$data references are not allowed' })
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && '$data' in value) {
      errors.push({ path: join(join(at, key), '$data'), message: '$data references are not allowed' })
    }
  }
  for (const refKey of ['$ref', '$dynamicRef', '$recursiveRef'] as const) {
    const ref = s[refKey]
    if (ref !== undefined && (typeof ref !== 'string' || !ref.startsWith('#'))) {
      errors.push({ path: join(at, refKey), message: 'only local references (starting with #) are allowed' })
    }
  }
  checkPattern(s.pattern, join(at, 'pattern'), errors)
  for (const key of SCHEMA_MAPS) {
    const map = s[key]
    if (typeof map !== 'object' || map === null || Array.isArray(map)) continue
    for (const [name, sub] of Object.entries(map)) {
      if (key === 'patternProperties') checkPattern(name, join(join(at, key), name), errors)
      walk(sub, join(join(at, key), name), errors)
    }
  }
  for (const key of SCHEMA_SINGLE) {
    const sub = s[key]
    if (Array.isArray(sub)) sub.forEach((item, i) => walk(item, join(join(at, key), i), errors))
    else walk(sub, join(at, key), errors)
  }
  for (const key of SCHEMA_ARRAYS) {
    const list = s[key]
    if (Array.isArray(list)) list.forEach((item, i) => walk(item, join(join(at, key), i), errors))
  }
}

const metaAjv = createAjv()
const compileCache = new ValidatorCache(createAjv({ useDefaults: true }))
/** JSON of schemas that already passed every check (bounded, most recent kept). */
const knownGood = new Set<string>()

/**
 * Checks an admin-supplied JSON Schema before it is saved or used: bounded size and depth, an
 * object at the root, only local `$ref`s, no `$data`, RE2-compatible patterns, valid against the
 * 2020-12 meta-schema, and compilable (unknown keywords and formats are errors).
 *
 * @param field Prefix for error paths, e.g. `configSchema`.
 */
export function validateJsonSchema(schema: unknown, field = 'configSchema'): ValidationResult {
  const errors: FieldError[] = []
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return { valid: false, errors: [{ path: field, message: 'must be a JSON Schema object' }] }
  }
  let key: string | undefined
  try {
    key = JSON.stringify(schema)
  } catch {
    // cycles and the like are reported by measure() below
  }
  if (key !== undefined && knownGood.has(key)) return { valid: true }
  const shape = measure(schema, LIMITS.schemaBytes, LIMITS.schemaDepth)
  if (shape.notJson) return { valid: false, errors: [{ path: field, message: `is not plain JSON: ${shape.notJson}` }] }
  if (shape.bytes > LIMITS.schemaBytes) {
    return { valid: false, errors: [{ path: field, message: `is larger than ${LIMITS.schemaBytes / 1024} KiB` }] }
  }
  if (shape.depth > LIMITS.schemaDepth) {
    return { valid: false, errors: [{ path: field, message: `is nested deeper than ${LIMITS.schemaDepth} levels` }] }
  }
  const s = schema as Record<string, unknown>
  if (s.type !== 'object') errors.push({ path: join(field, 'type'), message: 'must be "object" (a generator takes an object of inputs)' })
  walk(schema, field, errors)
  if (errors.length) return { valid: false, errors }

  if (!metaAjv.validateSchema(schema)) {
    for (const e of metaAjv.errors ?? []) {
      const sub = e.instancePath.split('/').slice(1).reduce((p, k) => join(p, /^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, '/').replace(/~0/g, '~')), field)
      errors.push({ path: sub, message: e.message ?? 'is invalid' })
      if (errors.length >= LIMITS.errors) break
    }
    return { valid: false, errors }
  }
  try {
    compileCache.get(schema)
  } catch (e) {
    return { valid: false, errors: [{ path: field, message: (e as Error).message }] }
  }
  if (key !== undefined) {
    knownGood.add(key)
    if (knownGood.size > 256) knownGood.delete(knownGood.values().next().value as string)
  }
  return { valid: true }
}

/** The compiled (cached) validator of a schema that passed {@link validateJsonSchema}. */
export function compiledValidator(schema: object) {
  return compileCache.get(schema)
}
