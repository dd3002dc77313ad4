import type { TemporalGateway } from './temporal/gateway.js'
import type { SanitizedDeploymentsPluginOptions } from './types.js'

/** What every hook, endpoint and job of one plugin instance closes over. */
export interface PluginContext {
  cfg: SanitizedDeploymentsPluginOptions
  gateway: TemporalGateway
}
