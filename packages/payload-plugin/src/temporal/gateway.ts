import {
  DEPLOYMENT_WORKFLOW_TYPE,
  DESTROY_WORKFLOW_TYPE,
  deploymentWorkflowId,
} from '@orbit/deployments-core'
import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, isGrpcServiceError } from '@temporalio/client'

import type { StartOutcome, TemporalOptions } from '../types.js'

/** Temporal could not be reached (refused, timed out, or it failed recently and we are backing off). */
export class TemporalUnavailableError extends Error {
  constructor(readonly address: string, reason: string) {
    super(`Temporal is unreachable at ${address} (${reason})`)
    this.name = 'TemporalUnavailableError'
  }
}

/** The state of a deployment's latest workflow run, as Temporal describes it. */
export interface RunInfo {
  workflowId: string
  runId: string
  type: string
  /** RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT, … */
  status: string
  open: boolean
  closeTime?: Date | undefined
}

// gRPC codes that mean "the server is not there / did not answer in time".
const TRANSPORT_CODES = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */])

function isTransportError(error: unknown): boolean {
  if (isGrpcServiceError(error)) return TRANSPORT_CODES.has(error.code)
  const e = error as { code?: unknown; cause?: unknown; name?: unknown } | null
  if (e && typeof e === 'object') {
    if (typeof e.code === 'number' && TRANSPORT_CODES.has(e.code)) return true
    if (e.name === 'ServiceError' && e.cause) return isTransportError(e.cause)
  }
  return false
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e)
  return chain
}

/** A few words for people: never a stack trace, never server internals. */
function shortReason(error: unknown): string {
  for (const e of causes(error)) {
    const code = (e as { code?: unknown }).code
    const text = `${(e as { message?: unknown }).message ?? ''} ${(e as { details?: unknown }).details ?? ''}`
    if (code === 4 || /deadline|timed? ?out/i.test(text)) return 'no answer in time'
    if (/ECONNREFUSED|connection refused|No connection established/i.test(text)) return 'connection refused'
    if (code === 14) return 'connection refused'
    if (code === 1) return 'call cancelled'
  }
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.slice(0, 160)
}

interface Live {
  connection: Connection
  client: Client
  /** Calls still using this connection; a retired connection closes when the last one ends. */
  inflight: number
  retired: boolean
}

/**
 * The plugin's only door to Temporal. Connects lazily on first use (never at config load),
 * bounds every connect and call by `timeoutMs`, and after a failure answers "unreachable"
 * at once for `unreachableCacheMs` so creates stay fast while Temporal is down.
 */
export class TemporalGateway {
  private live: Promise<Live> | null = null
  private current: Live | null = null
  private downUntil = 0
  private downReason = ''

  constructor(readonly options: Required<TemporalOptions>) {}

  /** The workflow ID every run of this deployment uses. */
  workflowId(deploymentId: string | number): string {
    return deploymentWorkflowId(deploymentId)
  }

  private connect(): Promise<Live> {
    if (Date.now() < this.downUntil) {
      return Promise.reject(new TemporalUnavailableError(this.options.address, `${this.downReason}; retrying shortly`))
    }
    if (!this.live) {
      const { address, namespace, timeoutMs } = this.options
      const pending: Promise<Live> = Connection.connect({ address, connectTimeout: timeoutMs }).then(
        (connection) => {
          const live: Live = { connection, client: new Client({ connection, namespace }), inflight: 0, retired: false }
          if (this.live === pending) this.current = live
          return live
        },
        (error: unknown) => {
          if (this.live === pending) this.live = null
          throw this.markDown(error)
        },
      )
      this.live = pending
    }
    return this.live
  }

  private markDown(error: unknown, live?: Live): TemporalUnavailableError {
    if (error instanceof TemporalUnavailableError) return error
    this.downReason = shortReason(error)
    this.downUntil = Date.now() + this.options.unreachableCacheMs
    // Retire the connection: a fresh one after the pause reconnects at once, while gRPC's own
    // reconnect back-off could leave a restarted server unused for minutes. It is closed only
    // once no call uses it any more (closing under a retrying call throws inside gRPC's timers).
    if (live && !live.retired) {
      live.retired = true
      if (this.current === live) {
        this.current = null
        this.live = null
      }
    }
    return new TemporalUnavailableError(this.options.address, this.downReason)
  }

  private release(live: Live): void {
    live.inflight--
    if (live.retired && live.inflight === 0) live.connection.close().catch(() => undefined)
  }

  /** Runs one call against Temporal with a deadline; transport failures become TemporalUnavailableError. */
  private async call<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const live = await this.connect()
    live.inflight++
    try {
      return await live.client.withDeadline(Date.now() + this.options.timeoutMs, () => fn(live.client))
    } catch (error) {
      if (isTransportError(error)) throw this.markDown(error, live)
      throw error
    } finally {
      this.release(live)
    }
  }

  private async start(type: string, deploymentId: string | number): Promise<StartOutcome> {
    const workflowId = this.workflowId(deploymentId)
    try {
      const handle = await this.call((client) =>
        client.workflow.start(type, {
          workflowId,
          taskQueue: this.options.taskQueue,
          args: [{ deploymentId: String(deploymentId) }],
        }),
      )
      return { result: 'started', workflowId, runId: handle.firstExecutionRunId }
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { result: 'already-running', workflowId }
      if (error instanceof TemporalUnavailableError) return { result: 'unavailable', workflowId, message: error.message }
      throw error
    }
  }

  /** Starts `deploymentWorkflow` for a deployment; a run already open counts as success. */
  startDeployment(deploymentId: string | number): Promise<StartOutcome> {
    return this.start(DEPLOYMENT_WORKFLOW_TYPE, deploymentId)
  }

  /** Starts `destroyDeploymentWorkflow` (same workflow ID, so never beside an open run). */
  startDestroy(deploymentId: string | number): Promise<StartOutcome> {
    return this.start(DESTROY_WORKFLOW_TYPE, deploymentId)
  }

  /** The latest run for a deployment, or null when Temporal has none. Throws TemporalUnavailableError. */
  async describe(deploymentId: string | number): Promise<RunInfo | null> {
    const workflowId = this.workflowId(deploymentId)
    try {
      const d = await this.call((client) => client.workflow.getHandle(workflowId).describe())
      return {
        workflowId,
        runId: d.runId,
        type: d.type,
        status: d.status.name,
        open: d.status.name === 'RUNNING',
        closeTime: d.closeTime,
      }
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null
      throw error
    }
  }

  /** Closes the connection if one was made (at once if idle, else when its last call ends). Safe to call twice. */
  async close(): Promise<void> {
    const pending = this.live
    this.live = null
    this.current = null
    const live = await pending?.catch(() => null)
    if (!live || live.retired) return
    live.retired = true
    if (live.inflight === 0) await live.connection.close().catch(() => undefined)
  }
}
