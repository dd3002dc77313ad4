import type { NativeConnection } from '@temporalio/worker'
import { Worker } from '@temporalio/worker'
import type { WorkerOptions } from '@temporalio/worker'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { OrbitActivities } from './activities/types.js'

const here = dirname(fileURLToPath(import.meta.url))

/** Where the workflows' source is: `dist/workflows/index.js` when built, `src/workflows/index.ts` in tests. */
export function workflowsPath(): string {
  const js = join(here, 'workflows', 'index.js')
  return existsSync(js) ? js : join(here, 'workflows', 'index.ts')
}

/** The prebuilt bundle written by `pnpm build` (`dist/workflow-bundle.js`), if present. */
export function defaultWorkflowBundlePath(): string | undefined {
  const path = join(here, 'workflow-bundle.js')
  return existsSync(path) ? path : undefined
}

/**
 * Workflows import only the ID helpers from core: point the sandbox bundle at that one module
 * instead of the whole package (Ajv, Handlebars and YAML have no business in workflow code).
 */
export function workflowBundlerOptions(): NonNullable<WorkerOptions['bundlerOptions']> {
  const coreIndex = fileURLToPath(import.meta.resolve('@orbit/deployments-core'))
  const ids = join(dirname(coreIndex), 'ids.js')
  return {
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string> | undefined), '@orbit/deployments-core$': ids } },
    }),
  }
}

export interface OrbitWorkerOptions {
  connection: NativeConnection
  namespace?: string
  taskQueue: string
  activities: OrbitActivities
  /** Prebuilt bundle path (production); otherwise the workflows are bundled at start. */
  workflowBundlePath?: string | undefined
  maxConcurrentActivityTaskExecutions?: number
  /** Grace period for running activities on shutdown. Default 30 s. */
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime']
  identity?: string
}

/** A Temporal worker running Orbit's workflows and activities on one task queue. */
export async function createOrbitWorker(options: OrbitWorkerOptions): Promise<Worker> {
  const code = options.workflowBundlePath
    ? { workflowBundle: { codePath: options.workflowBundlePath } }
    : { workflowsPath: workflowsPath(), bundlerOptions: workflowBundlerOptions() }
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    activities: options.activities as unknown as WorkerOptions['activities'],
    ...code,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 20,
    shutdownGraceTime: options.shutdownGraceTime ?? '30s',
    ...(options.identity ? { identity: options.identity } : {}),
  })
}
