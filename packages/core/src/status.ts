/** The lifecycle of a deployment, as in the design: see {@link canTransition}. */
export const DEPLOYMENT_STATUSES = ['pending', 'generating', 'generated', 'deploying', 'deployed', 'failed', 'destroyed'] as const
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number]

export const HEALTH_STATUSES = ['healthy', 'degraded', 'down', 'unknown'] as const
export type HealthStatus = (typeof HEALTH_STATUSES)[number]

/** Statuses in which a workflow run for the deployment is (or should be) in progress. */
export const RUNNING_STATUSES: readonly DeploymentStatus[] = ['pending', 'generating', 'deploying']

/**
 * Allowed moves. `pending -> generating -> generated -> deploying -> deployed`, any -> `failed`,
 * `generated|deployed|failed -> destroyed`. Re-generate restarts a finished deployment at
 * `pending` (generated, deployed or failed -> pending); a destroyed one can be generated anew.
 */
const TRANSITIONS: Record<DeploymentStatus, readonly DeploymentStatus[]> = {
  pending: ['generating', 'failed'],
  generating: ['generated', 'failed'],
  generated: ['deploying', 'destroyed', 'pending', 'failed'],
  deploying: ['deployed', 'failed'],
  deployed: ['destroyed', 'pending', 'failed'],
  failed: ['destroyed', 'pending', 'failed'],
  destroyed: ['pending', 'failed'],
}

export function isDeploymentStatus(value: unknown): value is DeploymentStatus {
  return typeof value === 'string' && (DEPLOYMENT_STATUSES as readonly string[]).includes(value)
}

export function isHealthStatus(value: unknown): value is HealthStatus {
  return typeof value === 'string' && (HEALTH_STATUSES as readonly string[]).includes(value)
}

/**
 * Whether a deployment may move from `from` to `to`. Staying in the same status is always
 * allowed (writes are idempotent).
 *
 * @example canTransition('pending', 'generating') // true
 * @example canTransition('deployed', 'generating') // false: re-generate goes through 'pending'
 */
export function canTransition(from: DeploymentStatus, to: DeploymentStatus): boolean {
  if (from === to) return true
  return TRANSITIONS[from]?.includes(to) ?? false
}

/** The statuses reachable from `from` in one step. */
export function nextStatuses(from: DeploymentStatus): readonly DeploymentStatus[] {
  return TRANSITIONS[from] ?? []
}
