import type { FieldError } from '@orbit/deployments-core'
import { ValidationError } from 'payload'
import type { PayloadRequest } from 'payload'

/**
 * Core reports paths like `templateFiles[1].content` or `configSchema.properties.port`;
 * Payload's field paths use dots for array rows (`templateFiles.1.content`).
 */
export function toPayloadPath(path: string, prefix?: string): string {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '')
  if (!prefix) return dotted || 'root'
  return dotted ? `${prefix}.${dotted}` : prefix
}

/** A Payload ValidationError (HTTP 400) whose errors name each field. */
export function fieldValidationError(collection: string, errors: FieldError[], req?: PayloadRequest, prefix?: string): ValidationError {
  return new ValidationError(
    {
      collection,
      errors: errors.map((e) => ({ path: toPayloadPath(e.path, prefix), message: e.message })),
      ...(req ? { req } : {}),
    },
    req?.t,
  )
}
