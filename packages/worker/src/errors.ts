import { isOrbitError } from '@orbit/deployments-core'

/** Orbit's REST API answered with a 4xx: a business error (bad request, forbidden, not found). Not retried. */
export class OrbitApiError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'OrbitApiError'
    this.status = status
  }
}

/** Orbit could not be reached or answered 5xx/429: a transport problem. Retried with backoff. */
export class OrbitTransportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OrbitTransportError'
  }
}

/** A git command failed. `stderr` is already redacted. */
export class GitError extends Error {
  readonly args: readonly string[]
  readonly stderr: string
  constructor(message: string, args: readonly string[], stderr: string) {
    super(message)
    this.name = 'GitError'
    this.args = args
    this.stderr = stderr
  }
}

/** A repository URL or branch Orbit refuses to use (a user-supplied value on the app). */
export class RepositoryRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RepositoryRefusedError'
  }
}

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi
const BEARERISH = /\b(authorization|api-key|token|password|passwd|secret)(\s*[:=]\s*)(\S+)/gi

/**
 * Removes secrets from a text: every known secret value, credentials embedded in URLs
 * (`https://user:pass@host` → `https://***@host`) and `token=…`-like pairs.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***')
  }
  return out.replace(URL_USERINFO, '$1***@').replace(BEARERISH, '$1$2***')
}

/**
 * One or two sentences a developer can act on, for `lastError`: the message of an OrbitError
 * (it names the field) or a transport problem in plain words; never a stack trace or a secret.
 */
export function readableError(error: unknown, secrets: Iterable<string> = []): string {
  let message: string
  if (isOrbitError(error)) message = error.message
  else if (error instanceof Error) message = error.message
  else message = String(error)
  // Keep the first lines only: git's stderr can be long; stack frames never belong here.
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l))
  message = lines.slice(0, 3).join(' ')
  message = redact(message, secrets)
  return message.length > 600 ? `${message.slice(0, 597)}...` : message
}
