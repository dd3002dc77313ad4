import { COMPOSE_FILE, renderGenerator } from '@orbit/deployments-core'
import type { Executor, GenerateRequest, GenerateResult, GeneratorDefinition, ValidationResult } from '@orbit/deployments-core'

/**
 * `docker-compose`: generate-only, as in the design. `generate` renders the generator's files
 * (docker-compose.yml for the built-in generator) to be committed; developers run
 * `docker compose up` themselves, so `execute` returns null and `destroy` touches nothing.
 *
 * @example
 * const executor = createDockerComposeExecutor()
 * const result = await executor.generate(req) // { files: [{ path: 'docker-compose.yml', … }], commitToRepo: true }
 */
export function createDockerComposeExecutor(): Executor {
  return {
    type: 'docker-compose',
    displayName: 'Docker Compose',
    deploys: false,
    async validateConfig(_config: Record<string, unknown>, generator: GeneratorDefinition): Promise<ValidationResult> {
      const composeFile = generator.templateFiles.some((f) => COMPOSE_FILE.test(f.path))
      return composeFile
        ? { valid: true }
        : { valid: false, errors: [{ path: 'templateFiles', message: 'a docker-compose generator must have a compose file (docker-compose.yml or compose.yaml)' }] }
    },
    async prepare(): Promise<void> {},
    async generate(req: GenerateRequest): Promise<GenerateResult> {
      return { files: renderGenerator(req.generator, req.config), commitToRepo: true }
    },
    async execute(): Promise<null> {
      return null
    },
    async destroy(req): Promise<void> {
      req.logger.info('docker-compose deployments run on developer machines; nothing to tear down', { deploymentId: req.deploymentId })
    },
  }
}
