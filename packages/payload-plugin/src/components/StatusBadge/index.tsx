'use client'

import { HEALTH_LABELS, HEALTH_TONES, STATUS_LABELS, STATUS_TONES } from '../shared/format.js'
import { Styles } from '../shared/Styles.js'
import type { DeploymentStatus, HealthStatus } from '../shared/types.js'

/** A deployment's status as a coloured badge; in-progress statuses pulse (not under reduced motion). */
export function StatusBadge({ status }: { status: DeploymentStatus | null | undefined }) {
  const s = status ?? 'pending'
  return (
    <span className={`orbit-badge orbit-badge--${STATUS_TONES[s] ?? 'neutral'}`} data-status={s} role="status" aria-live="polite">
      {STATUS_LABELS[s] ?? s}
    </span>
  )
}

export function HealthBadge({ health }: { health: HealthStatus | null | undefined }) {
  const h = health ?? 'unknown'
  return (
    <span className={`orbit-badge orbit-badge--${HEALTH_TONES[h] ?? 'muted'}`} data-health={h}>
      {HEALTH_LABELS[h] ?? h}
    </span>
  )
}

/** List-view cell of the deployments collection's `status` column: the same badge as the panel. */
export function StatusCell({ cellData }: { cellData?: unknown }) {
  return (
    <>
      <Styles />
      <StatusBadge status={typeof cellData === 'string' ? (cellData as DeploymentStatus) : undefined} />
    </>
  )
}

/** List-view cell of the `healthStatus` column. */
export function HealthCell({ cellData }: { cellData?: unknown }) {
  return (
    <>
      <Styles />
      <HealthBadge health={typeof cellData === 'string' ? (cellData as HealthStatus) : undefined} />
    </>
  )
}
