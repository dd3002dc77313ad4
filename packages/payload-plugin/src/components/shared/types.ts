// Client-side shapes of the documents the admin components read over REST. Type-only imports
// from core keep its runtime (Handlebars, Ajv, the compose schema) out of the browser bundle.
import type { DeploymentStatus, HealthStatus, JsonSchema, GeneratedFile, FieldError } from '@orbit/deployments-core'

export type { DeploymentStatus, HealthStatus, JsonSchema, GeneratedFile, FieldError }

export type Id = number | string

export interface GeneratorDoc {
  id: Id
  name: string
  slug: string
  description?: string | null
  executorType: string
  configSchema: JsonSchema
  isBuiltIn?: boolean | null
  workspace?: Id | { id: Id; name?: string } | null
  icon?: string | null
  category?: string | null
  version?: number | null
}

export interface UserRef {
  id: Id
  email?: string | null
  name?: string | null
}

export interface DeploymentDoc {
  id: Id
  name: string
  app: Id | { id: Id; name?: string; repositoryUrl?: string; branch?: string }
  generator: Id | GeneratorDoc
  config?: Record<string, unknown> | null
  status: DeploymentStatus
  workflowId?: string | null
  lastDeployedAt?: string | null
  lastDeployedBy?: Id | UserRef | null
  endpoints?: string[] | null
  outputs?: Record<string, unknown> | null
  healthStatus?: HealthStatus | null
  healthLastChecked?: string | null
  lastError?: string | null
  commitSha?: string | null
  createdAt?: string
  updatedAt?: string
}

/** Props the plugin passes to its client components through `clientProps`. */
export interface OrbitClientProps {
  /** Base URL of the Temporal Web UI (e.g. http://localhost:8233). */
  temporalUiUrl?: string
  /** Temporal namespace, for links into the Temporal UI. */
  temporalNamespace?: string
  generatorsSlug?: string
  deploymentsSlug?: string
  /** The apps collection's field holding the owning workspace. */
  appWorkspaceField?: string
  /** Load Monaco from this app rather than the CDN (plugin option selfHostMonaco). */
  selfHostMonaco?: boolean
}
