import { builtInGenerators } from '@orbit/deployments-core'
import type { GeneratorDefinition } from '@orbit/deployments-core'
import type { Payload } from 'payload'

import { LOG_PREFIX } from '../defaults.js'
import type { SanitizedDeploymentsPluginOptions } from '../types.js'

export interface SeedReport {
  created: string[]
  updated: string[]
  unchanged: string[]
  skipped: string[]
}

/**
 * Upserts built-in generators by slug: creates missing ones, replaces a stored built-in when
 * the shipped `version` is higher, leaves everything else alone. A workspace generator that
 * happens to use a built-in's slug is never touched (a warning says so).
 */
export async function seedBuiltInGenerators(
  payload: Payload,
  cfg: SanitizedDeploymentsPluginOptions,
  generators: readonly GeneratorDefinition[] = builtInGenerators,
): Promise<SeedReport> {
  const report: SeedReport = { created: [], updated: [], unchanged: [], skipped: [] }
  for (const generator of generators) {
    const data = {
      name: generator.name,
      slug: generator.slug,
      description: generator.description ?? null,
      executorType: generator.executorType,
      configSchema: generator.configSchema,
      templateFiles: generator.templateFiles.map(({ path, content }) => ({ path, content })),
      isBuiltIn: true,
      workspace: null,
      icon: generator.icon ?? null,
      category: generator.category ?? null,
      version: generator.version,
    }
    const { docs } = await payload.find({ collection: cfg.generatorsSlug, where: { slug: { equals: generator.slug } }, depth: 0, limit: 1, overrideAccess: true })
    const existing = docs[0] as Record<string, unknown> | undefined
    if (!existing) {
      await payload.create({ collection: cfg.generatorsSlug, data, overrideAccess: true })
      report.created.push(generator.slug)
    } else if (existing.isBuiltIn !== true) {
      payload.logger.warn(`${LOG_PREFIX} not seeding built-in generator "${generator.slug}": a workspace generator already uses that slug`)
      report.skipped.push(generator.slug)
    } else if (typeof existing.version !== 'number' || existing.version < generator.version) {
      await payload.update({ collection: cfg.generatorsSlug, id: existing.id as number | string, data, overrideAccess: true })
      report.updated.push(generator.slug)
    } else {
      report.unchanged.push(generator.slug)
    }
  }
  return report
}
