import type { HealthStatus } from '@orbit/deployments-core'
import { condition, continueAsNew, log, proxyActivities, setHandler } from '@temporalio/workflow'
import type { OrbitActivities } from '../activities/types.js'
import type { HealthCheckInput, HealthState } from './definitions.js'
import { healthQuery, stopHealthChecksSignal, updateEndpointsSignal } from './definitions.js'

const retry = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 5 }

/**
 * Periodic HTTP checks of a deployment's endpoints. Every endpoint answering (< 400) is
 * `healthy`; any failure is `degraded`, and `downAfter` consecutive checks where every endpoint
 * fails is `down`. Health is written to Orbit when it changes and at least every `writeEvery`
 * checks; the run continues-as-new every `checksPerRun` checks and ends on the stop signal or
 * when Orbit says the deployment is destroyed (or gone).
 */
export async function healthCheckWorkflow(input: HealthCheckInput): Promise<void> {
  const intervalMs = Math.max(1, input.intervalSeconds ?? 30) * 1000
  const timeoutMs = Math.max(1, input.timeoutSeconds ?? 5) * 1000
  const downAfter = Math.max(1, input.downAfter ?? 3)
  const writeEvery = Math.max(1, input.writeEvery ?? 10)
  const checksPerRun = Math.max(1, input.checksPerRun ?? 100)
  const act = proxyActivities<OrbitActivities>({ startToCloseTimeout: `${Math.ceil(timeoutMs / 1000) + 30}s`, retry })

  let endpoints = [...input.endpoints]
  const state: HealthState = input.state ?? { health: 'unknown', consecutiveFailures: 0, checksSinceWrite: 0, written: null, checks: 0 }
  let stopped = false
  setHandler(stopHealthChecksSignal, () => {
    stopped = true
  })
  setHandler(updateEndpointsSignal, (next) => {
    endpoints = [...next]
    state.consecutiveFailures = 0
  })
  setHandler(healthQuery, () => ({ ...state, endpoints }))

  for (let i = 0; i < checksPerRun; i++) {
    if (stopped) return
    const results = await act.checkEndpoints({ endpoints, timeoutMs })
    const ok = results.filter((r) => r.ok).length
    let health: HealthStatus
    if (results.length > 0 && ok === results.length) {
      state.consecutiveFailures = 0
      health = 'healthy'
    } else {
      state.consecutiveFailures += ok === 0 ? 1 : 0
      health = ok === 0 && state.consecutiveFailures >= downAfter ? 'down' : 'degraded'
    }
    state.health = health
    state.checks += 1
    state.checksSinceWrite += 1
    if (health !== state.written || state.checksSinceWrite >= writeEvery) {
      try {
        const { stop } = await act.recordHealth({ deploymentId: input.deploymentId, healthStatus: health })
        state.written = health
        state.checksSinceWrite = 0
        if (stop) return
      } catch (e) {
        // Orbit unreachable beyond the retries: keep checking; the next check writes again.
        log.warn('could not write health to Orbit', { deploymentId: input.deploymentId, error: e instanceof Error ? e.message : String(e) })
      }
    }
    if (await condition(() => stopped, intervalMs)) return
  }
  await continueAsNew<typeof healthCheckWorkflow>({ ...input, endpoints, state })
}
