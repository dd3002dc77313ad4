import { ConfigInvalidError, SchemaInvalidError } from '../errors.js'
import type { FieldError } from '../errors.js'
import type { JsonSchema, ValidationResult } from '../types.js'
import { formatAjvErrors } from './ajv.js'
import { LIMITS, measure } from './limits.js'
import { compiledValidator, validateJsonSchema } from './schema.js'

function boundsErrors(config: unknown): FieldError[] {
  const shape = measure(config, LIMITS.configBytes, LIMITS.configDepth)
  if (shape.notJson) return [{ path: '', message: `is not plain JSON: ${shape.notJson}` }]
  if (shape.bytes > LIMITS.configBytes) return [{ path: '', message: `is larger than ${LIMITS.configBytes / 1024} KiB` }]
  if (shape.depth > LIMITS.configDepth) return [{ path: '', message: `is nested deeper than ${LIMITS.configDepth} levels` }]
  return []
}

/**
 * Validates a config against a generator's schema and returns it with schema defaults applied
 * (a copy; the input is not changed). Throws {@link ConfigInvalidError} listing each field's
 * problem, or {@link SchemaInvalidError} when the schema itself is unusable.
 */
export function normalizeConfig(schema: JsonSchema, config: unknown): Record<string, unknown> {
  const schemaCheck = validateJsonSchema(schema)
  if (!schemaCheck.valid) throw new SchemaInvalidError(schemaCheck.errors)
  const bounds = boundsErrors(config)
  if (bounds.length) throw new ConfigInvalidError(bounds)
  const copy = config === undefined ? undefined : (structuredClone(config) as unknown)
  const validate = compiledValidator(schema)
  if (!validate(copy)) throw new ConfigInvalidError(formatAjvErrors(validate.errors))
  return copy as Record<string, unknown>
}

/**
 * Validates a user's config against a generator's JSON Schema.
 *
 * @returns `{ valid: true }`, or `{ valid: false, errors }` with one readable entry per field
 * problem (`{ path: 'port', message: 'must be <= 65535' }`). A schema that is itself invalid is
 * reported as errors under `configSchema`.
 *
 * @example validateConfig({ type: 'object', required: ['port'] }, {})
 * // => { valid: false, errors: [{ path: 'port', message: 'is required' }] }
 */
export function validateConfig(schema: object, config: unknown): ValidationResult {
  try {
    normalizeConfig(schema as JsonSchema, config)
    return { valid: true }
  } catch (e) {
    if (e instanceof ConfigInvalidError || e instanceof SchemaInvalidError) return { valid: false, errors: e.fieldErrors }
    throw e
  }
}
