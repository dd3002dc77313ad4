// An in-process worker (real Temporal dev server, real git, and the Orbit stand-in or the real
// app over HTTP) for the workflow tests. The bin tests (worker-bin.test.ts) run the real `orbit-worker` process instead.
import type { ExecutorRegistry } from '@orbit/deployments-core'
import { temporalCliPath } from '@orbit/testing'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { DefaultLogger, Runtime } from '@temporalio/worker'
import type { NativeConnection, Worker } from '@temporalio/worker'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createActivities } from '../../src/activities/index.js'
import { createDefaultExecutorRegistry } from '../../src/executors/index.js'
import { AskPass } from '../../src/git/credentials.js'
import type { GitCredentialConfig } from '../../src/git/credentials.js'
import { GitClient } from '../../src/git/client.js'
import type { GitHooks } from '../../src/git/client.js'
import { createLogger } from '../../src/logger.js'
import { OrbitClient } from '../../src/orbit/client.js'
import { createOrbitWorker } from '../../src/worker.js'
import { startOrbitStandIn } from './orbit-stand-in.js'
import type { OrbitStandIn } from './orbit-stand-in.js'

// Expected failures (invalid configs, refused URLs) would otherwise fill the test output.
try {
  Runtime.install({ logger: new DefaultLogger('ERROR') })
} catch {
  // already installed in this process
}

export async function startTemporal(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCliPath() }, ip: '127.0.0.1' },
  })
}

export interface Harness {
  env: TestWorkflowEnvironment
  orbit: OrbitStandIn
  taskQueue: string
  /** Every log line the worker wrote (JSON). */
  logs(): string
  close(): Promise<void>
}

export interface HarnessOptions {
  env: TestWorkflowEnvironment
  executors?: ExecutorRegistry
  hooks?: { current?: GitHooks }
  credentials?: GitCredentialConfig
}

export interface InProcessWorkerOptions {
  connection: NativeConnection
  /** The Orbit REST API the activities talk to: the stand-in, or the real built app. */
  orbitUrl: string
  apiKey: string
  taskQueue?: string
  executors?: ExecutorRegistry
  hooks?: { current?: GitHooks }
  credentials?: GitCredentialConfig
}

export interface InProcessWorker {
  taskQueue: string
  /** Every log line the worker wrote (JSON). */
  logs(): string
  close(): Promise<void>
}

/**
 * The real worker (createActivities + createOrbitWorker) in this process, so a test can hook into
 * its git steps; everything it talks to (Temporal, Orbit over HTTP, git) is real or the stand-in.
 */
export async function startInProcessWorker(options: InProcessWorkerOptions): Promise<InProcessWorker> {
  const workRoot = await mkdtemp(join(tmpdir(), 'orbit-worker-test-'))
  const lines: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  const secrets = [options.apiKey, options.credentials?.token ?? ''].filter(Boolean)
  const logger = createLogger({ level: 'debug', secrets, destination: sink })
  const askPass = new AskPass(workRoot)
  // Hooks are looked up at call time, so a test can set them for one run.
  const hooks: GitHooks = {
    cloneStarted: (d) => options.hooks?.current?.cloneStarted?.(d),
    beforePush: (a) => options.hooks?.current?.beforePush?.(a),
    afterPush: (s) => options.hooks?.current?.afterPush?.(s),
  }
  const git = new GitClient({ askPass, hooks, credentials: options.credentials })
  const activities = createActivities({
    orbit: new OrbitClient({ baseUrl: options.orbitUrl, apiKey: options.apiKey, retries: 1 }),
    git,
    executors: options.executors ?? createDefaultExecutorRegistry(),
    logger,
    workRoot,
    secrets,
    health: { intervalSeconds: 1, timeoutSeconds: 1, downAfter: 2 },
  })
  const taskQueue = options.taskQueue ?? `orbit-test-${Math.random().toString(36).slice(2)}`
  const worker: Worker = await createOrbitWorker({ connection: options.connection, taskQueue, activities, shutdownGraceTime: '2s' })
  const running = worker.run()
  return {
    taskQueue,
    logs: () => lines.join(''),
    close: async () => {
      worker.shutdown()
      await running
      await askPass.dispose()
      await rm(workRoot, { recursive: true, force: true })
    },
  }
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const orbit = await startOrbitStandIn()
  const worker = await startInProcessWorker({ ...options, connection: options.env.nativeConnection, orbitUrl: orbit.url, apiKey: orbit.apiKey })
  return {
    env: options.env,
    orbit,
    taskQueue: worker.taskQueue,
    logs: worker.logs,
    close: async () => {
      await worker.close()
      await orbit.close()
    },
  }
}
