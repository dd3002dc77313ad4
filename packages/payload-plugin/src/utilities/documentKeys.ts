import type { FieldHook } from 'payload'

// MongoDB (and FerretDB more strictly) refuses object keys that start with "$" or contain ".",
// yet JSON Schemas are full of them ($schema, $defs, $ref) and outputs may use dotted names.
// On the mongoose adapter, JSON fields are stored with those characters escaped and read back
// unescaped, so every API (REST, GraphQL, Local) sees exactly what was written. Other adapters
// store JSON as text and need nothing.

const encodeKey = (key: string): string => key.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/^\$/, '%24')
const decodeKey = (key: string): string => key.replace(/%24|%2E|%25/gi, (m) => ({ '%24': '$', '%2E': '.', '%25': '%' })[m.toUpperCase()]!)

function mapKeys(value: unknown, fn: (key: string) => string, depth = 0): unknown {
  if (depth > 64) return value
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, fn, depth + 1))
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [fn(k), mapKeys(v, fn, depth + 1)]))
  }
  return value
}

const isMongoose = (name: unknown) => name === 'mongoose'

/** Field hooks for a `json` field whose keys may start with "$" or contain ".". */
export const documentSafeKeys: { beforeChange: FieldHook[]; afterRead: FieldHook[] } = {
  beforeChange: [({ value, req }) => (isMongoose(req.payload.db.name) ? mapKeys(value, encodeKey) : value)],
  afterRead: [({ value, req }) => (isMongoose(req.payload.db.name) ? mapKeys(value, decodeKey) : value)],
}
