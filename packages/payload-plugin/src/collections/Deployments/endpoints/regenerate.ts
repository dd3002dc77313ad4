import { canTransition, isDeploymentStatus } from '@orbit/deployments-core'
import type { Endpoint } from 'payload'

import type { deploymentAccess } from '../../../access/deployments.js'
import type { PluginContext } from '../../../context.js'
import { TemporalUnavailableError } from '../../../temporal/gateway.js'
import { authorizeDocRequest } from '../../../utilities/docAccess.js'
import { respond, respondError } from '../../../utilities/respond.js'
import { startDeploymentWorkflow, unreachableMessage } from '../startWorkflow.js'

/**
 * `POST /api/deployments/:id/regenerate`: allowed to whoever may update the deployment. 409 while
 * a run with ID `deployment-<id>` is open; otherwise sets status `pending`, clears `lastError`,
 * records `lastDeployedBy` and starts `deploymentWorkflow`. 202 with the deployment on success;
 * when Temporal is unreachable the deployment is left `pending` for the reconciler (still 202,
 * `started: false`) — unless Temporal cannot even say whether a run is open (503).
 */
export const regenerateEndpoint = (ctx: PluginContext, access: ReturnType<typeof deploymentAccess>): Endpoint => ({
  path: '/:id/regenerate',
  method: 'post',
  handler: async (req) => {
    const { cfg, gateway } = ctx
    const { id, denied } = await authorizeDocRequest(req, cfg.deploymentsSlug, access.read, access.update)
    if (denied) return denied

    let run
    try {
      run = await gateway.describe(id)
    } catch (error) {
      if (error instanceof TemporalUnavailableError) return respondError(req, 503, `${error.message}; try again shortly.`)
      throw error
    }
    if (run?.open) return respondError(req, 409, `A ${run.type} run for this deployment is still in progress (${run.workflowId}); wait for it to finish.`)

    const doc = (await req.payload.findByID({ collection: cfg.deploymentsSlug, id, depth: 0, overrideAccess: true, req })) as Record<string, unknown>
    const status = doc.status
    if (isDeploymentStatus(status) && !canTransition(status, 'pending')) {
      return respondError(req, 409, `A deployment that is ${status} cannot be re-generated until its run finishes.`)
    }
    const user = req.user as { id?: number | string; collection?: string } | null
    await req.payload.update({
      collection: cfg.deploymentsSlug,
      id,
      data: { status: 'pending', lastError: null, ...(user?.collection === cfg.usersSlug ? { lastDeployedBy: user.id } : {}) },
      depth: 0,
      overrideAccess: true,
      req,
    })
    const { outcome } = await startDeploymentWorkflow(ctx, req, id)
    if (outcome.result === 'already-running') {
      return respondError(req, 409, `A run for this deployment is already in progress (${outcome.workflowId}).`)
    }
    const deployment = await req.payload.findByID({ collection: cfg.deploymentsSlug, id, depth: 0, overrideAccess: false, req })
    return respond(req, 202, {
      started: outcome.result === 'started',
      workflowId: outcome.workflowId,
      ...(outcome.result === 'unavailable' ? { message: unreachableMessage(outcome.message) } : {}),
      doc: deployment,
    })
  },
})
