import { canTransition, isDeploymentStatus, nextStatuses } from '@orbit/deployments-core'
import type { CollectionBeforeChangeHook } from 'payload'

import type { PluginContext } from '../../../context.js'
import { fieldValidationError } from '../../../utilities/errors.js'

/** `status` only moves along core's `canTransition`; anything else is a 400 on `status`. */
export const enforceStatusTransitionHook =
  (ctx: PluginContext): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc || data.status === undefined || data.status === null) return data
    const from = originalDoc.status as unknown
    const to = data.status as unknown
    if (!isDeploymentStatus(from) || !isDeploymentStatus(to) || canTransition(from, to)) return data
    const allowed = nextStatuses(from)
    throw fieldValidationError(
      ctx.cfg.deploymentsSlug,
      [{ path: 'status', message: `cannot move from ${from} to ${to} (allowed from ${from}: ${allowed.join(', ') || 'none'})` }],
      req,
    )
  }
