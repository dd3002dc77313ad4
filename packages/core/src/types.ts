import type { FieldError } from './errors.js'
import type { DeploymentStatus } from './status.js'

/** The executor types Orbit ships. Generators reference one of these. */
export const EXECUTOR_TYPES = ['docker-compose', 'terraform', 'helm', 'kubernetes'] as const
export type ExecutorType = (typeof EXECUTOR_TYPES)[number]

export const GENERATOR_CATEGORIES = ['local-dev', 'cloud', 'kubernetes', 'custom'] as const
export type GeneratorCategory = (typeof GENERATOR_CATEGORIES)[number]

/** A JSON Schema (draft 2020-12) object describing a generator's inputs. */
export type JsonSchema = Record<string, unknown>

/** One template file of a generator. `path` may itself contain `{{…}}`; it must render to a safe relative path. */
export interface TemplateFile {
  path: string
  content: string
}

/**
 * A generator: an executor type plus templates and the JSON Schema of the inputs they take.
 *
 * @example
 * const gen: GeneratorDefinition = {
 *   name: 'Docker Compose (Local Dev)', slug: 'docker-compose-local', version: 1,
 *   executorType: 'docker-compose', category: 'local-dev',
 *   configSchema: { type: 'object', required: ['serviceName'], properties: { serviceName: { type: 'string' } } },
 *   templateFiles: [{ path: 'docker-compose.yml', content: 'services:\n  {{serviceName}}:\n    build: .\n' }],
 * }
 */
export interface GeneratorDefinition {
  name: string
  slug: string
  description?: string | null
  executorType: ExecutorType
  configSchema: JsonSchema
  templateFiles: TemplateFile[]
  isBuiltIn?: boolean | null
  /** The owning workspace's id; null/absent for global (built-in) generators. */
  workspace?: string | number | null
  icon?: string | null
  category?: GeneratorCategory | null
  /** A positive integer; seeding replaces a stored built-in only when this is higher. */
  version: number
}

/** One rendered file, relative to the repository root. */
export interface GeneratedFile {
  path: string
  content: string
}

export type ValidationResult = { valid: true } | { valid: false; errors: FieldError[] }

/** Minimal structured logger an executor may use; the runner decides where it goes. */
export interface ExecutorLogger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** Where a deployment goes (the seed's `target` group). */
export interface DeploymentTarget {
  type?: string | null
  region?: string | null
  cluster?: string | null
  namespace?: string | null
}

/** What every executor call gets: the deployment, its generator and validated config. */
export interface ExecutorContext {
  deploymentId: string
  deploymentName: string
  generator: GeneratorDefinition
  /** The user's config, already validated against the generator's schema, defaults applied. */
  config: Record<string, unknown>
  target: DeploymentTarget
  /** Absolute path of the prepared work dir (a checkout of the app repo). */
  workDir: string
  /** Aborted when the run is cancelled or the activity times out: stop promptly. */
  signal: AbortSignal
  logger: ExecutorLogger
  /** Report liveness during long commands (maps to Temporal activity heartbeats). */
  heartbeat?: (details?: unknown) => void
}

export type PrepareRequest = ExecutorContext
export type GenerateRequest = ExecutorContext
export type DestroyRequest = ExecutorContext

export interface ExecuteRequest extends ExecutorContext {
  /** Files produced by `generate` (already written into `workDir`). */
  files: GeneratedFile[]
}

export interface GenerateResult {
  files: GeneratedFile[]
  /** Should Orbit commit these files to the app's repository? */
  commitToRepo: boolean
}

export interface ExecuteResult {
  status: Extract<DeploymentStatus, 'deployed' | 'failed'>
  /** Where the deployed app can be reached (URLs). */
  endpoints: string[]
  /** Executor-specific outputs (e.g. terraform outputs), JSON-serialisable. */
  outputs: Record<string, unknown>
}

/**
 * The contract every executor implements (the design's Go interface, in TypeScript).
 * Generate-only executors return `null` from `execute`.
 */
export interface Executor {
  readonly type: string
  /** Human-readable name for logs and UIs. */
  readonly displayName: string
  /** Whether `execute` deploys something (false for generate-only executors). */
  readonly deploys: boolean
  /** Executor-specific checks on top of the generator's JSON Schema. */
  validateConfig(config: Record<string, unknown>, generator: GeneratorDefinition): Promise<ValidationResult>
  /** Extra set-up in the prepared work dir (the checkout itself is done by the runner). */
  prepare(req: PrepareRequest): Promise<void>
  /** Returns the files to write, or null when this executor generates nothing. */
  generate(req: GenerateRequest): Promise<GenerateResult | null>
  /** Performs the deployment, or returns null when this executor is generate-only. */
  execute(req: ExecuteRequest): Promise<ExecuteResult | null>
  /** Tears the deployment down (a no-op for generate-only executors). */
  destroy(req: DestroyRequest): Promise<void>
}
