/** Names shared by the plugin (which starts workflows) and the worker (which runs them). */
export const DEFAULT_TASK_QUEUE = 'orbit-deployments'
export const DEPLOYMENT_WORKFLOW_TYPE = 'deploymentWorkflow'
export const HEALTH_CHECK_WORKFLOW_TYPE = 'healthCheckWorkflow'
export const DESTROY_WORKFLOW_TYPE = 'destroyDeploymentWorkflow'

function checkId(kind: string, id: string): string {
  const value = String(id)
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(value)) {
    throw new TypeError(`${kind} must be 1-128 letters, digits, '_' or '-', got ${JSON.stringify(value.slice(0, 64))}`)
  }
  return value
}

/**
 * The one workflow ID for every run that changes a deployment (generate/deploy and destroy):
 * `deployment-<id>`. Sharing it means Temporal itself refuses a second run while one is open.
 */
export function deploymentWorkflowId(deploymentId: string | number): string {
  return `deployment-${checkId('deploymentId', String(deploymentId))}`
}

/** The workflow ID of a deployment's health checks: `deployment-<id>-health`. */
export function healthCheckWorkflowId(deploymentId: string | number): string {
  return `deployment-${checkId('deploymentId', String(deploymentId))}-health`
}
