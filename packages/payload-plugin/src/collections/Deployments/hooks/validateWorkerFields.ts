import type { FieldError } from '@orbit/deployments-core'
import type { CollectionBeforeChangeHook } from 'payload'

import type { PluginContext } from '../../../context.js'
import { fieldValidationError } from '../../../utilities/errors.js'

/** Shapes of the fields the worker writes: `endpoints` a list of URLs, `outputs` an object. */
export const validateWorkerFieldsHook =
  (ctx: PluginContext): CollectionBeforeChangeHook =>
  ({ data, req }) => {
    const errors: FieldError[] = []
    const endpoints = data.endpoints as unknown
    if (endpoints !== undefined && endpoints !== null && !(Array.isArray(endpoints) && endpoints.every((e) => typeof e === 'string'))) {
      errors.push({ path: 'endpoints', message: 'must be a list of URLs (strings)' })
    }
    const outputs = data.outputs as unknown
    if (outputs !== undefined && outputs !== null && (typeof outputs !== 'object' || Array.isArray(outputs))) {
      errors.push({ path: 'outputs', message: 'must be an object' })
    }
    if (errors.length) throw fieldValidationError(ctx.cfg.deploymentsSlug, errors, req)
    return data
  }
