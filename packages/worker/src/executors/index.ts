import { ExecutorRegistry } from '@orbit/deployments-core'
import { createDockerComposeExecutor } from './docker-compose/index.js'

export { createDockerComposeExecutor }

/** The registry of every executor this worker ships. */
export function createDefaultExecutorRegistry(): ExecutorRegistry {
  return new ExecutorRegistry([createDockerComposeExecutor()])
}
