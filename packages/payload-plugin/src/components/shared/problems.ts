import type { FieldError } from './types.js'

/** What went wrong with a request, split into field problems and a general message. */
export interface ApiProblem {
  status: number
  message: string
  fieldErrors: FieldError[]
}

export class ApiError extends Error {
  readonly problem: ApiProblem
  constructor(problem: ApiProblem) {
    super(problem.message)
    this.problem = problem
  }
}

type ErrorEntry = { message?: unknown; path?: unknown; field?: unknown; data?: { errors?: unknown } }

/**
 * Reads every error shape the server sends: Payload's `{ errors: [{ message, data: { errors:
 * [{ path, message }] } }] }` (ValidationError, 400) and the plugin's `{ errors: [{ path, message }] }`
 * (preview) or `{ errors: [{ message }] }` (403/404/409).
 */
export function parseProblem(status: number, body: unknown): ApiProblem {
  const fieldErrors: FieldError[] = []
  const messages: string[] = []
  const entries = (body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: ErrorEntry[] }).errors : []) as ErrorEntry[]
  for (const entry of entries) {
    const nested = Array.isArray(entry?.data?.errors) ? (entry.data.errors as ErrorEntry[]) : []
    if (nested.length) {
      for (const e of nested) {
        const path = typeof e.path === 'string' ? e.path : typeof e.field === 'string' ? e.field : ''
        fieldErrors.push({ path, message: String(e.message ?? 'is invalid') })
      }
    } else if (typeof entry?.path === 'string' && entry.path !== '') {
      fieldErrors.push({ path: entry.path, message: String(entry.message ?? 'is invalid') })
    } else if (entry?.message) {
      messages.push(String(entry.message))
    }
  }
  if (!messages.length && !fieldErrors.length) {
    const text = body && typeof body === 'object' && 'message' in body ? String((body as { message: unknown }).message) : ''
    messages.push(text || `The server answered ${status}.`)
  }
  const message = messages.length ? messages.join(' ') : fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ')
  return { status, message, fieldErrors }
}
