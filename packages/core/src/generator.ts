import { GeneratorInvalidError, OrbitError, UnsafePathError } from './errors.js'
import type { FieldError } from './errors.js'
import { compileTemplate, lintStructuredTemplate, parseTemplate, runTemplate } from './render/engine.js'
import { validateRenderedFiles } from './render/output.js'
import { safeRelativePath } from './render/paths.js'
import { EXECUTOR_TYPES, GENERATOR_CATEGORIES } from './types.js'
import type { GeneratedFile, GeneratorDefinition, JsonSchema, ValidationResult } from './types.js'
import { normalizeConfig } from './validation/config.js'
import { LIMITS } from './validation/limits.js'
import { validateJsonSchema } from './validation/schema.js'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const STRUCTURED = /\.(ya?ml|json)$/i

function collect(errors: FieldError[], fn: () => void): void {
  try {
    fn()
  } catch (e) {
    if (e instanceof OrbitError) errors.push(...(e.fieldErrors.length ? e.fieldErrors : [{ path: '', message: e.message }]))
    else throw e
  }
}

/**
 * Checks a generator definition as an admin saves it: identity fields, executor type, the JSON
 * Schema (as a schema, bounded), and every template file (safe path, compiles, only allowed
 * helpers, YAML/JSON templates quote free text). Errors name the field, e.g.
 * `templateFiles[1].content: line 4: unknown helper "exec"`.
 */
export function validateGeneratorDefinition(generator: unknown): ValidationResult {
  const errors: FieldError[] = []
  if (typeof generator !== 'object' || generator === null || Array.isArray(generator)) {
    return { valid: false, errors: [{ path: '', message: 'must be an object' }] }
  }
  const g = generator as Record<string, unknown>
  if (typeof g.name !== 'string' || g.name.trim() === '') errors.push({ path: 'name', message: 'is required' })
  else if (g.name.length > 200) errors.push({ path: 'name', message: 'must be at most 200 characters' })
  if (typeof g.slug !== 'string' || !SLUG.test(g.slug) || g.slug.length > 100) {
    errors.push({ path: 'slug', message: 'must be lowercase letters, digits and single hyphens (e.g. "docker-compose-local"), at most 100 characters' })
  }
  if (!(EXECUTOR_TYPES as readonly unknown[]).includes(g.executorType)) {
    errors.push({ path: 'executorType', message: `must be one of: ${EXECUTOR_TYPES.join(', ')}` })
  }
  if (g.category !== undefined && g.category !== null && !(GENERATOR_CATEGORIES as readonly unknown[]).includes(g.category)) {
    errors.push({ path: 'category', message: `must be one of: ${GENERATOR_CATEGORIES.join(', ')}` })
  }
  if (!Number.isInteger(g.version) || (g.version as number) < 1) errors.push({ path: 'version', message: 'must be a positive whole number' })

  const schemaResult = validateJsonSchema(g.configSchema, 'configSchema')
  if (!schemaResult.valid) errors.push(...schemaResult.errors)
  const schema = schemaResult.valid ? (g.configSchema as JsonSchema) : undefined

  const files = g.templateFiles
  if (!Array.isArray(files) || files.length === 0) {
    errors.push({ path: 'templateFiles', message: 'must list at least one file' })
  } else if (files.length > LIMITS.templateFiles) {
    errors.push({ path: 'templateFiles', message: `must list at most ${LIMITS.templateFiles} files` })
  } else {
    const seen = new Map<string, number>()
    files.forEach((file: unknown, i) => {
      const at = `templateFiles[${i}]`
      if (typeof file !== 'object' || file === null) {
        errors.push({ path: at, message: 'must be an object with path and content' })
        return
      }
      const f = file as Record<string, unknown>
      if (typeof f.content !== 'string') {
        errors.push({ path: `${at}.content`, message: 'is required' })
        return
      }
      if (f.content.length > LIMITS.templateBytes) {
        errors.push({ path: `${at}.content`, message: `is larger than ${LIMITS.templateBytes / 1024} KiB` })
        return
      }
      // The path may be a template itself; its literal text must already be safe.
      collect(errors, () => {
        const literal = safeRelativePath(f.path, `${at}.path`)
        compileTemplate(String(f.path), `${at}.path`)
        const other = seen.get(literal)
        if (other !== undefined) errors.push({ path: `${at}.path`, message: `is the same file as templateFiles[${other}].path` })
        seen.set(literal, i)
      })
      collect(errors, () => {
        compileTemplate(f.content as string, `${at}.content`)
        if (schema && typeof f.path === 'string' && STRUCTURED.test(f.path)) {
          errors.push(...lintStructuredTemplate(parseTemplate(f.content as string, `${at}.content`), schema, `${at}.content`))
        }
      })
    })
  }
  return errors.length ? { valid: false, errors } : { valid: true }
}

/**
 * Renders a generator's files for a config.
 *
 * Validates the config against `generator.configSchema` first (defaults applied), renders each
 * template (paths too), checks every path is a safe relative path and every output is valid for
 * its type (YAML, JSON, compose spec).
 *
 * @throws ConfigInvalidError (`CONFIG_INVALID`) listing each field's problem; SchemaInvalidError,
 * TemplateInvalidError, RenderFailedError, UnsafePathError or OutputInvalidError otherwise.
 *
 * @example
 * renderGenerator(dockerComposeLocal, { serviceName: 'auth-api', port: 8080 })
 * // => [{ path: 'docker-compose.yml', content: 'services:\n  "auth-api":\n …' }]
 */
export function renderGenerator(generator: GeneratorDefinition, config: unknown): GeneratedFile[] {
  const files = generator.templateFiles ?? []
  if (!Array.isArray(files) || files.length === 0) throw new GeneratorInvalidError([{ path: 'templateFiles', message: 'must list at least one file' }])
  if (files.length > LIMITS.templateFiles) throw new GeneratorInvalidError([{ path: 'templateFiles', message: `must list at most ${LIMITS.templateFiles} files` }])
  const templates = files.map((file, i) => ({
    path: compileTemplate(String(file.path), `templateFiles[${i}].path`),
    content: compileTemplate(String(file.content), `templateFiles[${i}].content`),
  }))
  const context = normalizeConfig(generator.configSchema, config)
  const out: GeneratedFile[] = []
  const seen = new Set<string>()
  templates.forEach((t, i) => {
    const field = `templateFiles[${i}]`
    const path = safeRelativePath(runTemplate(t.path, context, `${field}.path`), `${field}.path`)
    if (seen.has(path)) throw new UnsafePathError(`${field}.path`, path, 'renders to the same file as an earlier template')
    seen.add(path)
    out.push({ path, content: runTemplate(t.content, context, `${field}.content`) })
  })
  validateRenderedFiles(out)
  return out
}
