/**
 * Every error Orbit raises on purpose is an {@link OrbitError} with a stable `code`, a message a
 * person can act on (it names the field), and optional structured `details`.
 *
 * @example
 * try { renderGenerator(gen, config) } catch (e) {
 *   if (isOrbitError(e) && e.code === 'CONFIG_INVALID') showFieldErrors(e.fieldErrors)
 * }
 */
export type OrbitErrorCode =
  | 'CONFIG_INVALID'
  | 'SCHEMA_INVALID'
  | 'GENERATOR_INVALID'
  | 'TEMPLATE_INVALID'
  | 'RENDER_FAILED'
  | 'UNSAFE_PATH'
  | 'OUTPUT_INVALID'
  | 'EXECUTOR_NOT_FOUND'
  | 'EXECUTOR_DUPLICATE'
  | 'TRANSITION_INVALID'

/** One problem with one field; `path` is a JSON-pointer-like dotted path (`environment[0].key`). */
export interface FieldError {
  path: string
  message: string
}

export interface OrbitErrorOptions {
  fieldErrors?: FieldError[]
  details?: Record<string, unknown>
  cause?: unknown
}

export class OrbitError extends Error {
  readonly code: OrbitErrorCode
  /** The individual field problems behind this error (empty when it is not about fields). */
  readonly fieldErrors: FieldError[]
  readonly details: Record<string, unknown>

  constructor(code: OrbitErrorCode, message: string, options: OrbitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = code
    this.fieldErrors = options.fieldErrors ?? []
    this.details = options.details ?? {}
  }

  /** A plain object safe to return from an API or store in workflow history (no stack). */
  toJSON(): { code: OrbitErrorCode; message: string; fieldErrors: FieldError[] } {
    return { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
  }
}

function summarize(prefix: string, errors: FieldError[]): string {
  const shown = errors.slice(0, 10).map((e) => `${e.path || '(root)'}: ${e.message}`)
  const more = errors.length > 10 ? `; and ${errors.length - 10} more` : ''
  return `${prefix}: ${shown.join('; ')}${more}`
}

/** The user's config does not satisfy the generator's JSON Schema. */
export class ConfigInvalidError extends OrbitError {
  constructor(errors: FieldError[]) {
    super('CONFIG_INVALID', summarize('Invalid config', errors), { fieldErrors: errors })
  }
}

/** An admin-supplied JSON Schema is not a usable schema (bad keyword, too big, unsafe pattern). */
export class SchemaInvalidError extends OrbitError {
  constructor(errors: FieldError[]) {
    super('SCHEMA_INVALID', summarize('Invalid configSchema', errors), { fieldErrors: errors })
  }
}

/** A generator definition as a whole is unusable (missing name, unknown executor, bad files). */
export class GeneratorInvalidError extends OrbitError {
  constructor(errors: FieldError[]) {
    super('GENERATOR_INVALID', summarize('Invalid generator', errors), { fieldErrors: errors })
  }
}

/** A template does not compile, or uses a helper or construct Orbit does not allow. */
export class TemplateInvalidError extends OrbitError {
  constructor(field: string, problem: string, cause?: unknown) {
    super('TEMPLATE_INVALID', `${field}: ${problem}`, { fieldErrors: [{ path: field, message: problem }], cause })
  }
}

/** A template compiled but failed while rendering with this config (e.g. a missing variable). */
export class RenderFailedError extends OrbitError {
  constructor(field: string, problem: string, cause?: unknown) {
    super('RENDER_FAILED', `${field}: ${problem}`, { fieldErrors: [{ path: field, message: problem }], cause })
  }
}

/** A file path that could escape the work dir or touch git internals. */
export class UnsafePathError extends OrbitError {
  constructor(field: string, path: string, problem: string) {
    super('UNSAFE_PATH', `${field}: path ${JSON.stringify(path.slice(0, 200))} ${problem}`, {
      fieldErrors: [{ path: field, message: `path ${problem}` }],
      details: { path },
    })
  }
}

/** Rendered output is not valid for its type (YAML that does not parse, a compose file off-spec). */
export class OutputInvalidError extends OrbitError {
  constructor(file: string, problems: string[]) {
    super('OUTPUT_INVALID', `Rendered ${file} is invalid: ${problems.slice(0, 10).join('; ')}`, {
      fieldErrors: problems.map((message) => ({ path: file, message })),
      details: { file },
    })
  }
}

export class ExecutorNotFoundError extends OrbitError {
  constructor(type: string, known: string[]) {
    super('EXECUTOR_NOT_FOUND', `No executor registered for type ${JSON.stringify(type)} (known: ${known.join(', ') || 'none'})`, {
      details: { type, known },
    })
  }
}

export class ExecutorDuplicateError extends OrbitError {
  constructor(type: string) {
    super('EXECUTOR_DUPLICATE', `An executor for type ${JSON.stringify(type)} is already registered`, { details: { type } })
  }
}

export class TransitionInvalidError extends OrbitError {
  constructor(from: string, to: string) {
    super('TRANSITION_INVALID', `status: cannot move from ${from} to ${to}`, {
      fieldErrors: [{ path: 'status', message: `cannot move from ${from} to ${to}` }],
      details: { from, to },
    })
  }
}

export function isOrbitError(value: unknown): value is OrbitError {
  return value instanceof OrbitError
}
