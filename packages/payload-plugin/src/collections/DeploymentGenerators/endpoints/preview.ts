import { isOrbitError, renderGenerator } from '@orbit/deployments-core'
import { addDataAndFileToRequest } from 'payload'
import type { Endpoint } from 'payload'

import type { PluginContext } from '../../../context.js'
import type { generatorAccess } from '../../../access/generators.js'
import { toPayloadPath } from '../../../utilities/errors.js'
import { authorizeDocRequest } from '../../../utilities/docAccess.js'
import { respond } from '../../../utilities/respond.js'
import { toDefinition } from '../toDefinition.js'

/**
 * `POST /api/deployment-generators/:id/preview` with `{ config }`: renders the generator with
 * that config and returns `200 { files }`, or `400 { errors: [{ path, message }] }` (config
 * problems under `config.<field>`). Stores nothing. Allowed to whoever may read the generator.
 */
export const previewEndpoint = (ctx: PluginContext, access: ReturnType<typeof generatorAccess>): Endpoint => ({
  path: '/:id/preview',
  method: 'post',
  handler: async (req) => {
    const { id, denied } = await authorizeDocRequest(req, ctx.cfg.generatorsSlug, access.read)
    if (denied) return denied
    await addDataAndFileToRequest(req)
    const body = (req.data ?? {}) as Record<string, unknown>
    if (typeof body !== 'object' || Array.isArray(body)) return respond(req, 400, { errors: [{ path: '', message: 'body must be a JSON object { config }' }] })
    const doc = await req.payload.findByID({ collection: ctx.cfg.generatorsSlug, id, depth: 0, overrideAccess: true, req })
    try {
      const files = renderGenerator(toDefinition(doc as Record<string, unknown>), body.config ?? {})
      return respond(req, 200, { files })
    } catch (error) {
      if (!isOrbitError(error)) throw error
      const configProblem = error.code === 'CONFIG_INVALID'
      const errors = (error.fieldErrors.length ? error.fieldErrors : [{ path: '', message: error.message }]).map((e) => ({
        path: toPayloadPath(e.path, configProblem ? 'config' : undefined),
        message: e.message,
      }))
      return respond(req, 400, { errors })
    }
  },
})
