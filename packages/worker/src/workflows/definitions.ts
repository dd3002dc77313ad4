// Names clients use to talk to running workflows: signals, queries, inputs and results.
// Deterministic code only (imported by workflows and by clients alike).
import type { DeploymentStatus, HealthStatus } from '@orbit/deployments-core'
import { defineQuery, defineSignal } from '@temporalio/workflow'

/** Input of `deploymentWorkflow` and `destroyDeploymentWorkflow` (docs/contract.md): IDs only. */
export interface DeploymentWorkflowInput {
  deploymentId: string
}

export type DeploymentStep =
  | 'loading'
  | 'validating'
  | 'generating'
  | 'committing'
  | 'deploying'
  | 'recording'
  | 'starting-health-checks'
  | 'destroying'
  | 'done'
  | 'failed'

export interface DeploymentProgress {
  deploymentId: string
  step: DeploymentStep
  /** Set once files are committed. */
  commitSha?: string | null
  /** Set when the run failed: the same text as the deployment's lastError. */
  error?: string
}

export interface DeploymentWorkflowResult {
  status: Extract<DeploymentStatus, 'generated' | 'deployed'>
  commitSha: string | null
  /** Whether this run pushed a new commit (false when the files were already there). */
  changed: boolean
  endpoints: string[]
}

/** Where a deployment's run is: `await handle.query(progressQuery)`. */
export const progressQuery = defineQuery<DeploymentProgress>('progress')

/**
 * Input of `healthCheckWorkflow`. The contract fixes `deploymentId`, `endpoints` and
 * `intervalSeconds`; the rest are optional tuning knobs with defaults.
 */
export interface HealthCheckInput {
  deploymentId: string
  endpoints: string[]
  /** Seconds between checks. Default 30. */
  intervalSeconds?: number
  /** Per-request timeout. Default 5. */
  timeoutSeconds?: number
  /** Consecutive checks with every endpoint failing before `down` (earlier: `degraded`). Default 3. */
  downAfter?: number
  /** Write health at least every N checks even when unchanged (refreshes healthLastChecked). Default 10. */
  writeEvery?: number
  /** Checks per run before continue-as-new (keeps history small). Default 100. */
  checksPerRun?: number
  /** Carried across continue-as-new. */
  state?: HealthState
}

export interface HealthState {
  health: HealthStatus
  consecutiveFailures: number
  checksSinceWrite: number
  /** What Orbit last stored (null before the first write). */
  written: HealthStatus | null
  checks: number
}

/** Stops a deployment's health checks (sent by the destroy workflow). */
export const stopHealthChecksSignal = defineSignal('stopHealthChecks')
/** Replaces the endpoints being checked (sent when a re-deploy finds health checks already running). */
export const updateEndpointsSignal = defineSignal<[string[]]>('updateEndpoints')
/** Current health state: `await handle.query(healthQuery)`. */
export const healthQuery = defineQuery<HealthState & { endpoints: string[] }>('health')
