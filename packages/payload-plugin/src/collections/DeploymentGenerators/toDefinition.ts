import type { GeneratorDefinition } from '@orbit/deployments-core'

import { relationId } from '../../utilities/relationId.js'

/** A stored generator document as core's GeneratorDefinition (array row ids dropped). */
export function toDefinition(doc: Record<string, unknown>): GeneratorDefinition {
  const files = Array.isArray(doc.templateFiles)
    ? (doc.templateFiles as Record<string, unknown>[]).map((row) => ({ path: row?.path as string, content: row?.content as string }))
    : (doc.templateFiles as GeneratorDefinition['templateFiles'])
  return {
    name: doc.name as string,
    slug: doc.slug as string,
    description: (doc.description as string | null | undefined) ?? null,
    executorType: doc.executorType as GeneratorDefinition['executorType'],
    configSchema: doc.configSchema as GeneratorDefinition['configSchema'],
    templateFiles: files,
    isBuiltIn: doc.isBuiltIn === true,
    workspace: relationId(doc.workspace) ?? null,
    icon: (doc.icon as string | null | undefined) ?? null,
    category: (doc.category as GeneratorDefinition['category']) ?? null,
    version: doc.version as number,
  }
}
