'use client'
import { useConfig } from '@payloadcms/ui'
import { useMemo } from 'react'

import { ApiError, parseProblem } from './problems.js'

export { ApiError, parseProblem }
export type { ApiProblem } from './problems.js'

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
