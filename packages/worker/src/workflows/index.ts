// The workflows this worker runs (bundled for the Temporal sandbox) and the names clients use.
export { deploymentWorkflow, destroyDeploymentWorkflow } from './deployment.js'
export { healthCheckWorkflow } from './health.js'
export * from './definitions.js'
