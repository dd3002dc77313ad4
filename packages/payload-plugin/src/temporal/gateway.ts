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

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/deadline|timed? ?out/i.test(message)) return 'no answer in time'
  if (/ECONNREFUSED|connection refused|UNAVAILABLE|No connection established/i.test(message)) return 'connection refused'
  return message.split('\n')[0]!.slice(0, 160)
}

/**
 * The plugin's only door to Temporal. Connects lazily on first use (never at config load),
 * bounds every connect and call by `timeoutMs`, and after a failure answers "unreachable"
 * at once for `unreachableCacheMs` so creates stay fast while Temporal is down.
 */
export class TemporalGateway {
  private client: Promise<Client> | null = null
  private connection: Connection | null = null
  private downUntil = 0
  private downReason = ''

  constructor(readonly options: Required<TemporalOptions>) {}

  /** The workflow ID every run of this deployment uses. */
  workflowId(deploymentId: string | number): string {
    return deploymentWorkflowId(deploymentId)
  }

  private getClient(): Promise<Client> {
    if (Date.now() < this.downUntil) {
      return Promise.reject(new TemporalUnavailableError(this.options.address, `${this.downReason}; retrying shortly`))
    }
    if (!this.client) {
      const { address, namespace, timeoutMs } = this.options
      this.client = Connection.connect({ address, connectTimeout: timeoutMs })
        .then((connection) => {
          this.connection = connection
          return new Client({ connection, namespace })
        })
        .catch((error: unknown) => {
          this.client = null
          throw this.markDown(error)
        })
    }
    return this.client
  }

  private markDown(error: unknown): TemporalUnavailableError {
    if (error instanceof TemporalUnavailableError) return error
    this.downReason = shortReason(error)
    this.downUntil = Date.now() + this.options.unreachableCacheMs
    // Drop the connection: a fresh one after the pause reconnects at once, while gRPC's own
    // reconnect back-off could leave a restarted server unused for minutes.
    const connection = this.connection
    this.connection = null
    this.client = null
    if (connection) connection.close().catch(() => undefined)
    return new TemporalUnavailableError(this.options.address, this.downReason)
  }

  /** Runs one call against Temporal with a deadline; transport failures become TemporalUnavailableError. */
  private async call<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.getClient()
    try {
      return await client.withDeadline(Date.now() + this.options.timeoutMs, () => fn(client))
    } catch (error) {
      if (isTransportError(error)) throw this.markDown(error)
      throw error
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

  /** Closes the connection if one was made. Safe to call more than once. */
  async close(): Promise<void> {
    const connection = this.connection
    this.connection = null
    this.client = null
    if (connection) await connection.close().catch(() => undefined)
  }
}
