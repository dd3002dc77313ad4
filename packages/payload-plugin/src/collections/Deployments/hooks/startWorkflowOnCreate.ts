import type { CollectionAfterChangeHook } from 'payload'

import type { PluginContext } from '../../../context.js'
import { startDeploymentWorkflow } from '../startWorkflow.js'

/**
 * On create (only: the worker's updates never start anything) starts `deploymentWorkflow` with
 * ID `deployment-<id>` and input `{ deploymentId }`, and stores `workflowId`. When Temporal is
 * unreachable the create still succeeds: the deployment stays `pending` with a readable
 * `lastError`, and the reconciler starts it later.
 */
export const startWorkflowOnCreateHook =
  (ctx: PluginContext): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    try {
      const { changes } = await startDeploymentWorkflow(ctx, req, doc.id as number | string)
      return { ...doc, ...changes }
    } catch (error) {
      // Never fail a create over Temporal: the reconciler retries pending deployments.
      req.payload.logger.warn({ err: error, deploymentId: doc.id }, '[orbit-deployments] could not start the deployment workflow; the reconciler will retry')
      return doc
    }
  }
