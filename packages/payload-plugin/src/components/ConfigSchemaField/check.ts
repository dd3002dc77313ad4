import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject } from 'ajv'

let ajv: Ajv2020 | undefined
const metaValidator = () => (ajv ??= new Ajv2020({ strict: false, allErrors: true, validateSchema: true }))

/** What is wrong with a configSchema, in words, as far as the browser can tell (the server checks more on save). */
export function checkConfigSchema(value: unknown): { ok: true; inputs: number; required: number } | { ok: false; problems: string[] } {
  let schema = value
  if (typeof schema === 'string') {
    try {
      schema = JSON.parse(schema)
    } catch (e) {
      return { ok: false, problems: [`not valid JSON: ${(e as Error).message}`] }
    }
  }
  if (schema === null || schema === undefined || schema === '') return { ok: false, problems: ['required: a JSON Schema object, e.g. { "type": "object", "properties": { … } }'] }
  if (typeof schema !== 'object' || Array.isArray(schema)) return { ok: false, problems: ['must be a JSON object (a JSON Schema)'] }
  const s = schema as Record<string, unknown>
  const problems: string[] = []
  if (s.type !== 'object') problems.push('type: must be "object" (the inputs are an object of named fields)')
  if (s.properties !== undefined && (typeof s.properties !== 'object' || s.properties === null || Array.isArray(s.properties))) problems.push('properties: must be an object')
  const ajv = metaValidator()
  if (!ajv.validateSchema(s)) {
    for (const e of (ajv.errors ?? []) as ErrorObject[]) problems.push(`${e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)'}: ${e.message ?? 'is invalid'}`)
  }
  const props = s.properties && typeof s.properties === 'object' ? Object.keys(s.properties) : []
  if (Array.isArray(s.required)) {
    for (const r of s.required) if (typeof r === 'string' && !props.includes(r)) problems.push(`required: "${r}" is not one of the properties`)
  }
  if (problems.length) return { ok: false, problems: [...new Set(problems)].slice(0, 20) }
  return { ok: true, inputs: props.length, required: Array.isArray(s.required) ? s.required.length : 0 }
}
