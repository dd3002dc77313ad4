// The public API of @orbit/deployments-worker: a short, curated list.
export { createDefaultExecutorRegistry, createDockerComposeExecutor } from './executors/index.js'
export { createActivities, BUSINESS_ERROR_TYPES } from './activities/index.js'
export type { ActivityDeps } from './activities/index.js'
export type * from './activities/types.js'
export { OrbitClient } from './orbit/client.js'
export type { OrbitClientOptions } from './orbit/client.js'
export type * from './orbit/types.js'
export { GitClient, writeFiles } from './git/client.js'
export type { GitClientOptions, GitHooks, Checkout, CommitOptions, CommitResult } from './git/client.js'
export { AskPass, tokenFor } from './git/credentials.js'
export type { GitCredentialConfig } from './git/credentials.js'
export { checkRepositoryUrl, checkBranch } from './git/url.js'
export type { CheckedRepository, RepositoryPolicy } from './git/url.js'
export { OrbitApiError, OrbitTransportError, GitError, RepositoryRefusedError, readableError, redact } from './errors.js'
export { createLogger } from './logger.js'
export { loadWorkerConfig, configSecrets, ConfigError } from './config.js'
export type { WorkerConfig } from './config.js'
export { createOrbitWorker, workflowsPath, defaultWorkflowBundlePath, workflowBundlerOptions } from './worker.js'
export type { OrbitWorkerOptions } from './worker.js'
export {
  progressQuery,
  healthQuery,
  stopHealthChecksSignal,
  updateEndpointsSignal,
} from './workflows/definitions.js'
export type {
  DeploymentWorkflowInput,
  DeploymentWorkflowResult,
  DeploymentProgress,
  DeploymentStep,
  HealthCheckInput,
  HealthState,
} from './workflows/definitions.js'
