import { validateConfig } from '@orbit/deployments-core'
import type { CollectionBeforeChangeHook } from 'payload'

import type { PluginContext } from '../../../context.js'
import { fieldValidationError } from '../../../utilities/errors.js'
import { relationId } from '../../../utilities/relationId.js'

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * Validates `config` against the generator's JSON Schema with core's `validateConfig` on create
 * and whenever `config` changes (not on the worker's status writes, so a generator edited later
 * never blocks them). A failure is a 400 listing each field as `config.<path>`.
 */
export const validateConfigHook =
  (ctx: PluginContext): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc && (data.config === undefined || sameJson(data.config, originalDoc.config))) return data
    const generatorId = relationId(data.generator ?? originalDoc?.generator)
    if (generatorId === undefined) return data // scopeToApp reports the missing generator
    const generator = (await req.payload
      .findByID({ collection: ctx.cfg.generatorsSlug, id: generatorId, depth: 0, overrideAccess: true, disableErrors: true, req })
      .catch(() => null)) as Record<string, unknown> | null
    if (!generator) return data
    if (data.config === undefined || data.config === null) data.config = {}
    const result = validateConfig((generator.configSchema ?? {}) as object, data.config)
    if (!result.valid) throw fieldValidationError(ctx.cfg.deploymentsSlug, result.errors, req, 'config')
    return data
  }
