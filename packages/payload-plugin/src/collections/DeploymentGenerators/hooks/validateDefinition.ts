import { validateGeneratorDefinition } from '@orbit/deployments-core'
import type { FieldError } from '@orbit/deployments-core'
import type { CollectionBeforeChangeHook } from 'payload'

import type { PluginContext } from '../../../context.js'
import { fieldValidationError } from '../../../utilities/errors.js'
import { relationId } from '../../../utilities/relationId.js'
import { toDefinition } from '../toDefinition.js'

/**
 * Checks the generator as it will be stored (the update merged over the stored document) with
 * core's `validateGeneratorDefinition`: schema as a schema, every template compiles, only
 * allowed helpers, safe paths. Also: a built-in generator has no workspace, any other has one.
 * Slugs are unique across all generators. A failure is a ValidationError (HTTP 400) naming each field, e.g. `templateFiles.1.content`.
 */
export const validateDefinitionHook =
  (ctx: PluginContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const merged = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
    const errors: FieldError[] = []
    const result = validateGeneratorDefinition(toDefinition(merged))
    if (!result.valid) errors.push(...result.errors)
    const workspace = relationId(merged.workspace)
    if (merged.isBuiltIn === true && workspace !== undefined) {
      errors.push({ path: 'workspace', message: 'must be empty for a built-in generator (built-ins belong to every workspace)' })
    }
    if (merged.isBuiltIn !== true && workspace === undefined) {
      errors.push({ path: 'workspace', message: 'is required for a generator that is not built-in' })
    }
    if (typeof merged.slug === 'string' && !errors.some((e) => e.path === 'slug')) {
      // Checked here as well as by the unique index so every adapter names the field (FerretDB's
      // duplicate-key errors do not say which key clashed).
      const clash = await req.payload.count({
        collection: ctx.cfg.generatorsSlug,
        where: { and: [{ slug: { equals: merged.slug } }, ...(originalDoc?.id === undefined ? [] : [{ id: { not_equals: originalDoc.id } }])] },
        overrideAccess: true,
        req,
      })
      if (clash.totalDocs > 0) errors.push({ path: 'slug', message: `"${merged.slug}" is already used by another generator` })
    }
    if (errors.length) throw fieldValidationError(ctx.cfg.generatorsSlug, errors, req)
    return data
  }
