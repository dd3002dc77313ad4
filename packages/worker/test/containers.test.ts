// The worker's Dockerfile and the top-level docker-compose.yml. No Docker engine exists here, so
// the compose file is validated with Debian's `docker-compose config` (resolves variables,
// checks the schema) and the Dockerfile is checked for what ops rely on.
import { dockerComposePath, repoRoot } from '@orbit/testing'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { parse } from 'yaml'

const run = promisify(execFile)
const root = repoRoot()
const composeFile = join(root, 'docker-compose.yml')

async function composeConfig(env: Record<string, string>) {
  return run(dockerComposePath(), ['-f', composeFile, 'config'], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } })
}

test('docker-compose.yml is valid and runs MongoDB, Temporal + UI, the Orbit app and the worker, wired together', async () => {
  const { stdout } = await composeConfig({ PAYLOAD_SECRET: 'p'.repeat(64), ORBIT_SERVICE_API_KEY: 'service-key-from-env' })
  const config = parse(stdout) as { services: Record<string, { image?: string; build?: { dockerfile: string }; environment?: Record<string, string>; volumes?: unknown[] }> }
  expect(Object.keys(config.services).sort()).toEqual(['mongo', 'orbit', 'temporal', 'temporal-db', 'temporal-ui', 'worker'])
  const { orbit, worker } = config.services
  expect(orbit!.environment).toMatchObject({
    DATABASE_URI: 'mongodb://mongo:27017/orbit',
    TEMPORAL_ADDRESS: 'temporal:7233',
    ORBIT_TASK_QUEUE: 'orbit-deployments',
    // the app creates the worker's service account with the same key the worker sends
    ORBIT_SERVICE_API_KEY: 'service-key-from-env',
  })
  expect(orbit!.build!.dockerfile).toBe('apps/orbit/Dockerfile')
  expect(worker!.build!.dockerfile).toBe('packages/worker/Dockerfile')
  expect(worker!.environment).toMatchObject({
    TEMPORAL_ADDRESS: 'temporal:7233',
    ORBIT_TASK_QUEUE: 'orbit-deployments',
    ORBIT_URL: 'http://orbit:3000',
    ORBIT_API_KEY: 'service-key-from-env',
  })
  expect(config.services['temporal-ui']!.environment).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233' })
})

test('secrets come only from the environment: without them the compose file refuses to resolve', async () => {
  const error = await composeConfig({ ORBIT_SERVICE_API_KEY: 'k' }).catch((e: { stderr: string }) => e)
  expect((error as { stderr: string }).stderr).toContain('set PAYLOAD_SECRET')
  const raw = await readFile(composeFile, 'utf8')
  expect(raw).not.toMatch(/^\s+PAYLOAD_SECRET:\s*[^$\s]/m)
  expect(raw).not.toMatch(/^\s+ORBIT_API_KEY:\s*[^$\s]/m)
})

test('the app Dockerfile is multi-stage, builds with turbo and runs next start as a non-root user', async () => {
  const dockerfile = await readFile(join(root, 'apps', 'orbit', 'Dockerfile'), 'utf8')
  const stages = dockerfile.split(/^FROM /m).slice(1)
  expect(stages.length).toBeGreaterThanOrEqual(2)
  expect(dockerfile).toContain('turbo run build --filter=@orbit/app')
  const runtime = stages.at(-1)!
  expect(runtime).toMatch(/^USER node$/m)
  expect(runtime).toContain('COPY --from=build')
  expect(runtime).toContain('"start"')
  const ignore = await readFile(join(root, 'apps', 'orbit', 'Dockerfile.dockerignore'), 'utf8')
  for (const entry of ['**/node_modules', '.git', '.env']) expect(ignore).toContain(entry)
})

test('the worker Dockerfile is multi-stage, installs git, runs as a non-root user and uses the prebuilt bundle', async () => {
  const dockerfile = await readFile(join(root, 'packages', 'worker', 'Dockerfile'), 'utf8')
  const stages = dockerfile.split(/^FROM /m).slice(1)
  expect(stages.length).toBeGreaterThanOrEqual(2)
  const runtime = stages.at(-1)!
  expect(runtime).toMatch(/apt-get install[^\n]*\bgit\b/)
  expect(runtime).toMatch(/^USER node$/m)
  expect(runtime).toContain('COPY --from=build')
  expect(runtime).toContain('"/app/dist/bin/worker.js"')
  expect(dockerfile).toContain('run build') // tsc + dist/workflow-bundle.js
  const ignore = await readFile(join(root, 'packages', 'worker', 'Dockerfile.dockerignore'), 'utf8')
  for (const entry of ['**/node_modules', '.git', '.env']) expect(ignore).toContain(entry)
})
