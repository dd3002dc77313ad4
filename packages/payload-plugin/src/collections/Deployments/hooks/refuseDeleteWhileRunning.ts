import { APIError } from 'payload'
import type { CollectionBeforeDeleteHook } from 'payload'

import type { PluginContext } from '../../../context.js'
import { LOG_PREFIX } from '../../../defaults.js'
import { TemporalUnavailableError } from '../../../temporal/gateway.js'

/**
 * A deployment whose workflow run is still open cannot be deleted (409): the run would act on a
 * record that is gone. Destroy it or wait for the run to end. When Temporal cannot be asked,
 * the delete goes ahead (with a warning) rather than making deletes depend on Temporal.
 */
export const refuseDeleteWhileRunningHook =
  (ctx: PluginContext): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    try {
      const run = await ctx.gateway.describe(id)
      if (run?.open) {
        throw new APIError(`This deployment has a ${run.type} run in progress (${run.workflowId}); wait for it to finish before deleting.`, 409, null, true)
      }
    } catch (error) {
      if (!(error instanceof TemporalUnavailableError)) throw error
      req.payload.logger.warn(`${LOG_PREFIX} deleting deployment ${id} without checking for an open run: ${error.message}`)
    }
  }
