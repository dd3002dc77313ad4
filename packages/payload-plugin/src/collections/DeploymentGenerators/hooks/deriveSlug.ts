import type { CollectionBeforeValidateHook } from 'payload'

import { slugify } from '../../../utilities/slugify.js'

/** Fills an empty `slug` from `name` (on create, or when an update clears it). */
export const deriveSlugHook = (): CollectionBeforeValidateHook => ({ data, operation, originalDoc }) => {
  if (!data) return data
  const empty = data.slug === undefined || data.slug === null || (typeof data.slug === 'string' && data.slug.trim() === '')
  const cleared = operation === 'update' && data.slug !== undefined && empty
  if ((operation === 'create' && empty) || cleared) {
    const name = typeof data.name === 'string' ? data.name : (originalDoc as { name?: unknown } | undefined)?.name
    if (typeof name === 'string' && name.trim()) data.slug = slugify(name)
  }
  return data
}
