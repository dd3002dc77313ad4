// Types only: safe to import from client components and from the host app's config.
export type {
  CollectionOverrides,
  DeploymentsPluginOptions,
  OrbitUser,
  SanitizedDeploymentsPluginOptions,
  StartOutcome,
  TemporalOptions,
  WorkspaceRole,
  WorkspaceRoles,
} from '../types.js'
export type { SeedReport } from '../seed/seedBuiltIns.js'
export type { ReconcileReport } from '../reconcile/reconciler.js'
