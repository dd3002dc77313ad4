import { canTransition, isDeploymentStatus } from '@orbit/deployments-core'
import type { Endpoint } from 'payload'

import type { deploymentAccess } from '../../../access/deployments.js'
import type { PluginContext } from '../../../context.js'
import { TemporalUnavailableError } from '../../../temporal/gateway.js'
import { authorizeDocRequest } from '../../../utilities/docAccess.js'
import { respond, respondError } from '../../../utilities/respond.js'

/**
 * `POST /api/deployments/:id/destroy`: allowed to whoever may delete the deployment (its
 * workspace's owners/admins, platform admins). 409 while a run with ID `deployment-<id>` is open
 * or when the status cannot move to `destroyed`; otherwise starts `destroyDeploymentWorkflow`
 * (202). The worker sets `destroyed` when it is done. 503 when Temporal is unreachable.
 */
export const destroyEndpoint = (ctx: PluginContext, access: ReturnType<typeof deploymentAccess>): Endpoint => ({
  path: '/:id/destroy',
  method: 'post',
  handler: async (req) => {
    const { cfg, gateway } = ctx
    const { id, denied } = await authorizeDocRequest(req, cfg.deploymentsSlug, access.read, access.delete)
    if (denied) return denied

    const doc = (await req.payload.findByID({ collection: cfg.deploymentsSlug, id, depth: 0, overrideAccess: true, req })) as Record<string, unknown>
    try {
      const run = await gateway.describe(id)
      if (run?.open) return respondError(req, 409, `A ${run.type} run for this deployment is still in progress (${run.workflowId}); wait for it to finish.`)
      const status = doc.status
      if (isDeploymentStatus(status) && status !== 'destroyed' && !canTransition(status, 'destroyed')) {
        return respondError(req, 409, `A deployment that is ${status} cannot be destroyed yet.`)
      }
      const outcome = await gateway.startDestroy(id)
      if (outcome.result === 'already-running') return respondError(req, 409, `A run for this deployment is already in progress (${outcome.workflowId}).`)
      if (outcome.result === 'unavailable') return respondError(req, 503, `${outcome.message}; try again shortly.`)
      return respond(req, 202, { started: true, workflowId: outcome.workflowId, runId: outcome.runId })
    } catch (error) {
      if (error instanceof TemporalUnavailableError) return respondError(req, 503, `${error.message}; try again shortly.`)
      throw error
    }
  },
})
