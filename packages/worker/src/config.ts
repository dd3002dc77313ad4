import { DEFAULT_TASK_QUEUE } from '@orbit/deployments-core'
import { tmpdir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import type { GitCredentialConfig } from './git/credentials.js'

/** Everything the `orbit-worker` binary reads from its environment. */
export interface WorkerConfig {
  temporalAddress: string
  temporalNamespace: string
  taskQueue: string
  orbitUrl: string
  orbitApiKey: string
  git: GitCredentialConfig & { allowInsecureHttp: boolean; allowLocal: boolean; authorName: string; authorEmail: string }
  workDir: string
  logLevel: string
  /** Health checks of deployed endpoints (ORBIT_HEALTH_INTERVAL_SECONDS, _TIMEOUT_SECONDS, _DOWN_AFTER). */
  health: { intervalSeconds: number; timeoutSeconds: number; downAfter: number }
  /** Max activities run at once by this process. */
  maxConcurrentActivities: number
  /** A path to a prebuilt workflow bundle; default: dist/workflow-bundle.js when present. */
  workflowBundlePath?: string | undefined
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`orbit-worker is not configured correctly:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
const TRUE = new Set(['1', 'true', 'yes'])

/**
 * Reads and checks the worker's configuration. Every problem is reported at once, naming the
 * variable (never echoing a secret's value).
 *
 * | variable | default |
 * | --- | --- |
 * | TEMPORAL_ADDRESS | localhost:7233 |
 * | TEMPORAL_NAMESPACE | default |
 * | ORBIT_TASK_QUEUE | orbit-deployments |
 * | ORBIT_URL | required (e.g. http://localhost:3000) |
 * | ORBIT_API_KEY | required (the service account's API key) |
 * | ORBIT_GIT_TOKEN | none: global token for HTTPS remotes |
 * | ORBIT_GIT_TOKENS | none: JSON map `{ "<host>" or "app:<id>": "<token>" }` |
 * | ORBIT_GIT_USERNAME | x-access-token |
 * | ORBIT_GIT_ALLOW_HTTP | 0: plain http to non-loopback hosts |
 * | ORBIT_GIT_ALLOW_LOCAL | 1: local bare repositories (paths, file://) |
 * | ORBIT_GIT_AUTHOR_NAME / _EMAIL | Orbit / orbit@localhost |
 * | ORBIT_WORK_DIR | $TMPDIR/orbit-worker |
 * | ORBIT_MAX_CONCURRENT_ACTIVITIES | 20 |
 * | ORBIT_HEALTH_INTERVAL_SECONDS / _TIMEOUT_SECONDS / _DOWN_AFTER | 30 / 5 / 3 |
 * | ORBIT_WORKFLOW_BUNDLE | dist/workflow-bundle.js when present |
 * | LOG_LEVEL | info |
 */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const problems: string[] = []
  const get = (name: string) => {
    const v = env[name]
    return v === undefined || v.trim() === '' ? undefined : v.trim()
  }
  const orbitUrl = get('ORBIT_URL')
  if (!orbitUrl) problems.push('ORBIT_URL is required (the Orbit app, e.g. http://localhost:3000)')
  else {
    try {
      const u = new URL(orbitUrl)
      if (u.protocol !== 'http:' && u.protocol !== 'https:') problems.push('ORBIT_URL must be an http(s) URL')
      if (u.username || u.password) problems.push('ORBIT_URL must not contain credentials (use ORBIT_API_KEY)')
    } catch {
      problems.push('ORBIT_URL is not a valid URL')
    }
  }
  const orbitApiKey = get('ORBIT_API_KEY')
  if (!orbitApiKey) problems.push("ORBIT_API_KEY is required (the Orbit service account's API key)")
  const temporalAddress = get('TEMPORAL_ADDRESS') ?? 'localhost:7233'
  if (!/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(temporalAddress)) problems.push('TEMPORAL_ADDRESS must be host:port')
  const taskQueue = get('ORBIT_TASK_QUEUE') ?? DEFAULT_TASK_QUEUE
  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase()
  if (!LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`)
  let tokens: Record<string, string> | undefined
  const tokensRaw = get('ORBIT_GIT_TOKENS')
  if (tokensRaw) {
    try {
      const parsed = JSON.parse(tokensRaw) as unknown
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) throw new Error()
      tokens = Object.fromEntries(Object.entries(parsed as Record<string, string>).map(([k, v]) => [k.toLowerCase().startsWith('app:') ? k : k.toLowerCase(), v]))
    } catch {
      problems.push('ORBIT_GIT_TOKENS must be a JSON object of strings, e.g. {"github.com":"…","app:42":"…"} (value not shown)')
    }
  }
  const workDir = get('ORBIT_WORK_DIR') ?? join(tmpdir(), 'orbit-worker')
  if (!isAbsolute(workDir)) problems.push('ORBIT_WORK_DIR must be an absolute path')
  const maxConcurrentActivities = Number(get('ORBIT_MAX_CONCURRENT_ACTIVITIES') ?? 20)
  if (!Number.isInteger(maxConcurrentActivities) || maxConcurrentActivities < 1) problems.push('ORBIT_MAX_CONCURRENT_ACTIVITIES must be a positive whole number')
  const positive = (name: string, fallback: number) => {
    const value = Number(get(name) ?? fallback)
    if (!Number.isInteger(value) || value < 1) problems.push(`${name} must be a positive whole number`)
    return value
  }
  const health = {
    intervalSeconds: positive('ORBIT_HEALTH_INTERVAL_SECONDS', 30),
    timeoutSeconds: positive('ORBIT_HEALTH_TIMEOUT_SECONDS', 5),
    downAfter: positive('ORBIT_HEALTH_DOWN_AFTER', 3),
  }
  if (problems.length) throw new ConfigError(problems)
  return {
    temporalAddress,
    temporalNamespace: get('TEMPORAL_NAMESPACE') ?? 'default',
    taskQueue,
    orbitUrl: orbitUrl!,
    orbitApiKey: orbitApiKey!,
    git: {
      token: get('ORBIT_GIT_TOKEN'),
      tokens,
      username: get('ORBIT_GIT_USERNAME') ?? 'x-access-token',
      allowInsecureHttp: TRUE.has((get('ORBIT_GIT_ALLOW_HTTP') ?? '').toLowerCase()),
      allowLocal: !['0', 'false', 'no'].includes((get('ORBIT_GIT_ALLOW_LOCAL') ?? '1').toLowerCase()),
      authorName: get('ORBIT_GIT_AUTHOR_NAME') ?? 'Orbit',
      authorEmail: get('ORBIT_GIT_AUTHOR_EMAIL') ?? 'orbit@localhost',
    },
    workDir,
    logLevel,
    maxConcurrentActivities,
    health,
    workflowBundlePath: get('ORBIT_WORKFLOW_BUNDLE'),
  }
}

/** Secret values in a config, for redaction. */
export function configSecrets(config: WorkerConfig): string[] {
  return [config.orbitApiKey, config.git.token, ...Object.values(config.git.tokens ?? {})].filter((s): s is string => !!s)
}
