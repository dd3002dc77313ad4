import type { CollectionConfig, Field } from 'payload'

import type { CollectionOverrides } from '../types.js'

/**
 * Applies a collection's overrides: spreads everything but `fields`/`slug`, lets `fields` map
 * the plugin's fields, and appends the plugin's hooks after the user's (so the plugin sees the
 * final data and its checks cannot be skipped by an override).
 */
export function applyOverrides(base: CollectionConfig, defaultFields: Field[], overrides: CollectionOverrides): CollectionConfig {
  const { fields: fieldsOverride, hooks: userHooks, ...rest } = overrides
  const hooks: NonNullable<CollectionConfig['hooks']> = { ...(userHooks ?? {}) }
  for (const [name, pluginHooks] of Object.entries(base.hooks ?? {})) {
    const key = name as keyof typeof hooks
    const before = (userHooks?.[key] ?? []) as unknown[]
    ;(hooks as Record<string, unknown[]>)[key] = [...before, ...((pluginHooks ?? []) as unknown[])]
  }
  const baseEndpoints = Array.isArray(base.endpoints) ? base.endpoints : []
  const userEndpoints = Array.isArray(rest.endpoints) ? rest.endpoints : []
  return {
    ...base,
    ...rest,
    slug: base.slug,
    fields: fieldsOverride ? fieldsOverride({ defaultFields }) : defaultFields,
    hooks,
    endpoints: [...baseEndpoints, ...userEndpoints],
  }
}
