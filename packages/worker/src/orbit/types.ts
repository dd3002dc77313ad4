import type { DeploymentStatus, DeploymentTarget, GeneratorDefinition, HealthStatus } from '@orbit/deployments-core'

/** An app (`apps` collection) as the REST API returns it. */
export interface OrbitApp {
  id: string | number
  name: string
  workspace?: unknown
  repositoryUrl: string
  branch?: string | null
}

/** A generator (`deployment-generators`) as the REST API returns it: core's definition plus `id`. */
export type OrbitGenerator = GeneratorDefinition & { id: string | number }

/** A deployment with `app` and `generator` populated (`?depth=1`). */
export interface OrbitDeployment {
  id: string | number
  name: string
  app: OrbitApp
  generator: OrbitGenerator
  config?: unknown
  target?: DeploymentTarget | null
  status: DeploymentStatus
  workflowId?: string | null
  lastDeployedAt?: string | null
  endpoints?: string[] | null
  outputs?: Record<string, unknown> | null
  healthStatus?: HealthStatus | null
  healthLastChecked?: string | null
  lastError?: string | null
  commitSha?: string | null
}

/** The fields only the service account writes (docs/contract.md). */
export interface DeploymentPatch {
  status?: DeploymentStatus
  lastError?: string | null
  endpoints?: string[]
  outputs?: Record<string, unknown>
  commitSha?: string | null
  lastDeployedAt?: string
  healthStatus?: HealthStatus
  healthLastChecked?: string
  workflowId?: string
}
