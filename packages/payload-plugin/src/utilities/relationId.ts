/** The id behind a relationship value: the id itself (depth 0) or a populated document's `id`. */
export function relationId(value: unknown): number | string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    if (typeof id === 'string' || typeof id === 'number') return id
  }
  return undefined
}

/** Whether two relationship values point at the same document (ids compared as strings). */
export function sameRelation(a: unknown, b: unknown): boolean {
  const x = relationId(a)
  const y = relationId(b)
  return x !== undefined && y !== undefined && String(x) === String(y)
}
