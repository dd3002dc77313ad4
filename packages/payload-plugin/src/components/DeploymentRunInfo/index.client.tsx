'use client'
import { useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { DeploymentActions } from '../DeploymentActions/index.js'
import { HealthBadge, StatusBadge } from '../StatusBadge/index.js'
import { useApi } from '../shared/api.js'
import { FAST_POLL_MS_RUN, formatWhen, isRunOpen, temporalRunUrl } from '../shared/format.js'
import { Styles } from '../shared/Styles.js'
import type { DeploymentDoc, DeploymentStatus, OrbitClientProps } from '../shared/types.js'

/** Fields only the worker writes: read-only for every person, so the live values can replace them in the form. */
const WORKER_FIELDS = ['status', 'workflowId', 'commitSha', 'lastDeployedAt', 'lastDeployedBy', 'healthStatus', 'healthLastChecked', 'lastError'] as const

/**
 * Sidebar box of a deployment's edit view: live status (polled every second while a run is
 * open), last error, a link to the run in the Temporal UI, and Re-generate / Destroy. What it
 * reads also goes into the form's worker-written fields, so the Status or Commit SHA fields
 * below never contradict the live box until a reload.
 */
export function DeploymentRunInfo(props: OrbitClientProps) {
  const { deploymentsSlug = 'deployments', temporalUiUrl = 'http://localhost:8233', temporalNamespace = 'default' } = props
  const { id, docPermissions } = useDocumentInfo()
  const perms = docPermissions as { update?: unknown; delete?: unknown } | undefined
  const api = useApi()
  const formStatus = useFormFields(([fields]) => fields.status?.value) as DeploymentStatus | undefined
  const [doc, setDoc] = useState<DeploymentDoc | null>(null)

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    try {
      setDoc(await api.get<DeploymentDoc>(`/${deploymentsSlug}/${encodeURIComponent(String(id))}?depth=0`))
    } catch {
      /* keep the last known state; the form shows the stored values */
    }
  }, [api, deploymentsSlug, id])

  const { dispatchFields, getDataByPath } = useForm()
  useEffect(() => {
    if (!doc) return
    for (const path of WORKER_FIELDS) {
      const value = (doc as unknown as Record<string, unknown>)[path] ?? null
      if (JSON.stringify(getDataByPath(path) ?? null) === JSON.stringify(value)) continue
      // Value and initial value together: the form stays unmodified (nothing for the person to save).
      dispatchFields({ type: 'UPDATE', path, value, initialValue: value })
    }
  }, [doc, dispatchFields, getDataByPath])

  const status = doc?.status ?? formStatus
  const open = isRunOpen(status)
  useEffect(() => {
    void load()
    const t = setInterval(() => void load(), open ? FAST_POLL_MS_RUN : 10_000)
    return () => clearInterval(t)
  }, [load, open])

  if (id === undefined || id === null) return null
  const runUrl = temporalRunUrl(temporalUiUrl, temporalNamespace, doc?.workflowId)
  const when = formatWhen(doc?.lastDeployedAt)
  return (
    <div className="orbit-sidebar-box" data-testid="orbit-run-info">
      <Styles />
      <div className="orbit-card__top">
        <strong>Live status</strong> <StatusBadge status={status} /> <HealthBadge health={doc?.healthStatus} />
      </div>
      {when ? (
        <span className="orbit-muted">
          Last deployed <time title={when.exact}>{when.text}</time>
        </span>
      ) : null}
      {doc?.lastError ? <p className="orbit-error-text">{doc.lastError}</p> : null}
      {runUrl ? (
        <a href={runUrl} target="_blank" rel="noreferrer" data-testid="orbit-temporal-link">
          Open this run in the Temporal UI ↗
        </a>
      ) : (
        <span className="orbit-muted">No workflow run yet.</span>
      )}
      {doc ? <DeploymentActions deployment={doc} deploymentsSlug={deploymentsSlug} can={perms ? { regenerate: !!perms.update, destroy: !!perms.delete } : undefined} onChanged={(updated) => (updated ? setDoc(updated) : void load())} /> : null}
    </div>
  )
}
