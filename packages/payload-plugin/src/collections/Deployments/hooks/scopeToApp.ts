import type { FieldError } from '@orbit/deployments-core'
import type { CollectionBeforeChangeHook } from 'payload'

import { appWorkspace } from '../../../access/deployments.js'
import type { PluginContext } from '../../../context.js'
import { fieldValidationError } from '../../../utilities/errors.js'
import { relationId, sameRelation } from '../../../utilities/relationId.js'

/**
 * Ties a deployment to its app's workspace for good.
 * - create: copies the app's workspace into `workspace` (what access control filters on),
 *   checks the generator is built-in or belongs to that workspace, records `lastDeployedBy`;
 * - update: `app` and `generator` cannot change (a deployment never moves to another app or
 *   workspace; pick another generator by creating another deployment), `workspace` stays.
 */
export const scopeToAppHook =
  (ctx: PluginContext): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const { cfg } = ctx
    const errors: FieldError[] = []
    if (operation === 'update' && originalDoc) {
      if (data.app !== undefined && !sameRelation(data.app, originalDoc.app)) errors.push({ path: 'app', message: 'cannot change after the deployment is created' })
      if (data.generator !== undefined && !sameRelation(data.generator, originalDoc.generator)) {
        errors.push({ path: 'generator', message: 'cannot change after the deployment is created; create a new deployment instead' })
      }
      if (errors.length) throw fieldValidationError(cfg.deploymentsSlug, errors, req)
      data.workspace = relationId(originalDoc.workspace) ?? null
      return data
    }
    if (operation !== 'create') return data

    const workspace = await appWorkspace(req, cfg, data.app)
    if (workspace === undefined) {
      errors.push({ path: 'app', message: relationId(data.app) === undefined ? 'is required' : 'not found, or the app belongs to no workspace' })
    }
    const generatorId = relationId(data.generator)
    const generator =
      generatorId === undefined
        ? null
        : ((await req.payload
            .findByID({ collection: cfg.generatorsSlug, id: generatorId, depth: 0, overrideAccess: true, disableErrors: true, req })
            .catch(() => null)) as Record<string, unknown> | null)
    if (!generator) {
      errors.push({ path: 'generator', message: generatorId === undefined ? 'is required' : 'not found' })
    } else if (workspace !== undefined && generator.isBuiltIn !== true && !sameRelation(generator.workspace, workspace)) {
      errors.push({ path: 'generator', message: "is not available to this app's workspace (use a built-in generator or one of the workspace's own)" })
    }
    if (errors.length) throw fieldValidationError(cfg.deploymentsSlug, errors, req)
    data.workspace = workspace
    const user = req.user as { id?: number | string; collection?: string } | null | undefined
    if (user?.id !== undefined && user.collection === cfg.usersSlug) data.lastDeployedBy = user.id
    return data
  }
