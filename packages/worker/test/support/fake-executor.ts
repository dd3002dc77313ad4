// A FAKE deploying executor, registered under `kubernetes` for tests only: there is no cluster
// here. It renders like docker-compose and "deploys" by returning the endpoints given to it, so
// the workflow's deploy path (deploying → deployed, endpoints, health checks) runs for real.
import { renderGenerator } from '@orbit/deployments-core'
import type { Executor } from '@orbit/deployments-core'

export function createFakeKubernetesExecutor(options: { endpoints: () => string[]; destroyed?: string[] }): Executor {
  return {
    type: 'kubernetes',
    displayName: 'Fake Kubernetes (tests only)',
    deploys: true,
    validateConfig: async () => ({ valid: true }),
    prepare: async () => {},
    generate: async (req) => ({ files: renderGenerator(req.generator, req.config), commitToRepo: true }),
    execute: async () => ({ status: 'deployed', endpoints: options.endpoints(), outputs: { fake: true } }),
    destroy: async (req) => {
      options.destroyed?.push(req.deploymentId)
    },
  }
}
