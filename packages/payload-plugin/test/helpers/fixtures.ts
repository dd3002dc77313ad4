import type { Stack } from './stack.js'

let counter = 0
/** A unique suffix for slugs and names (the same DB serves a whole test file). */
export function unique(prefix: string): string {
  counter += 1
  return `${prefix}-${process.pid}-${counter}`
}

/** A small valid generator: renders hello.txt from { name }. */
export function helloGenerator(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Hello',
    slug: unique('hello'),
    executorType: 'docker-compose',
    configSchema: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', maxLength: 40 } } },
    templateFiles: [{ path: 'hello.txt', content: 'Hello {{name}}\n' }],
    ...extra,
  }
}

export async function createGenerator(stack: Stack, extra: Record<string, unknown>) {
  return stack.payload.create({ collection: 'deployment-generators', data: helloGenerator(extra), overrideAccess: true, depth: 0 })
}

/** A deployment of the built-in docker-compose-local generator, created with overrideAccess. */
export async function createDeployment(stack: Stack, app: number | string, extra: Record<string, unknown> = {}) {
  return stack.payload.create({
    collection: 'deployments',
    data: { app, generator: stack.builtInGeneratorId, name: unique('dep'), config: { serviceName: 'auth-api', port: 8080 }, ...extra },
    overrideAccess: true,
    depth: 0,
  })
}

/** The HTTP-ish status of a Local API error (Payload's APIError carries one). */
export function errorStatus(error: unknown): number {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : 500
}
