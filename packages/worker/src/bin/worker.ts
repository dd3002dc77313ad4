#!/usr/bin/env node
// orbit-worker: the Temporal worker process. Configuration from the environment (see config.ts),
// JSON logs on stdout with secrets redacted, graceful shutdown on SIGTERM/SIGINT (running
// activities get a grace period, then the process exits).
import { createDefaultExecutorRegistry } from '../executors/index.js'
import { createActivities } from '../activities/index.js'
import { ConfigError, configSecrets, loadWorkerConfig } from '../config.js'
import { AskPass } from '../git/credentials.js'
import { GitClient } from '../git/client.js'
import type { GitHooks } from '../git/client.js'
import { createLogger } from '../logger.js'
import { OrbitClient } from '../orbit/client.js'
import { createOrbitWorker, defaultWorkflowBundlePath } from '../worker.js'
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker'
import type { LogLevel } from '@temporalio/worker'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * Test-only crash points (`ORBIT_TEST_CRASH_AT=clone|push`): the process SIGKILLs itself while
 * `git clone` runs, or right after a successful push (before the status write), so tests can
 * prove a new worker finishes the run with exactly one commit. Unset in every real deployment.
 */
function testCrashHooks(point: string | undefined): GitHooks | undefined {
  if (!point) return undefined
  const die = () => {
    process.stderr.write(`ORBIT_TEST_CRASH_AT=${point}: killing this worker now\n`)
    process.kill(process.pid, 'SIGKILL')
  }
  if (point === 'clone') return { cloneStarted: () => die() }
  if (point === 'push') return { afterPush: () => die() }
  throw new ConfigError([`ORBIT_TEST_CRASH_AT must be clone or push (tests only)`])
}

/**
 * Work dirs left by a worker that was killed: per-attempt checkouts (`<id>-<attempt>-<hex>`,
 * `<id>-destroy-<hex>`) older than an hour, the longest an attempt may run being 15 minutes.
 * Nothing else: other workers may share this folder (their askpass dirs live here too).
 */
async function sweepStaleWorkDirs(root: string): Promise<number> {
  let removed = 0
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!/^[A-Za-z0-9_-]+-(\d+|destroy)-[0-9a-f]{8}$/.test(name)) continue
    const path = join(root, name)
    const info = await stat(path).catch(() => null)
    if (info && Date.now() - info.mtimeMs > 3_600_000) {
      await rm(path, { recursive: true, force: true })
      removed++
    }
  }
  return removed
}

/** Connects to Temporal, retrying for up to a minute (in a compose stack it may start after us). */
async function connectTemporal(address: string, logger: ReturnType<typeof createLogger>): Promise<NativeConnection> {
  const deadline = Date.now() + Number(process.env.ORBIT_TEMPORAL_CONNECT_TIMEOUT_MS ?? 60_000)
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect({ address })
    } catch (e) {
      const reason = e instanceof Error ? e.message.replace(/\s+/g, ' ').slice(0, 200) : String(e)
      if (Date.now() > deadline) throw new Error(`cannot connect to Temporal at ${address}: ${reason}`)
      logger.warn({ address, attempt }, `Temporal is not reachable yet; retrying (${reason})`)
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * attempt)))
    }
  }
}

async function main(): Promise<void> {
  let config
  try {
    config = loadWorkerConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`)
      process.exit(2)
    }
    throw e
  }
  const secrets = configSecrets(config)
  const logger = createLogger({ level: config.logLevel, secrets })
  const temporalLevel: LogLevel = config.logLevel === 'debug' || config.logLevel === 'trace' ? 'DEBUG' : 'WARN'
  Runtime.install({
    logger: new DefaultLogger(temporalLevel, (entry) => {
      const fields = { temporal: true, ...(entry.meta ?? {}) }
      if (entry.level === 'ERROR') logger.error(fields, entry.message)
      else if (entry.level === 'WARN') logger.warn(fields, entry.message)
      else logger.debug(fields, entry.message)
    }),
    shutdownSignals: ['SIGINT', 'SIGTERM'],
  })

  await mkdir(config.workDir, { recursive: true })
  const swept = await sweepStaleWorkDirs(config.workDir)
  const askPass = new AskPass(config.workDir)
  const git = new GitClient({
    askPass,
    credentials: config.git,
    policy: { allowInsecureHttp: config.git.allowInsecureHttp, allowLocal: config.git.allowLocal },
    author: { name: config.git.authorName, email: config.git.authorEmail },
    hooks: testCrashHooks(process.env.ORBIT_TEST_CRASH_AT),
  })
  const orbit = new OrbitClient({ baseUrl: config.orbitUrl, apiKey: config.orbitApiKey })
  const activities = createActivities({ orbit, git, executors: createDefaultExecutorRegistry(), logger, workRoot: config.workDir, secrets, health: config.health })

  const connection = await connectTemporal(config.temporalAddress, logger)
  const bundle = config.workflowBundlePath ?? defaultWorkflowBundlePath()
  try {
    const worker = await createOrbitWorker({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      activities,
      workflowBundlePath: bundle,
      maxConcurrentActivityTaskExecutions: config.maxConcurrentActivities,
      identity: `orbit-worker@${hostname()}:${process.pid}`,
    })
    logger.info(
      { taskQueue: config.taskQueue, namespace: config.temporalNamespace, temporal: config.temporalAddress, orbit: config.orbitUrl, workflows: bundle ? 'prebuilt bundle' : 'bundled at start', sweptWorkDirs: swept },
      'orbit-worker started',
    )
    await worker.run()
    logger.info('orbit-worker stopped')
  } finally {
    await connection.close()
    await askPass.dispose()
    logger.flush()
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`orbit-worker failed: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
