import { headersWithCors } from 'payload'
import type { PayloadRequest } from 'payload'

/** A JSON response with Payload's CORS headers. */
export function respond(req: PayloadRequest, status: number, body: unknown): Response {
  return Response.json(body, { status, headers: headersWithCors({ headers: new Headers(), req }) })
}

/** `{ errors: [{ message }] }`, the shape Payload's own REST errors have. */
export function respondError(req: PayloadRequest, status: number, message: string, extra: Record<string, unknown> = {}): Response {
  return respond(req, status, { errors: [{ message }], ...extra })
}
