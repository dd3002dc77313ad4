import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import type { PluginContext } from '../context.js'
import { LOG_PREFIX } from '../defaults.js'
import { startDeploymentWorkflow } from '../collections/Deployments/startWorkflow.js'
import { TemporalUnavailableError } from '../temporal/gateway.js'

export interface ReconcileReport {
  checked: number
  started: (number | string)[]
  /** Temporal could not be reached; nothing was checked. */
  unavailable: boolean
}

/**
 * One pass: every `pending` deployment (oldest first, up to `batchSize`) whose workflow has no
 * run, or whose last run closed before the deployment was last set pending, is started
 * (idempotently: the workflow ID is the deployment's). A run that closed *after* the
 * deployment's last change without moving it off `pending` is not restarted in a loop; it is
 * logged, and Re-generate starts it again.
 */
export async function reconcilePendingDeployments(ctx: PluginContext, payload: Payload, reqArg?: PayloadRequest): Promise<ReconcileReport> {
  const { cfg, gateway } = ctx
  const req = reqArg ?? (await createLocalReq({}, payload))
  const report: ReconcileReport = { checked: 0, started: [], unavailable: false }
  const { docs } = await payload.find({
    collection: cfg.deploymentsSlug,
    where: { status: { equals: 'pending' } },
    sort: 'updatedAt',
    limit: cfg.reconcile.batchSize,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const doc of docs as Record<string, unknown>[]) {
    const id = doc.id as number | string
    try {
      const run = await gateway.describe(id)
      report.checked++
      const updatedAt = new Date(String(doc.updatedAt)).getTime()
      if (run?.open) {
        if (doc.workflowId !== run.workflowId || doc.lastError) {
          await payload.update({ collection: cfg.deploymentsSlug, id, data: { workflowId: run.workflowId, lastError: null }, depth: 0, overrideAccess: true, req })
        }
        continue
      }
      if (run && run.closeTime && run.closeTime.getTime() > updatedAt) {
        payload.logger.warn(`${LOG_PREFIX} deployment ${id} is pending but its last run (${run.status}) ended after its last change; not restarting it (use Re-generate)`)
        continue
      }
      const { outcome } = await startDeploymentWorkflow(ctx, req, id)
      if (outcome.result === 'unavailable') {
        report.unavailable = true
        break
      }
      if (outcome.result === 'started') report.started.push(id)
    } catch (error) {
      if (error instanceof TemporalUnavailableError) {
        report.unavailable = true
        break
      }
      payload.logger.warn({ err: error, deploymentId: id }, `${LOG_PREFIX} reconciler could not check deployment ${id}`)
    }
  }
  return report
}

/**
 * Runs {@link reconcilePendingDeployments} every `intervalSeconds` in this process. The timer is
 * unref'd (it never keeps a process alive), passes never overlap, and `stop()` ends it.
 */
export function startReconciler(ctx: PluginContext, payload: Payload): { stop: () => void } {
  const ms = ctx.cfg.reconcile.intervalSeconds * 1000
  let running = false
  let stopped = false
  let wasUnavailable = false
  const tick = async () => {
    if (running || stopped) return
    running = true
    try {
      const report = await reconcilePendingDeployments(ctx, payload)
      if (report.unavailable && !wasUnavailable) payload.logger.warn(`${LOG_PREFIX} Temporal is unreachable at ${ctx.cfg.temporal.address}; pending deployments start once it is back`)
      if (report.started.length) payload.logger.info(`${LOG_PREFIX} reconciler started ${report.started.length} pending deployment(s)`)
      wasUnavailable = report.unavailable
    } catch (error) {
      if (!stopped) payload.logger.warn({ err: error }, `${LOG_PREFIX} reconciler pass failed`)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), ms)
  timer.unref()
  return {
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
  }
}
