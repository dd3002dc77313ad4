/** Bounds that keep hostile or accidental input from exhausting the worker or the admin server. */
export const LIMITS = {
  /** Serialized size of a user's config. */
  configBytes: 256 * 1024,
  /** Nesting depth of a user's config (objects and arrays). */
  configDepth: 32,
  /** Serialized size of an admin's JSON Schema. */
  schemaBytes: 64 * 1024,
  /** Nesting depth of an admin's JSON Schema. */
  schemaDepth: 24,
  /** A regular expression in a schema (`pattern`, `patternProperties`). */
  patternLength: 512,
  /** Template files per generator. */
  templateFiles: 200,
  /** One template's source. */
  templateBytes: 512 * 1024,
  /** One rendered file. */
  outputBytes: 2 * 1024 * 1024,
  /** All rendered files of one generator together. */
  totalOutputBytes: 8 * 1024 * 1024,
  /** A file path, before and after rendering. */
  pathLength: 512,
  /** YAML aliases resolved per document (billion-laughs guard). */
  yamlAliases: 100,
  /** Field errors reported at once. */
  errors: 50,
} as const

export interface Shape {
  bytes: number
  depth: number
  /** True when a value is not plain JSON (function, symbol, bigint, cycle, non-finite number). */
  notJson?: string
}

/**
 * Measures the JSON size and nesting depth of a value without serializing it twice, and detects
 * what JSON cannot represent. Stops early once `maxBytes` or `maxDepth` is exceeded.
 */
export function measure(value: unknown, maxBytes: number, maxDepth: number): Shape {
  let bytes = 0
  let depth = 0
  const seen = new Set<object>()
  let notJson: string | undefined

  const visit = (v: unknown, d: number, at: string): void => {
    if (notJson || bytes > maxBytes || depth > maxDepth) return
    if (d > depth) depth = d
    switch (typeof v) {
      case 'string':
        bytes += v.length + 2
        return
      case 'number':
        if (!Number.isFinite(v)) notJson = `${at || '(root)'} is not a finite number`
        bytes += 8
        return
      case 'boolean':
        bytes += 5
        return
      case 'undefined':
        return
      case 'object': {
        if (v === null) {
          bytes += 4
          return
        }
        if (seen.has(v)) {
          notJson = `${at || '(root)'} refers to itself`
          return
        }
        seen.add(v)
        bytes += 2
        if (Array.isArray(v)) {
          v.forEach((item, i) => {
            bytes += 1
            visit(item, d + 1, `${at}[${i}]`)
          })
        } else {
          const proto = Object.getPrototypeOf(v)
          if (proto !== Object.prototype && proto !== null) {
            notJson = `${at || '(root)'} is not a plain object`
            return
          }
          for (const [k, item] of Object.entries(v)) {
            bytes += k.length + 4
            visit(item, d + 1, at ? `${at}.${k}` : k)
          }
        }
        seen.delete(v)
        return
      }
      default:
        notJson = `${at || '(root)'} is a ${typeof v}, which JSON cannot hold`
    }
  }
  visit(value, 0, '')
  return notJson ? { bytes, depth, notJson } : { bytes, depth }
}
