import type { Access, PayloadRequest, Where } from 'payload'

import { respondError } from './respond.js'

export type DocAccess = 'ok' | 'unauthenticated' | 'not-found' | 'forbidden'

async function passes(req: PayloadRequest, collection: string, id: number | string, access: Access): Promise<boolean> {
  const result = await access({ req, id })
  if (result === false) return false
  const where: Where = result === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, result] }
  try {
    const { totalDocs } = await req.payload.count({ collection, where, overrideAccess: true, req })
    return totalDocs > 0
  } catch {
    return false // an id the database cannot even parse is a document that does not exist
  }
}

/**
 * Whether the user behind `req` may read document `id` and then perform an operation guarded
 * by `operation` on it: 401 without a user, 404 when the document is missing or unreadable
 * (so other workspaces' documents are not even confirmed to exist), 403 when readable only.
 */
export async function checkDocAccess(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  read: Access,
  operation?: Access,
): Promise<DocAccess> {
  if (!req.user) return 'unauthenticated'
  if (!(await passes(req, collection, id, read))) return 'not-found'
  if (operation && !(await passes(req, collection, id, operation))) return 'forbidden'
  return 'ok'
}

export const ACCESS_STATUS: Record<Exclude<DocAccess, 'ok'>, [number, string]> = {
  unauthenticated: [401, 'You must be signed in to do this.'],
  'not-found': [404, 'Not found.'],
  forbidden: [403, 'You are not allowed to perform this action.'],
}

/**
 * The prologue of every `/:id/<action>` endpoint: the route's id, then {@link checkDocAccess}.
 * Returns the id, or the error response (400 without an id, then 401/404/403) to send as is.
 */
export async function authorizeDocRequest(
  req: PayloadRequest,
  collection: string,
  read: Access,
  operation?: Access,
): Promise<{ id: string; denied?: undefined } | { id?: undefined; denied: Response }> {
  const id = req.routeParams?.id as string | undefined
  if (!id) return { denied: respondError(req, 400, 'id is required') }
  const allowed = await checkDocAccess(req, collection, id, read, operation)
  if (allowed !== 'ok') return { denied: respondError(req, ...ACCESS_STATUS[allowed]) }
  return { id }
}
