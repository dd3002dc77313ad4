// Inputs and results of the worker's activities. Workflows import these types only (`import type`),
// so no activity code ends up in the workflow sandbox. Everything here is small: IDs, statuses,
// hashes; never a local path, a file's content, a config or a credential.
import type { DeploymentStatus, ExecutorType, HealthStatus } from '@orbit/deployments-core'

export interface DeploymentRef {
  deploymentId: string
}

/** What the workflow needs to know about a deployment to choose its steps. */
export interface DeploymentSummary {
  deploymentId: string
  name: string
  status: DeploymentStatus
  appId: string
  generatorName: string
  executorType: ExecutorType
  /** Whether the executor deploys (runs `execute`) rather than only generating files. */
  deploys: boolean
  /** Health-check settings of this worker (ORBIT_HEALTH_*), for the health-check child. */
  health: HealthCheckSettings
}

/** How health checks run; set by ops on the worker (env), passed to `healthCheckWorkflow`. */
export interface HealthCheckSettings {
  intervalSeconds: number
  timeoutSeconds: number
  downAfter: number
}

export interface SetStatusInput extends DeploymentRef {
  status: DeploymentStatus
  lastError?: string | null
}

export interface CompleteInput extends DeploymentRef {
  status: Extract<DeploymentStatus, 'generated' | 'deployed'>
  commitSha: string | null
  endpoints: string[]
  outputs: Record<string, unknown>
}

export interface MarkFailedInput extends DeploymentRef {
  /** Already readable; the activity redacts it once more before writing. */
  message: string
}

export interface FileDigest {
  path: string
  sha256: string
}

export interface GenerateAndCommitResult {
  /** The commit holding the files (null when the executor generates nothing to commit). */
  commitSha: string | null
  /** Whether this run pushed a new commit. */
  changed: boolean
  files: FileDigest[]
  /** sha256 over the files' paths and digests; also the commit's `Orbit-Content-Hash` trailer. */
  contentHash: string | null
}

export interface ExecuteInput extends DeploymentRef {
  commitSha: string | null
}

export interface ExecuteDeploymentResult {
  status: Extract<DeploymentStatus, 'deployed' | 'failed'>
  endpoints: string[]
  outputs: Record<string, unknown>
}

export interface CheckEndpointsInput {
  endpoints: string[]
  timeoutMs: number
}

export interface EndpointCheck {
  url: string
  ok: boolean
  /** HTTP status, when there was an answer. */
  status?: number
  /** Why the check failed, in words. */
  error?: string
}

export interface RecordHealthInput extends DeploymentRef {
  healthStatus: HealthStatus
}

export interface RecordHealthResult {
  /** True when health checks should stop (the deployment is destroyed or gone). */
  stop: boolean
}

/** Every activity the worker registers, as the workflows see them. */
export interface OrbitActivities {
  loadDeployment(input: DeploymentRef): Promise<DeploymentSummary>
  validateDeploymentConfig(input: DeploymentRef): Promise<void>
  setStatus(input: SetStatusInput): Promise<void>
  generateAndCommit(input: DeploymentRef): Promise<GenerateAndCommitResult>
  executeDeployment(input: ExecuteInput): Promise<ExecuteDeploymentResult | null>
  completeDeployment(input: CompleteInput): Promise<void>
  markFailed(input: MarkFailedInput): Promise<void>
  destroyDeployment(input: DeploymentRef): Promise<void>
  checkEndpoints(input: CheckEndpointsInput): Promise<EndpointCheck[]>
  recordHealth(input: RecordHealthInput): Promise<RecordHealthResult>
}
