import type { DeploymentStatus, HealthStatus } from './types.js'

/** Statuses with a run in progress (core's RUNNING_STATUSES, repeated here so the browser bundle does not load core). */
export const OPEN_RUN_STATUSES: readonly DeploymentStatus[] = ['pending', 'generating', 'deploying']

export const isRunOpen = (status: DeploymentStatus | null | undefined): boolean => !!status && OPEN_RUN_STATUSES.includes(status)

export const STATUS_LABELS: Record<DeploymentStatus, string> = {
  pending: 'Pending',
  generating: 'Generating',
  generated: 'Generated',
  deploying: 'Deploying',
  deployed: 'Deployed',
  failed: 'Failed',
  destroyed: 'Destroyed',
}

export type Tone = 'neutral' | 'progress' | 'success' | 'error' | 'muted' | 'warning'

export const STATUS_TONES: Record<DeploymentStatus, Tone> = {
  pending: 'progress',
  generating: 'progress',
  deploying: 'progress',
  generated: 'success',
  deployed: 'success',
  failed: 'error',
  destroyed: 'muted',
}

export const HEALTH_LABELS: Record<HealthStatus, string> = { healthy: 'Healthy', degraded: 'Degraded', down: 'Down', unknown: 'Unknown' }
export const HEALTH_TONES: Record<HealthStatus, Tone> = { healthy: 'success', degraded: 'warning', down: 'error', unknown: 'muted' }

/** "3 minutes ago"-style text for a timestamp, with the exact time for a title attribute. */
export function formatWhen(iso: string | null | undefined, now = Date.now()): { text: string; exact: string } | null {
  if (!iso) return null
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return null
  const seconds = Math.round((now - at.getTime()) / 1000)
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
  let text: string
  if (Math.abs(seconds) < 45) text = rtf.format(-seconds, 'second')
  else if (Math.abs(seconds) < 45 * 60) text = rtf.format(-Math.round(seconds / 60), 'minute')
  else if (Math.abs(seconds) < 22 * 3600) text = rtf.format(-Math.round(seconds / 3600), 'hour')
  else text = rtf.format(-Math.round(seconds / 86400), 'day')
  return { text, exact: at.toLocaleString() }
}

/**
 * A web link to a commit when the repository is on a host with the usual `/commit/<sha>` pages
 * (GitHub, GitLab, Gitea, Bitbucket use `/commits/`); null for file:// and unknown remotes.
 */
export function commitUrl(repositoryUrl: string | null | undefined, sha: string | null | undefined): string | null {
  if (!repositoryUrl || !sha || !/^[0-9a-f]{7,64}$/i.test(sha)) return null
  let web: string | null = null
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(\.git)?\/?$/.exec(repositoryUrl)
  if (scp) web = `https://${scp[1]}/${scp[2]}`
  else {
    try {
      const url = new URL(repositoryUrl)
      if (url.protocol === 'https:' || url.protocol === 'http:') web = `${url.origin}${url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '')}`
      else if (url.protocol === 'ssh:') web = `https://${url.hostname}${url.pathname.replace(/\.git\/?$/, '')}`
    } catch {
      return null
    }
  }
  if (!web) return null
  return web.includes('bitbucket.org') ? `${web}/commits/${sha}` : `${web}/commit/${sha}`
}

/** Link to a workflow in the Temporal Web UI. */
export function temporalRunUrl(base: string | undefined, namespace: string | undefined, workflowId: string | null | undefined): string | null {
  if (!base || !workflowId) return null
  return `${base.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace || 'default')}/workflows/${encodeURIComponent(workflowId)}`
}

/** How often views poll a deployment while its run is open (the ceiling: once a second). */
export const FAST_POLL_MS_RUN = 1_000
