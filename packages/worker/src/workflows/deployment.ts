import { deploymentWorkflowId, healthCheckWorkflowId } from '@orbit/deployments-core'
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  CancelledFailure,
  ParentClosePolicy,
  TimeoutFailure,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow'
import type { OrbitActivities } from '../activities/types.js'
import type { DeploymentProgress, DeploymentStep, DeploymentWorkflowInput, DeploymentWorkflowResult } from './definitions.js'
import { progressQuery, stopHealthChecksSignal, updateEndpointsSignal } from './definitions.js'
import { healthCheckWorkflow } from './health.js'

const retry = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 8 }

/**
 * REST calls to Orbit: short, retried on transport errors. Local activities: they run in the
 * worker that runs the workflow task, without a round trip through the Temporal server per call
 * (results are still recorded in history, so a replay on another worker does not repeat them).
 */
const orbit = proxyLocalActivities<OrbitActivities>({ startToCloseTimeout: '45s', localRetryThreshold: '10s', retry })

/**
 * Work in a checkout (clone → generate → commit/push → remove): heartbeats every 2 s, so a
 * worker that dies is noticed after 15 s and the attempt restarts from a fresh clone elsewhere.
 */
const work = proxyActivities<OrbitActivities>({ startToCloseTimeout: '15m', heartbeatTimeout: '15s', retry: { ...retry, maximumAttempts: 6 } })

/** Words for the failures Temporal reports, for `lastError` (the activity's own message when there is one). */
function describe(error: unknown, step: DeploymentStep): string {
  let e: unknown = error
  if (e instanceof ActivityFailure && e.cause) e = e.cause
  if (e instanceof ApplicationFailure) return e.message
  if (e instanceof TimeoutFailure) return `The worker did not finish the ${step} step in time; it will be retried on re-generate.`
  if (e instanceof CancelledFailure || isCancellation(error)) return 'The run was cancelled.'
  if (e instanceof Error && e.message) return e.message
  return `The ${step} step failed.`
}

/** Writes `failed` + lastError, also when the run was cancelled; a deployment that is gone cannot be marked. */
async function recordFailure(deploymentId: string, message: string): Promise<void> {
  try {
    await CancellationScope.nonCancellable(() => orbit.markFailed({ deploymentId, message }))
  } catch (e) {
    log.warn('could not record the failure on the deployment', { deploymentId, error: e instanceof Error ? e.message : String(e) })
  }
}

/**
 * Generate (and, for executors that deploy, deploy) one deployment: load it through Orbit's REST
 * API → validate its config → `generating` → clone, render, commit, push (one activity, so no
 * local path crosses an activity boundary) → execute → `generated`/`deployed` with the commit
 * SHA → health checks as an abandoned child when there are endpoints. Any failure writes
 * `failed` with a readable lastError and fails the workflow.
 */
export async function deploymentWorkflow(input: DeploymentWorkflowInput): Promise<DeploymentWorkflowResult> {
  const deploymentId = String(input?.deploymentId)
  try {
    deploymentWorkflowId(deploymentId) // validates the ID's shape
  } catch (e) {
    // A plain error here would fail the workflow task and be retried for ever: fail the run.
    throw ApplicationFailure.create({ type: 'INPUT_INVALID', nonRetryable: true, message: (e as Error).message })
  }
  const progress: DeploymentProgress = { deploymentId, step: 'loading' }
  setHandler(progressQuery, () => progress)
  try {
    const summary = await orbit.loadDeployment({ deploymentId })
    progress.step = 'validating'
    await orbit.validateDeploymentConfig({ deploymentId })
    progress.step = 'generating'
    await orbit.setStatus({ deploymentId, status: 'generating', lastError: null })
    progress.step = 'committing'
    const generated = await work.generateAndCommit({ deploymentId })
    progress.commitSha = generated.commitSha

    let status: DeploymentWorkflowResult['status'] = 'generated'
    let endpoints: string[] = []
    let outputs: Record<string, unknown> = {}
    if (summary.deploys) {
      await orbit.completeDeployment({ deploymentId, status: 'generated', commitSha: generated.commitSha, endpoints: [], outputs: {} })
      progress.step = 'deploying'
      await orbit.setStatus({ deploymentId, status: 'deploying' })
      const executed = await work.executeDeployment({ deploymentId, commitSha: generated.commitSha })
      if (executed) {
        if (executed.status === 'failed') {
          throw ApplicationFailure.create({ type: 'EXECUTOR_FAILED', nonRetryable: true, message: `The ${summary.executorType} executor reported that the deployment failed.` })
        }
        status = 'deployed'
        endpoints = executed.endpoints
        outputs = executed.outputs
      }
    }
    progress.step = 'recording'
    await orbit.completeDeployment({ deploymentId, status, commitSha: generated.commitSha, endpoints, outputs })

    if (endpoints.length > 0) {
      progress.step = 'starting-health-checks'
      const healthId = healthCheckWorkflowId(deploymentId)
      try {
        await startChild(healthCheckWorkflow, {
          workflowId: healthId,
          parentClosePolicy: ParentClosePolicy.ABANDON,
          args: [{ deploymentId, endpoints, ...summary.health }],
        })
      } catch (e) {
        if ((e as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw e
        // Checks from an earlier deploy are still running: point them at the new endpoints.
        await getExternalWorkflowHandle(healthId).signal(updateEndpointsSignal, endpoints)
      }
    }
    progress.step = 'done'
    return { status, commitSha: generated.commitSha, changed: generated.changed, endpoints }
  } catch (error) {
    const failedAt = progress.step
    const message = describe(error, failedAt)
    progress.step = 'failed'
    progress.error = message
    await recordFailure(deploymentId, message)
    throw ApplicationFailure.create({ type: 'DEPLOYMENT_FAILED', nonRetryable: true, message: `Deployment ${deploymentId} failed at ${failedAt}: ${message}` })
  }
}

/**
 * Tear a deployment down: the executor's destroy, status `destroyed`, health checks stopped.
 * Shares the workflow ID `deployment-<id>` with generate, so the two never overlap.
 */
export async function destroyDeploymentWorkflow(input: DeploymentWorkflowInput): Promise<void> {
  const deploymentId = String(input.deploymentId)
  const progress: DeploymentProgress = { deploymentId, step: 'destroying' }
  setHandler(progressQuery, () => progress)
  try {
    await work.destroyDeployment({ deploymentId })
    await orbit.setStatus({ deploymentId, status: 'destroyed', lastError: null })
    try {
      await getExternalWorkflowHandle(healthCheckWorkflowId(deploymentId)).signal(stopHealthChecksSignal)
    } catch {
      // No health checks running: nothing to stop.
    }
    progress.step = 'done'
  } catch (error) {
    const message = describe(error, 'destroying')
    progress.step = 'failed'
    progress.error = message
    await recordFailure(deploymentId, `Destroy failed: ${message}`)
    throw ApplicationFailure.create({ type: 'DESTROY_FAILED', nonRetryable: true, message: `Destroying deployment ${deploymentId} failed: ${message}` })
  }
}
