import { canTransition, ConfigInvalidError, isDeploymentStatus, isOrbitError, normalizeConfig } from '@orbit/deployments-core'
import type { DeploymentStatus, ExecutorContext, ExecutorLogger, ExecutorRegistry, GeneratedFile } from '@orbit/deployments-core'
import { ApplicationFailure, Context } from '@temporalio/activity'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { GitError, OrbitApiError, RepositoryRefusedError, readableError, redact } from '../errors.js'
import type { GitClient } from '../git/client.js'
import type { OrbitClient } from '../orbit/client.js'
import type { OrbitDeployment } from '../orbit/types.js'
import type {
  CheckEndpointsInput,
  CompleteInput,
  DeploymentRef,
  DeploymentSummary,
  EndpointCheck,
  ExecuteDeploymentResult,
  ExecuteInput,
  FileDigest,
  GenerateAndCommitResult,
  HealthCheckSettings,
  MarkFailedInput,
  OrbitActivities,
  RecordHealthInput,
  RecordHealthResult,
  SetStatusInput,
} from './types.js'

export type * from './types.js'

/** What the activities need; built once per worker process. */
export interface ActivityDeps {
  orbit: OrbitClient
  git: GitClient
  executors: ExecutorRegistry
  logger: Logger
  /** Parent folder of the per-attempt work dirs (each removed when its activity ends). */
  workRoot: string
  /** Extra secret values to keep out of errors (git tokens are known to `git` already). */
  secrets?: string[]
  /** Health-check settings handed to `healthCheckWorkflow`. Default 30 s interval, 5 s timeout, down after 3. */
  health?: Partial<HealthCheckSettings>
}

/** Error types the workflow shows as they are; all are non-retryable (business) failures. */
export const BUSINESS_ERROR_TYPES = ['CONFIG_INVALID', 'ORBIT_API', 'REPOSITORY_REFUSED', 'GIT_REFUSED', 'EXECUTOR_FAILED'] as const

const GIT_REFUSED = /authentication failed|could not read (username|password)|permission denied|returned error: 40[134]|repository not found|does not appear to be a git repository|not found|access denied|no such file or directory/i

/**
 * The worker's activities, made from their dependencies (Temporal's samples pattern). Each is
 * idempotent: a retry after a crash loads fresh state, re-renders, and finds an earlier push.
 *
 * @example
 * const activities = createActivities({ orbit, git, executors, logger, workRoot: '/var/lib/orbit' })
 * await Worker.create({ taskQueue, workflowBundle, activities })
 */
export function createActivities(deps: ActivityDeps): OrbitActivities {
  const secrets = [...(deps.secrets ?? []), ...deps.git.secrets]

  /** Turns any error into a failure Temporal can act on: business errors never retry. */
  function toFailure(error: unknown): unknown {
    if (error instanceof ApplicationFailure) return error
    if (Context.current().cancellationSignal.aborted) return error
    const message = readableError(error, secrets)
    if (isOrbitError(error)) {
      return ApplicationFailure.create({ message, type: error.code === 'CONFIG_INVALID' ? 'CONFIG_INVALID' : error.code, nonRetryable: true, details: [{ fieldErrors: error.fieldErrors }] })
    }
    if (error instanceof OrbitApiError) return ApplicationFailure.create({ message, type: 'ORBIT_API', nonRetryable: true, details: [{ status: error.status }] })
    if (error instanceof RepositoryRefusedError) return ApplicationFailure.create({ message, type: 'REPOSITORY_REFUSED', nonRetryable: true })
    if (error instanceof GitError && GIT_REFUSED.test(error.stderr)) return ApplicationFailure.create({ message, type: 'GIT_REFUSED', nonRetryable: true })
    // Transport problems (Orbit unreachable, git network errors): retried with backoff.
    return ApplicationFailure.create({ message, type: error instanceof Error ? error.name : 'Error', nonRetryable: false })
  }

  async function guarded<T>(name: string, deploymentId: string | undefined, fn: (log: Logger) => Promise<T>): Promise<T> {
    const info = Context.current().info
    const log = deps.logger.child({ activity: name, deploymentId, workflowId: info.workflowExecution?.workflowId, attempt: info.attempt })
    const started = Date.now()
    try {
      const result = await fn(log)
      log.debug({ ms: Date.now() - started }, `${name} done`)
      return result
    } catch (error) {
      const failure = toFailure(error)
      log.warn({ ms: Date.now() - started, error: readableError(error, secrets) }, `${name} failed`)
      throw failure
    }
  }

  const load = (id: string) => deps.orbit.getDeployment(id, Context.current().cancellationSignal)

  function executorLogger(log: Logger): ExecutorLogger {
    return {
      info: (message, fields) => log.info(fields ?? {}, redact(message, secrets)),
      warn: (message, fields) => log.warn(fields ?? {}, redact(message, secrets)),
      error: (message, fields) => log.error(fields ?? {}, redact(message, secrets)),
    }
  }

  /** A fresh work dir for this attempt, a shallow checkout in it, always removed afterwards. */
  async function withCheckout<T>(deployment: OrbitDeployment, step: (dir: string, checkout: Awaited<ReturnType<GitClient['checkout']>>) => Promise<T>, heartbeat: (d: string) => void): Promise<T> {
    const info = Context.current().info
    const dir = join(deps.workRoot, `${String(deployment.id)}-${info.attempt}-${randomBytes(4).toString('hex')}`)
    await mkdir(deps.workRoot, { recursive: true })
    try {
      heartbeat('clone')
      const checkout = await deps.git.checkout({
        repositoryUrl: deployment.app?.repositoryUrl,
        branch: deployment.app?.branch,
        appId: String(deployment.app?.id ?? ''),
        dir,
        signal: Context.current().cancellationSignal,
      })
      return await step(dir, checkout)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  /** Heartbeats every 2 s while `fn` runs (git commands can be long) and at each named step. */
  async function heartbeating<T>(fn: (beat: (step: string) => void) => Promise<T>): Promise<T> {
    const ctx = Context.current()
    let current = 'start'
    const beat = (step: string) => {
      current = step
      ctx.heartbeat({ step })
    }
    const timer = setInterval(() => ctx.heartbeat({ step: current }), 2000)
    try {
      return await fn(beat)
    } finally {
      clearInterval(timer)
    }
  }

  function context(deployment: OrbitDeployment, config: Record<string, unknown>, workDir: string, log: Logger): ExecutorContext {
    const ctx = Context.current()
    return {
      deploymentId: String(deployment.id),
      deploymentName: deployment.name,
      generator: deployment.generator,
      config,
      target: deployment.target ?? {},
      workDir,
      signal: ctx.cancellationSignal,
      logger: executorLogger(log),
      heartbeat: (details) => ctx.heartbeat(details),
    }
  }

  async function validated(deployment: OrbitDeployment): Promise<Record<string, unknown>> {
    if (!deployment.generator || typeof deployment.generator !== 'object') throw new OrbitApiError(404, 'the deployment has no generator (was it deleted?)')
    if (!deployment.app || typeof deployment.app !== 'object') throw new OrbitApiError(404, 'the deployment has no app (was it deleted?)')
    const config = normalizeConfig(deployment.generator.configSchema, deployment.config ?? {})
    const executor = deps.executors.get(deployment.generator.executorType)
    const extra = await executor.validateConfig(config, deployment.generator)
    if (!extra.valid) {
      throw new ConfigInvalidError(extra.errors)
    }
    return config
  }

  async function writeStatus(id: string, to: DeploymentStatus, fields: Record<string, unknown>, log: Logger): Promise<void> {
    const signal = Context.current().cancellationSignal
    const current = (await deps.orbit.getDeployment(id, signal)).status
    if (isDeploymentStatus(current) && !canTransition(current, to)) {
      // A finished deployment restarted without going through `pending` (e.g. a run started by
      // hand): take the allowed route through `pending`.
      if (canTransition(current, 'pending') && canTransition('pending', to)) {
        await deps.orbit.updateDeployment(id, { status: 'pending' }, signal)
      } else {
        throw new OrbitApiError(409, `status: cannot move from ${current} to ${to}`)
      }
    }
    await deps.orbit.updateDeployment(id, { ...fields, status: to }, signal)
    log.info({ from: current, to }, 'status written')
  }

  const digest = (file: GeneratedFile): FileDigest => ({ path: file.path, sha256: createHash('sha256').update(file.content).digest('hex') })
  const contentHash = (files: FileDigest[]) =>
    createHash('sha256')
      .update([...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => `${f.path}\0${f.sha256}\n`).join(''))
      .digest('hex')

  return {
    loadDeployment: ({ deploymentId }: DeploymentRef) =>
      guarded('loadDeployment', deploymentId, async (): Promise<DeploymentSummary> => {
        const d = await load(deploymentId)
        if (!d.generator || typeof d.generator !== 'object') throw new OrbitApiError(404, 'the deployment has no generator (was it deleted?)')
        if (!d.app || typeof d.app !== 'object') throw new OrbitApiError(404, 'the deployment has no app (was it deleted?)')
        const executor = deps.executors.get(d.generator.executorType)
        return {
          deploymentId: String(d.id),
          name: d.name,
          status: d.status,
          appId: String(d.app.id),
          generatorName: d.generator.name,
          executorType: d.generator.executorType,
          deploys: executor.deploys,
          health: { intervalSeconds: 30, timeoutSeconds: 5, downAfter: 3, ...deps.health },
        }
      }),

    validateDeploymentConfig: ({ deploymentId }: DeploymentRef) =>
      guarded('validateDeploymentConfig', deploymentId, async () => {
        const d = await load(deploymentId)
        await validated(d)
        deps.git.resolve(d.app.repositoryUrl, d.app.branch)
      }),

    setStatus: ({ deploymentId, status, lastError }: SetStatusInput) =>
      guarded('setStatus', deploymentId, (log) => writeStatus(deploymentId, status, lastError === undefined ? {} : { lastError }, log)),

    generateAndCommit: ({ deploymentId }: DeploymentRef) =>
      guarded('generateAndCommit', deploymentId, (log) =>
        heartbeating(async (beat): Promise<GenerateAndCommitResult> => {
          beat('load')
          const d = await load(deploymentId)
          const config = await validated(d)
          const executor = deps.executors.get(d.generator.executorType)
          return withCheckout(
            d,
            async (dir, checkout) => {
              const ctx = context(d, config, dir, log)
              beat('prepare')
              await executor.prepare(ctx)
              beat('generate')
              const generated = await executor.generate(ctx)
              if (!generated || generated.files.length === 0) return { commitSha: null, changed: false, files: [], contentHash: null }
              const files = generated.files.map(digest)
              const hash = contentHash(files)
              if (!generated.commitToRepo) return { commitSha: null, changed: false, files, contentHash: hash }
              const result = await deps.git.commitAndPush(checkout, {
                files: generated.files,
                subject: `chore(orbit): deployment config via ${d.generator.name}`,
                trailers: { 'Orbit-Deployment': String(d.id), 'Orbit-Content-Hash': hash },
                signal: Context.current().cancellationSignal,
                progress: beat,
              })
              log.info({ commitSha: result.commitSha, changed: result.changed, pushAttempts: result.pushAttempts, files: files.length }, 'files committed')
              return { commitSha: result.commitSha, changed: result.changed, files, contentHash: hash }
            },
            beat,
          )
        }),
      ),

    executeDeployment: ({ deploymentId }: ExecuteInput) =>
      guarded('executeDeployment', deploymentId, (log) =>
        heartbeating(async (beat): Promise<ExecuteDeploymentResult | null> => {
          const d = await load(deploymentId)
          const config = await validated(d)
          const executor = deps.executors.get(d.generator.executorType)
          if (!executor.deploys) return null
          return withCheckout(
            d,
            async (dir) => {
              const ctx = context(d, config, dir, log)
              await executor.prepare(ctx)
              const generated = await executor.generate(ctx)
              beat('execute')
              const result = await executor.execute({ ...ctx, files: generated?.files ?? [] })
              if (!result) return null
              return { status: result.status, endpoints: [...result.endpoints], outputs: result.outputs }
            },
            beat,
          )
        }),
      ),

    completeDeployment: ({ deploymentId, status, commitSha, endpoints, outputs }: CompleteInput) =>
      guarded('completeDeployment', deploymentId, (log) =>
        writeStatus(deploymentId, status, { commitSha, endpoints, outputs, lastError: null, lastDeployedAt: new Date().toISOString() }, log),
      ),

    markFailed: ({ deploymentId, message }: MarkFailedInput) =>
      guarded('markFailed', deploymentId, (log) => writeStatus(deploymentId, 'failed', { lastError: redact(message, secrets).slice(0, 1000) }, log)),

    destroyDeployment: ({ deploymentId }: DeploymentRef) =>
      guarded('destroyDeployment', deploymentId, (log) =>
        heartbeating(async () => {
          const d = await load(deploymentId)
          const executor = deps.executors.get(d.generator.executorType)
          const config = (d.config ?? {}) as Record<string, unknown>
          if (!executor.deploys) {
            // Generate-only executors keep no state outside the repo: an empty work dir is enough.
            const dir = join(deps.workRoot, `${String(d.id)}-destroy-${randomBytes(4).toString('hex')}`)
            await mkdir(dir, { recursive: true })
            try {
              await executor.destroy(context(d, config, dir, log))
            } finally {
              await rm(dir, { recursive: true, force: true })
            }
            return
          }
          await withCheckout(d, (dir) => executor.destroy(context(d, config, dir, log)), () => {})
        }),
      ),

    checkEndpoints: ({ endpoints, timeoutMs }: CheckEndpointsInput) =>
      guarded('checkEndpoints', undefined, async (): Promise<EndpointCheck[]> =>
        Promise.all(
          endpoints.map(async (url): Promise<EndpointCheck> => {
            let parsed: URL
            try {
              parsed = new URL(url)
            } catch {
              return { url, ok: false, error: 'not a URL' }
            }
            if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { url, ok: false, error: 'not an http(s) URL' }
            try {
              const res = await fetch(parsed, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
              await res.body?.cancel()
              return { url, ok: res.status < 400, status: res.status }
            } catch (e) {
              const code = (e as { cause?: { code?: string } }).cause?.code
              return { url, ok: false, error: (e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `cannot connect${code ? ` (${code})` : ''}` }
            }
          }),
        ),
      ),

    recordHealth: ({ deploymentId, healthStatus }: RecordHealthInput) =>
      guarded('recordHealth', deploymentId, async (): Promise<RecordHealthResult> => {
        try {
          const current = await load(deploymentId)
          if (current.status === 'destroyed') return { stop: true }
          await deps.orbit.updateDeployment(deploymentId, { healthStatus, healthLastChecked: new Date().toISOString() }, Context.current().cancellationSignal)
          return { stop: false }
        } catch (e) {
          if (e instanceof OrbitApiError && e.status === 404) return { stop: true }
          throw e
        }
      }),
  }
}
