// Worker benchmark (not a test): prints figures and writes .artifacts/bench/worker.json at the
// repository root.
//
// 1. latency: p50/p95 of create→generated over BENCH_RUNS (50) deployments, one at a time, each
//    on a fresh bare repo, through the real orbit-worker binary (prebuilt workflow bundle), the
//    Temporal dev server and the Orbit stand-in (test/support/orbit-stand-in.ts: REST over HTTP,
//    in memory). "create→generated" = from starting deploymentWorkflow (what the plugin does on
//    create) until the stand-in stores status `generated`.
// 2. floor: the same number of runs doing only `git clone --depth 1`, write the same
//    docker-compose.yml, `git commit`, `git push` on fresh bare repos; and the ratio.
// 3. throughput: BENCH_THROUGHPUT (200) deployments across as many apps (one repo each), all
//    started at once, on BENCH_WORKERS (1) worker processes.
import { DEPLOYMENT_WORKFLOW_TYPE, deploymentWorkflowId, dockerComposeLocal, renderGenerator } from '@orbit/deployments-core'
import { createBareRepo, repoRoot, startTemporalDevServer } from '@orbit/testing'
import type { BareRepo } from '@orbit/testing'
import { Client, Connection } from '@temporalio/client'
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startOrbitStandIn } from '../test/support/orbit-stand-in.js'
import { startWorkerProcess, waitUntilStarted } from '../test/support/worker-process.js'

const run = promisify(execFile)
const RUNS = Number(process.env.BENCH_RUNS ?? 50)
const THROUGHPUT = Number(process.env.BENCH_THROUGHPUT ?? 200)
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1)

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}
const round = (x: number) => Math.round(x * 10) / 10
const summary = (xs: number[]) => ({ n: xs.length, p50: round(pct(xs, 50)), p95: round(pct(xs, 95)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), mean: round(xs.reduce((a, b) => a + b, 0) / xs.length) })

const gitEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' }
const git = (args: string[], cwd?: string) => run('git', args, { cwd, env: gitEnv })

async function floorOnce(repo: BareRepo, content: string, work: string): Promise<number> {
  const t0 = performance.now()
  await git(['clone', '--quiet', '--depth', '1', '--single-branch', '--branch', 'main', '--', `file://${repo.path}`, work])
  await writeFile(join(work, 'docker-compose.yml'), content)
  await git(['add', '--', 'docker-compose.yml'], work)
  await git(['commit', '--quiet', '-m', 'chore(orbit): deployment config via Docker Compose (Local Dev)'], work)
  await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], work)
  const ms = performance.now() - t0
  await rm(work, { recursive: true, force: true })
  return ms
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'orbit-bench-'))
  const temporal = await startTemporalDevServer()
  const connection = await Connection.connect({ address: temporal.address })
  const client = new Client({ connection })
  const orbit = await startOrbitStandIn()
  const generator = orbit.createGenerator(dockerComposeLocal)
  const repos: BareRepo[] = []
  const newRepo = async () => {
    const r = await createBareRepo({ dir: await mkdtemp(join(scratch, 'r-')) })
    repos.push(r)
    return r
  }
  const workers: ReturnType<typeof startWorkerProcess>[] = []
  const startWorkers = async (n: number, taskQueue: string) => {
    const started = Array.from({ length: n }, () =>
      startWorkerProcess({ TEMPORAL_ADDRESS: temporal.address, ORBIT_TASK_QUEUE: taskQueue, ORBIT_URL: orbit.url, ORBIT_API_KEY: orbit.apiKey, ORBIT_WORK_DIR: join(scratch, 'work'), LOG_LEVEL: 'info', ...(process.env.BENCH_WORKER_ENV ? (JSON.parse(process.env.BENCH_WORKER_ENV) as Record<string, string>) : {}) }),
    )
    workers.push(...started)
    await Promise.all(started.map((w) => waitUntilStarted(w)))
  }
  /** Resolves when the stand-in stores generated (throws on failed); returns ms since t0. */
  const waitGenerated = async (id: string, t0: number) => {
    const d = await orbit.waitForStatus(id, ['generated', 'failed'])
    if (d.status === 'failed') throw new Error(`deployment ${id} failed: ${d.lastError}`)
    return performance.now() - t0
  }
  const deploy = async (r: BareRepo, i: number) => {
    const app = orbit.createApp({ repositoryUrl: `file://${r.path}` })
    return orbit.createDeployment({ app, generator, config: { serviceName: `svc-${i}`, port: 1024 + (i % 60000) } })
  }

  try {
    // Latency, one at a time, after a few warm-up runs.
    const latencyQueue = `bench-latency-${Date.now()}`
    await startWorkers(1, latencyQueue)
    const latency: number[] = []
    for (let i = -3; i < RUNS; i++) {
      const id = await deploy(await newRepo(), i + 10)
      const t0 = performance.now()
      await client.workflow.start(DEPLOYMENT_WORKFLOW_TYPE, { taskQueue: latencyQueue, workflowId: deploymentWorkflowId(id), args: [{ deploymentId: id }] })
      const ms = await waitGenerated(id, t0)
      if (i >= 0) latency.push(ms)
    }

    // The floor: the git work alone.
    const content = renderGenerator(dockerComposeLocal, { serviceName: 'svc', port: 8080 })[0]!.content
    const floor: number[] = []
    for (let i = -3; i < RUNS; i++) {
      const ms = await floorOnce(await newRepo(), content, join(scratch, `floor-${i}`))
      if (i >= 0) floor.push(ms)
    }

    // Throughput: all at once.
    for (const w of workers.splice(0)) await w.stop()
    const tpQueue = `bench-throughput-${Date.now()}`
    await startWorkers(WORKERS, tpQueue)
    const ids: string[] = []
    for (let i = 0; i < THROUGHPUT; i++) ids.push(await deploy(await newRepo(), 20_000 + i))
    const t0 = performance.now()
    const handles = await Promise.all(ids.map((id) => client.workflow.start(DEPLOYMENT_WORKFLOW_TYPE, { taskQueue: tpQueue, workflowId: deploymentWorkflowId(id), args: [{ deploymentId: id }] })))
    const perRun = await Promise.all(ids.map((id) => waitGenerated(id, t0)))
    const wallMs = performance.now() - t0
    await Promise.all(handles.map((h) => h.result()))

    const lat = summary(latency)
    const flo = summary(floor)
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      setup: 'orbit-worker binary (prebuilt bundle) + Temporal dev server (SQLite in memory) + Orbit stand-in (in-memory REST over HTTP) + local bare repos over file://',
      latencyMs: lat,
      floorMs: flo,
      ratio: { p50: round(lat.p50 / flo.p50), p95: round(lat.p95 / flo.p95) },
      throughput: {
        deployments: THROUGHPUT,
        apps: THROUGHPUT,
        workers: WORKERS,
        wallSeconds: round(wallMs / 1000),
        perSecond: round(THROUGHPUT / (wallMs / 1000)),
        completionMs: summary(perRun),
      },
    }
    const out = join(repoRoot(), '.artifacts', 'bench')
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'worker.json'), `${JSON.stringify(result, null, 2)}\n`)
    console.log(`create→generated (${RUNS} runs, one at a time): p50 ${lat.p50} ms, p95 ${lat.p95} ms (min ${lat.min}, max ${lat.max})`)
    console.log(`floor: clone --depth 1 + write + commit + push:   p50 ${flo.p50} ms, p95 ${flo.p95} ms`)
    console.log(`ratio: p50 ${result.ratio.p50}x, p95 ${result.ratio.p95}x`)
    console.log(`throughput: ${THROUGHPUT} deployments across ${THROUGHPUT} apps on ${WORKERS} worker(s): ${result.throughput.wallSeconds} s, ${result.throughput.perSecond}/s`)
    console.log(`wrote ${join(out, 'worker.json')}`)
  } finally {
    await Promise.all(workers.map((w) => w.stop()))
    await connection.close()
    await orbit.close()
    await temporal.stop()
    await rm(scratch, { recursive: true, force: true })
  }
}

await main()
