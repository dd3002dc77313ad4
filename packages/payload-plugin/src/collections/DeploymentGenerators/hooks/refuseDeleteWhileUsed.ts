import { APIError } from 'payload'
import type { CollectionBeforeDeleteHook } from 'payload'

import type { PluginContext } from '../../../context.js'

/**
 * A generator that deployments still use cannot be deleted (409): the worker would find their
 * generator gone. Delete or re-create those deployments first.
 */
export const refuseDeleteWhileUsedHook =
  (ctx: PluginContext): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const { totalDocs } = await req.payload.count({
      collection: ctx.cfg.deploymentsSlug,
      where: { generator: { equals: id } },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) {
      throw new APIError(`${totalDocs} deployment(s) still use this generator; delete them first.`, 409, null, true)
    }
  }
