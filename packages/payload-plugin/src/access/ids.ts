import type { PayloadRequest } from 'payload'

/** Workspace ids as the database stores them (numbers on SQL adapters with serial ids). */
export function dbIds(req: PayloadRequest, ids: string[]): (number | string)[] {
  if (req.payload.db.defaultIDType !== 'number') return ids
  return ids.map((id) => (/^\d+$/.test(id) ? Number(id) : id))
}
