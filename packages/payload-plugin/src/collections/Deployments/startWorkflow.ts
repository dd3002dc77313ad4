import type { PayloadRequest } from 'payload'

import type { PluginContext } from '../../context.js'
import type { StartOutcome } from '../../types.js'

/** The sentence stored in `lastError` while Temporal cannot be reached. */
export function unreachableMessage(detail: string): string {
  return `${detail}. The deployment stays pending and starts automatically once Temporal is reachable again.`
}

/**
 * Starts (or finds already running) the deployment's workflow and records the result on the
 * deployment: `workflowId` and a cleared `lastError`, or a readable `lastError` when Temporal
 * is unreachable. Idempotent: the workflow ID is the deployment's, so duplicates start nothing.
 */
export async function startDeploymentWorkflow(
  ctx: PluginContext,
  req: PayloadRequest,
  deploymentId: number | string,
): Promise<{ outcome: StartOutcome; changes: Record<string, unknown> }> {
  const outcome = await ctx.gateway.startDeployment(deploymentId)
  const changes: Record<string, unknown> =
    outcome.result === 'unavailable' ? { lastError: unreachableMessage(outcome.message) } : { workflowId: outcome.workflowId, lastError: null }
  await req.payload.update({
    collection: ctx.cfg.deploymentsSlug,
    id: deploymentId,
    data: changes,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { outcome, changes }
}
