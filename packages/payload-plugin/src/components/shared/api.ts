'use client'
import { useConfig } from '@payloadcms/ui'
import { useMemo } from 'react'

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

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      credentials: 'include',
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    })
  } catch {
    throw new ApiError({ status: 0, message: 'Orbit could not be reached; check your connection and try again.', fieldErrors: [] })
  }
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = { message: text.slice(0, 300) }
  }
  if (!res.ok) throw new ApiError(parseProblem(res.status, body))
  return body as T
}

export interface Api {
  base: string
  get<T>(path: string): Promise<T>
  post<T>(path: string, body?: unknown): Promise<T>
}

/** REST helpers rooted at the admin's configured API route (`serverURL` + `routes.api`). */
export function useApi(): Api {
  const { config } = useConfig()
  const base = `${config.serverURL ?? ''}${config.routes?.api ?? '/api'}`
  return useMemo(
    () => ({
      base,
      get: <T,>(path: string) => request<T>(`${base}${path}`, { method: 'GET' }),
      post: <T,>(path: string, body?: unknown) =>
        request<T>(`${base}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) }),
    }),
    [base],
  )
}

/** The id of a relationship value, populated or not. */
export function relId(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') {
    const id = (value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value
    return id === undefined || id === null ? undefined : String(id)
  }
  return String(value)
}
