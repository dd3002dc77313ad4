import pino from 'pino'
import type { DestinationStream, Logger } from 'pino'
import { redact } from './errors.js'

/** Field paths pino censors wherever they appear in a log object. */
export const REDACT_PATHS = [
  'token',
  'apiKey',
  'password',
  'authorization',
  'headers.authorization',
  '*.token',
  '*.apiKey',
  '*.password',
  '*.authorization',
  '*.headers.authorization',
  'config.environment',
  '*.config',
]

/**
 * The worker's structured logger (JSON lines). Known field names are censored by pino's
 * `redact`, and every configured secret value is scrubbed from messages and string fields, so a
 * token that slips into an error message still never reaches the log.
 *
 * @example
 * const logger = createLogger({ level: 'info', secrets: [process.env.ORBIT_GIT_TOKEN ?? ''] })
 */
export function createLogger(options: { level?: string; secrets?: string[]; destination?: DestinationStream } = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4)
  const scrub = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return redact(value, secrets)
    if (depth > 4 || value === null || typeof value !== 'object') return value
    if (value instanceof Error) return { type: value.name, message: redact(value.message, secrets) }
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]))
  }
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'orbit-worker' },
      redact: { paths: REDACT_PATHS, censor: '***' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>)
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  )
}
