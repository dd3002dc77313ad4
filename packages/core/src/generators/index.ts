import type { GeneratorDefinition } from '../types.js'
import { dockerComposeLocal } from './docker-compose-local.js'

export { dockerComposeLocal }

/** Generators Orbit ships; the plugin upserts them by slug when their version is newer. */
export const builtInGenerators: readonly GeneratorDefinition[] = Object.freeze([dockerComposeLocal])
