import { accessSync, constants, existsSync } from 'node:fs'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (where pnpm-workspace.yaml is). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('cannot find the repository root (pnpm-workspace.yaml)')
    dir = parent
  }
  return dir
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Finds an external binary the tests need: the env var, then `.tools/bin` (built by
 * scripts/setup.sh), then PATH. Throws with what to do when it is missing: suites fail loudly,
 * they never skip.
 */
export function requireBinary(name: string, envVar: string): string {
  const fromEnv = process.env[envVar]
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`${envVar}=${fromEnv} is not an executable file`)
    return fromEnv
  }
  const tools = resolve(repoRoot(), '.tools/bin', name)
  if (executable(tools)) return tools
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name)
    if (dir && executable(candidate)) return candidate
  }
  throw new Error(`${name} not found (looked at $${envVar}, .tools/bin and PATH). Run: bash scripts/setup.sh`)
}

export const temporalCliPath = (): string => requireBinary('temporal', 'TEMPORAL_CLI_PATH')
export const ferretdbPath = (): string => requireBinary('ferretdb', 'FERRETDB_PATH')
export const chromiumPath = (): string => requireBinary('chromium', 'CHROMIUM_PATH')
export const dockerComposePath = (): string => requireBinary('docker-compose', 'DOCKER_COMPOSE_PATH')
