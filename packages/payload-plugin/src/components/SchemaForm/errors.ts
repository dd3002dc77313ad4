import type { ErrorSchema } from '@rjsf/utils'

import type { FieldError, JsonSchema } from '../shared/types.js'

/**
 * Splits server field errors into an rjsf ErrorSchema for the ones under `prefix` (Payload
 * paths like `config.environment.0.key`, or core's `environment[0].key` without a prefix) and
 * the rest (errors about other fields, e.g. `name`).
 *
 * @example toErrorSchema([{ path: 'config.port', message: 'must be <= 65535' }], 'config')
 * // { errorSchema: { port: { __errors: ['must be <= 65535'] } }, rest: [] }
 */
export function toErrorSchema(errors: FieldError[], prefix?: string): { errorSchema: ErrorSchema; rest: FieldError[] } {
  const errorSchema: Record<string, unknown> = {}
  const rest: FieldError[] = []
  for (const error of errors) {
    let path = error.path.replace(/\[(\d+)\]/g, '.$1').replace(/^\.+/, '')
    if (prefix) {
      if (path === prefix) path = ''
      else if (path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1)
      else {
        rest.push(error)
        continue
      }
    } else if (path === 'root' || path === '(root)') path = ''
    let node = errorSchema
    for (const key of path.split('.').filter(Boolean)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') break
      node = (node[key] ??= {}) as Record<string, unknown>
    }
    const list = (node.__errors ??= []) as string[]
    list.push(error.message)
  }
  return { errorSchema: errorSchema as ErrorSchema, rest }
}

/** True when the ErrorSchema holds at least one message. */
export function hasErrors(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return false
  for (const [key, value] of Object.entries(schema)) {
    if (key === '__errors' ? Array.isArray(value) && value.length > 0 : hasErrors(value)) return true
  }
  return false
}

/**
 * Form values to start from: each property's `default`, else its first `example` (so a test
 * render has something to render); nested objects are filled the same way.
 */
export function prefillFromSchema(schema: JsonSchema | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const properties = schema && typeof schema.properties === 'object' && schema.properties ? (schema.properties as Record<string, JsonSchema>) : {}
  for (const [key, prop] of Object.entries(properties)) {
    if (!prop || typeof prop !== 'object') continue
    if ('default' in prop) out[key] = prop.default
    else if (Array.isArray(prop.examples) && prop.examples.length) out[key] = prop.examples[0]
    else if (prop.type === 'object') {
      const nested = prefillFromSchema(prop)
      if (Object.keys(nested).length) out[key] = nested
    }
  }
  return out
}
