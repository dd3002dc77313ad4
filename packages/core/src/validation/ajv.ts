import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { RE2JS } from 're2js'
import type { FieldError } from '../errors.js'
import { LIMITS } from './limits.js'

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020

/**
 * Regular expressions from admin schemas run on RE2 (linear time), so no `pattern` can make
 * validation hang, whatever its shape.
 */
function re2RegExp(pattern: string, flags: string): { test: (s: string) => boolean; toString: () => string } {
  const re = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0)
  // Ajv caches compiled patterns by toString(), so it must be unique per pattern.
  return { test: (s: string) => re.matcher(s).find(), toString: () => `/${pattern}/${flags}` }
}
re2RegExp.code = 'RE2'

/** A JSON Schema 2020-12 validator configured for untrusted schemas and configs. */
export function createAjv(options: { useDefaults?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    $data: false,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // Schemas are compiled per generator; never let one generator's $id shadow another's.
    addUsedSchema: false,
    useDefaults: options.useDefaults ?? false,
    // Remote references are never loaded.
    loadSchema: undefined,
    inlineRefs: true,
    code: { regExp: re2RegExp as never },
  })
  addFormats(ajv)
  return ajv
}

/** Turns Ajv's instance path (`/environment/0/key`) into `environment[0].key`. */
export function toFieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (extra !== undefined) parts.push(extra)
  let out = ''
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part
    else out += `[${JSON.stringify(part)}]`
  }
  return out
}

/** Ajv errors as readable, de-duplicated field errors (at most LIMITS.errors). */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  const out: FieldError[] = []
  const seen = new Set<string>()
  for (const e of errors ?? []) {
    let path = toFieldPath(e.instancePath)
    let message = e.message ?? 'is invalid'
    const params = e.params as Record<string, unknown>
    switch (e.keyword) {
      case 'required':
        path = toFieldPath(e.instancePath, String(params.missingProperty))
        message = 'is required'
        break
      case 'additionalProperties':
        path = toFieldPath(e.instancePath, String(params.additionalProperty))
        message = 'is not an allowed field'
        break
      case 'enum':
        message = `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
        break
      case 'const':
        message = `must be ${JSON.stringify(params.allowedValue)}`
        break
      case 'pattern':
        message = `must match the pattern ${String(params.pattern)}`
        break
      case 'format':
        message = `must be a valid ${String(params.format)}`
        break
      case 'if':
      case 'anyOf':
      case 'oneOf':
        // The specific branch errors carry the useful message.
        if ((errors?.length ?? 0) > 1) continue
        break
    }
    const key = `${path}\u0000${message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ path, message })
    if (out.length >= LIMITS.errors) break
  }
  return out
}

/**
 * A bounded cache of compiled validators keyed by the schema's JSON, so re-validating the
 * same generator's schema does not recompile, and many distinct schemas do not leak memory.
 */
export class ValidatorCache {
  readonly #map = new Map<string, { schema: object; validate: ValidateFunction }>()
  constructor(
    private readonly ajv: Ajv2020,
    private readonly max = 256,
  ) {}

  get(schema: object): ValidateFunction {
    const key = JSON.stringify(schema)
    const hit = this.#map.get(key)
    if (hit) {
      this.#map.delete(key)
      this.#map.set(key, hit)
      return hit.validate
    }
    const copy = JSON.parse(key) as object
    const validate = this.ajv.compile(copy)
    this.#map.set(key, { schema: copy, validate })
    if (this.#map.size > this.max) {
      const [oldestKey, oldest] = this.#map.entries().next().value as [string, { schema: object }]
      this.#map.delete(oldestKey)
      this.ajv.removeSchema(oldest.schema)
    }
    return validate
  }
}
