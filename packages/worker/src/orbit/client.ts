import { OrbitApiError, OrbitTransportError } from '../errors.js'
import type { DeploymentPatch, OrbitDeployment } from './types.js'

export interface OrbitClientOptions {
  /** Base URL of the Orbit app, e.g. `http://localhost:3000`. */
  baseUrl: string
  /** The service account's API key (sent as `Authorization: users API-Key <key>`). */
  apiKey: string
  /** Per-request timeout. Default 15 s. */
  timeoutMs?: number
  /** Extra attempts after a transport error or a 5xx/429. Default 2 (Temporal retries the activity on top). */
  retries?: number
  /** Auth collection slug of the service account. Default `users`. */
  authCollection?: string
  /**
   * How long a 404 for a deployment is taken as "not committed yet" and asked again. The plugin
   * starts the workflow inside the create's database transaction, so a fast worker can ask
   * before the row is visible. Default 5 s; then the 404 stands (a deleted deployment).
   */
  notFoundGraceMs?: number
  fetch?: typeof fetch
}

/** What an Orbit REST error body looks like (Payload: `{ errors: [{ message }] }`). */
function messageOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const b = body as { errors?: unknown; message?: unknown }
    if (Array.isArray(b.errors) && b.errors.length) {
      const parts = b.errors.map((e: unknown) => {
        if (e && typeof e === 'object') {
          const x = e as { message?: unknown; path?: unknown; data?: unknown }
          const nested = (x.data as { errors?: Array<{ path?: string; message?: string }> } | undefined)?.errors
          if (Array.isArray(nested) && nested.length) return nested.map((n) => (n.path ? `${n.path}: ${n.message}` : String(n.message))).join('; ')
          if (typeof x.message === 'string') return typeof x.path === 'string' && x.path ? `${x.path}: ${x.message}` : x.message
        }
        return String(e)
      })
      return parts.join('; ')
    }
    if (typeof b.message === 'string') return b.message
  }
  return fallback
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The worker's client for Orbit's REST API (docs/contract.md). The worker never touches the
 * database: it reads deployments and writes status through here, as the service account.
 *
 * Transport errors and 5xx/429 answers are retried a few times with backoff, then thrown as
 * {@link OrbitTransportError}; a 4xx is thrown at once as {@link OrbitApiError} carrying the
 * server's message.
 *
 * @example
 * const orbit = new OrbitClient({ baseUrl: 'http://localhost:3000', apiKey })
 * const deployment = await orbit.getDeployment('42')
 * await orbit.updateDeployment('42', { status: 'generating' })
 */
export class OrbitClient {
  readonly baseUrl: string
  readonly #apiKey: string
  readonly #timeoutMs: number
  readonly #retries: number
  readonly #authCollection: string
  readonly #fetch: typeof fetch
  readonly #notFoundGraceMs: number

  constructor(options: OrbitClientOptions) {
    const url = new URL(options.baseUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Orbit URL must be http(s), got ${url.protocol}`)
    this.baseUrl = url.toString().replace(/\/+$/, '')
    if (!options.apiKey) throw new TypeError('Orbit API key is required')
    this.#apiKey = options.apiKey
    this.#timeoutMs = options.timeoutMs ?? 15_000
    this.#retries = options.retries ?? 2
    this.#authCollection = options.authCollection ?? 'users'
    this.#fetch = options.fetch ?? fetch
    this.#notFoundGraceMs = options.notFoundGraceMs ?? 5_000
  }

  /** The deployment with `app` and `generator` populated. */
  async getDeployment(id: string, signal?: AbortSignal): Promise<OrbitDeployment> {
    const deadline = Date.now() + this.#notFoundGraceMs
    for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
      try {
        return (await this.#request('GET', `/api/deployments/${encodeURIComponent(id)}?depth=1`, undefined, signal)) as OrbitDeployment
      } catch (e) {
        if (!(e instanceof OrbitApiError && e.status === 404) || Date.now() + wait > deadline) throw e
        await sleep(wait)
      }
    }
  }

  /** Writes worker-owned fields; returns the updated deployment (depth 0). */
  async updateDeployment(id: string, patch: DeploymentPatch, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const body = (await this.#request('PATCH', `/api/deployments/${encodeURIComponent(id)}?depth=0`, patch, signal)) as { doc?: Record<string, unknown> }
    return body.doc ?? (body as Record<string, unknown>)
  }

  async #request(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const what = `${method} ${path.replace(/\?.*$/, '')}`
    let lastProblem = ''
    for (let attempt = 0; attempt <= this.#retries; attempt++) {
      if (attempt > 0) await sleep(Math.min(4000, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2))
      signal?.throwIfAborted()
      const timeout = AbortSignal.timeout(this.#timeoutMs)
      let response: Response
      try {
        response = await this.#fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `${this.#authCollection} API-Key ${this.#apiKey}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        })
      } catch (e) {
        if (signal?.aborted) throw e
        const cause = (e as { cause?: { code?: string } }).cause?.code
        lastProblem = timeout.aborted ? `no answer within ${this.#timeoutMs} ms` : `cannot connect${cause ? ` (${cause})` : ''}`
        continue
      }
      const text = await response.text().catch(() => '')
      let parsed: unknown = undefined
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {
        parsed = undefined
      }
      if (response.ok) {
        if (parsed === undefined) throw new OrbitTransportError(`Orbit API ${what} answered ${response.status} without JSON`)
        return parsed
      }
      const message = messageOf(parsed, response.statusText || `HTTP ${response.status}`)
      if (response.status >= 500 || response.status === 429) {
        lastProblem = `answered ${response.status}: ${message}`
        continue
      }
      throw new OrbitApiError(response.status, `Orbit API ${what} answered ${response.status}: ${message}`)
    }
    throw new OrbitTransportError(`Orbit API ${what} failed: ${lastProblem} (at ${this.baseUrl})`)
  }
}
