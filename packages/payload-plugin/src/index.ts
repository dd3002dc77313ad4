import type { Config, Payload } from 'payload'

import { generateDeploymentGeneratorsCollection } from './collections/DeploymentGenerators/index.js'
import { generateDeploymentsCollection } from './collections/Deployments/index.js'
import { withAdminAssets, withDeploymentsPanel } from './components/adminConfig.js'
import type { PluginContext } from './context.js'
import { LOG_PREFIX, sanitizeOptions } from './defaults.js'
import { reconcilePendingDeployments, startReconciler } from './reconcile/reconciler.js'
import { seedBuiltInGenerators } from './seed/seedBuiltIns.js'
import { TemporalGateway } from './temporal/gateway.js'
import type { DeploymentsPluginOptions } from './types.js'

const contexts = new WeakMap<Payload, PluginContext>()

function isNextBuild(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build'
}

/**
 * The Orbit Deployments plugin: adds `deployment-generators` and `deployments` (access control,
 * validation, workflow start on create, regenerate/destroy/preview endpoints), seeds core's
 * built-in generators on init and runs the pending-deployment reconciler.
 *
 * @example
 * export default buildConfig({
 *   collections: [Users, Workspaces, WorkspaceMembers, Apps],
 *   plugins: [deploymentsPlugin({ temporal: { address: process.env.TEMPORAL_ADDRESS } })],
 * })
 */
export const deploymentsPlugin =
  (options: DeploymentsPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    const cfg = sanitizeOptions(options)
    const ctx: PluginContext = { cfg, gateway: new TemporalGateway(cfg.temporal) }
    const existing = incomingConfig.collections ?? []
    for (const slug of [cfg.generatorsSlug, cfg.deploymentsSlug]) {
      if (existing.some((c) => c.slug === slug)) throw new Error(`${LOG_PREFIX} the config already has a collection "${slug}"`)
    }
    const config: Config = {
      ...incomingConfig,
      collections: [
        // The apps collection gets the Deployments panel (admin UI only; no data is stored).
        ...existing.map((c) => (c.slug === cfg.appsSlug ? withDeploymentsPanel(c, cfg) : c)),
        generateDeploymentGeneratorsCollection(ctx),
        generateDeploymentsCollection(ctx),
      ],
    }
    withAdminAssets(config, cfg)
    if (!cfg.enabled) return config

    const incomingOnInit = incomingConfig.onInit
    config.onInit = async (payload) => {
      if (incomingOnInit) await incomingOnInit(payload)
      contexts.set(payload, ctx)
      if (isNextBuild()) return
      if (cfg.seedBuiltIns) {
        try {
          const report = await seedBuiltInGenerators(payload, cfg)
          if (report.created.length || report.updated.length) {
            payload.logger.info(`${LOG_PREFIX} built-in generators: created [${report.created.join(', ')}], updated [${report.updated.join(', ')}]`)
          }
        } catch (error) {
          payload.logger.warn({ err: error }, `${LOG_PREFIX} seeding built-in generators failed`)
        }
      }
      const reconciler = cfg.reconcile.intervalSeconds > 0 ? startReconciler(ctx, payload) : null
      // Chain Payload's shutdown: stop the reconciler and close the Temporal connection first.
      const destroy = payload.destroy
      payload.destroy = async () => {
        reconciler?.stop()
        await ctx.gateway.close()
        await destroy.call(payload)
      }
    }
    return config
  }

/**
 * Runs one reconciler pass now (tests, scripts, an external scheduler). Resolves to what it did.
 * Throws when the plugin is not installed (or disabled) on this Payload instance.
 */
export async function reconcileDeployments(payload: Payload) {
  const ctx = contexts.get(payload)
  if (!ctx) throw new Error(`${LOG_PREFIX} the deployments plugin is not enabled on this Payload instance`)
  return reconcilePendingDeployments(ctx, payload)
}

/**
 * Starts (idempotently) the deployment workflow for one deployment and records the outcome,
 * exactly as the create hook does.
 */
export async function startDeployment(payload: Payload, deploymentId: number | string) {
  const ctx = contexts.get(payload)
  if (!ctx) throw new Error(`${LOG_PREFIX} the deployments plugin is not enabled on this Payload instance`)
  const { createLocalReq } = await import('payload')
  const { startDeploymentWorkflow } = await import('./collections/Deployments/startWorkflow.js')
  const { outcome } = await startDeploymentWorkflow(ctx, await createLocalReq({}, payload), deploymentId)
  return outcome
}

export { sanitizeOptions, defaultIsPlatformAdmin, defaultIsServiceAccount, defaultGetUserWorkspaceRoles, PLUGIN_NAME, GENERATORS_SLUG, DEPLOYMENTS_SLUG } from './defaults.js'
export { generateDeploymentGeneratorsCollection } from './collections/DeploymentGenerators/index.js'
export { generateDeploymentsCollection } from './collections/Deployments/index.js'
export { seedBuiltInGenerators } from './seed/seedBuiltIns.js'
export type { SeedReport } from './seed/seedBuiltIns.js'
export type { ReconcileReport } from './reconcile/reconciler.js'
export { TemporalUnavailableError } from './temporal/gateway.js'
export type * from './types.js'
