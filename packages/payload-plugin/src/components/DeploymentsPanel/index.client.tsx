'use client'
import { Banner, Button, Drawer, useConfig, useDocumentInfo, useFormFields, useModal } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import { DeploymentActions } from '../DeploymentActions/index.js'
import { HealthBadge, StatusBadge } from '../StatusBadge/index.js'
import { ApiError, relId, useApi } from '../shared/api.js'
import { commitUrl, formatWhen, isRunOpen, temporalRunUrl } from '../shared/format.js'
import { Styles } from '../shared/Styles.js'
import type { DeploymentDoc, GeneratorDoc, Id, OrbitClientProps, UserRef } from '../shared/types.js'
import { AddDeployment } from './AddDeployment.js'

/** While a run is open the panel polls every second (the ceiling); otherwise every 10 s. */
export const FAST_POLL_MS = 1_000
export const IDLE_POLL_MS = 10_000

export type DeploymentsPanelProps = OrbitClientProps & {
  /** Deployments read on the server (RSC) for the first paint; the client takes over polling. */
  initialDeployments?: DeploymentDoc[]
}

function who(value: DeploymentDoc['lastDeployedBy']): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return (value as UserRef).email || (value as UserRef).name || `user ${value.id}`
  return `user ${value}`
}

function DeploymentCard({
  deployment,
  adminRoute,
  repositoryUrl,
  deploymentsSlug,
  temporalUiUrl,
  temporalNamespace,
  can,
  onChanged,
}: {
  can?: { regenerate?: boolean; destroy?: boolean } | undefined
  deployment: DeploymentDoc
  adminRoute: string
  repositoryUrl: string | undefined
  deploymentsSlug: string
  temporalUiUrl?: string | undefined
  temporalNamespace?: string | undefined
  onChanged: (updated?: DeploymentDoc) => void
}) {
  const generator = typeof deployment.generator === 'object' ? (deployment.generator as GeneratorDoc) : null
  const when = formatWhen(deployment.lastDeployedAt)
  const by = who(deployment.lastDeployedBy)
  const link = commitUrl(repositoryUrl, deployment.commitSha)
  const runUrl = temporalRunUrl(temporalUiUrl, temporalNamespace, deployment.workflowId)
  const headingId = `orbit-deployment-${deployment.id}`
  return (
    <article className="orbit-card" aria-labelledby={headingId} data-deployment={deployment.name}>
      <div className="orbit-card__top">
        <span className="orbit-card__name" id={headingId}>
          <a href={`${adminRoute}/collections/${deploymentsSlug}/${deployment.id}`}>{deployment.name}</a>
        </span>
        <StatusBadge status={deployment.status} />
      </div>
      <dl className="orbit-facts">
        <dt>Generator</dt>
        <dd>
          {generator ? (
            <>
              <span aria-hidden="true">{generator.icon || '⚙️'}</span> {generator.name}
            </>
          ) : (
            <span className="orbit-muted">generator {String(deployment.generator)}</span>
          )}
        </dd>
        <dt>Endpoints</dt>
        <dd>
          {deployment.endpoints?.length ? (
            deployment.endpoints.map((url) => (
              <React.Fragment key={url}>
                <a href={url} target="_blank" rel="noreferrer">
                  {url}
                </a>{' '}
              </React.Fragment>
            ))
          ) : (
            <span className="orbit-muted">none</span>
          )}
        </dd>
        <dt>Health</dt>
        <dd>
          <HealthBadge health={deployment.healthStatus} />
        </dd>
        <dt>Last deployed</dt>
        <dd data-field="last-deployed">
          {when ? (
            <time dateTime={deployment.lastDeployedAt ?? undefined} title={when.exact}>
              {when.text}
            </time>
          ) : (
            <span className="orbit-muted">{by ? 'not yet' : 'never'}</span>
          )}
          {by ? <>{when ? ' by ' : ' (requested by '}{by}{when ? '' : ')'}</> : null}
        </dd>
        <dt>Commit</dt>
        <dd data-field="commit">
          {deployment.commitSha ? (
            link ? (
              <a href={link} target="_blank" rel="noreferrer" className="orbit-mono">
                {deployment.commitSha.slice(0, 10)}
              </a>
            ) : (
              <span className="orbit-mono" title={deployment.commitSha}>
                {deployment.commitSha.slice(0, 10)}
              </span>
            )
          ) : (
            <span className="orbit-muted">not yet</span>
          )}
        </dd>
        {runUrl ? (
          <>
            <dt>Run</dt>
            <dd>
              <a href={runUrl} target="_blank" rel="noreferrer">
                Open in Temporal UI
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {deployment.lastError ? (
        <p className="orbit-error-text" data-field="last-error">
          {deployment.lastError}
        </p>
      ) : null}
      <DeploymentActions deployment={deployment} deploymentsSlug={deploymentsSlug} can={can} onChanged={onChanged} />
    </article>
  )
}

function Panel({ appId, props }: { appId: Id; props: DeploymentsPanelProps }) {
  const { deploymentsSlug = 'deployments', generatorsSlug = 'deployment-generators', appWorkspaceField = 'workspace' } = props
  const api = useApi()
  const { config } = useConfig()
  const adminRoute = `${config.serverURL ?? ''}${config.routes?.admin ?? '/admin'}`
  const { openModal, closeModal } = useModal()
  const workspaceId = relId(useFormFields(([fields]) => fields[appWorkspaceField]?.value))
  const repositoryUrl = useFormFields(([fields]) => fields.repositoryUrl?.value) as string | undefined
  const [deployments, setDeployments] = useState<DeploymentDoc[] | null>(props.initialDeployments ?? null)
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState(0)
  const drawerSlug = `orbit-add-deployment-${appId}`
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const anyOpen = (deployments ?? []).some((d) => isRunOpen(d.status))
  // What this person may do here. Collection-level permissions say "somewhere" (an owner of one
  // workspace may delete deployments there), so ask about one of this app's deployments: they all
  // share the app's workspace, so the answer holds for the whole panel.
  const [can, setCan] = useState<{ regenerate: boolean; destroy: boolean } | undefined>(undefined)
  const sampleId = deployments?.[0]?.id
  useEffect(() => {
    if (sampleId === undefined || can !== undefined) return
    const granted = (p: unknown) => p === true || (typeof p === 'object' && p !== null && (p as { permission?: unknown }).permission === true)
    // Payload's document-permissions endpoint (POST /api/<slug>/access/:id); allowed operations come back as true.
    api
      .post<{ update?: unknown; delete?: unknown }>(`/${deploymentsSlug}/access/${encodeURIComponent(String(sampleId))}`)
      .then((perms) => setCan({ regenerate: granted(perms.update), destroy: granted(perms.delete) }))
      .catch(() => setCan({ regenerate: true, destroy: false })) // the server checks again either way
  }, [api, can, deploymentsSlug, sampleId])

  const load = useCallback(async () => {
    try {
      const q = `where[app][equals]=${encodeURIComponent(String(appId))}&depth=1&limit=100&sort=-createdAt`
      const res = await api.get<{ docs: DeploymentDoc[] }>(`/${deploymentsSlug}?${q}`)
      setDeployments(res.docs)
      setError(null)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load deployments.')
    }
  }, [api, appId, deploymentsSlug])

  // Live status: poll (1 s while a run is open, 10 s otherwise; paused while the tab is hidden).
  useEffect(() => {
    let stopped = false
    const tick = async () => {
      if (!document.hidden) await load()
      if (!stopped) timer.current = setTimeout(() => void tick(), anyOpen ? FAST_POLL_MS : IDLE_POLL_MS)
    }
    timer.current = setTimeout(() => void tick(), deployments === null ? 0 : anyOpen ? FAST_POLL_MS : IDLE_POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer.current)
    }
  }, [load, anyOpen])

  return (
    <section className="orbit-panel" aria-labelledby="orbit-deployments-heading" data-testid="orbit-deployments-panel">
      <Styles />
      <div className="orbit-panel__header">
        <h3 id="orbit-deployments-heading">Deployments</h3>
        <Button
          buttonStyle="primary"
          size="small"
          margin={false}
          icon="plus"
          iconPosition="left"
          onClick={() => {
            setAdding((n) => n + 1)
            openModal(drawerSlug)
          }}
          extraButtonProps={{ 'data-action': 'add-deployment' }}
        >
          Add Deployment
        </Button>
      </div>
      {error ? <Banner type="error">{error}</Banner> : null}
      {deployments === null && !error ? <p className="orbit-muted">Loading deployments…</p> : null}
      {deployments?.length === 0 ? <p className="orbit-empty">No deployments yet. Add one to generate deployment files into this app’s repository.</p> : null}
      {deployments?.map((d) => (
        <DeploymentCard
          key={String(d.id)}
          deployment={d}
          adminRoute={adminRoute}
          repositoryUrl={repositoryUrl}
          deploymentsSlug={deploymentsSlug}
          temporalUiUrl={props.temporalUiUrl}
          temporalNamespace={props.temporalNamespace}
          can={can ?? { destroy: false /* until this person's permissions are known */ }}
          onChanged={(updated) => {
            // Show the new status (pending) at once; polling takes it from there.
            if (updated) setDeployments((list) => (list ?? []).map((x) => (String(x.id) === String(updated.id) ? { ...x, ...updated, generator: x.generator } : x)))
            else void load()
          }}
        />
      ))}
      <Drawer slug={drawerSlug} title="Add Deployment">
        {adding > 0 ? (
          <AddDeployment
            key={adding}
            appId={appId}
            workspaceId={workspaceId}
            generatorsSlug={generatorsSlug}
            deploymentsSlug={deploymentsSlug}
            onCancel={() => closeModal(drawerSlug)}
            onCreated={(doc) => {
              closeModal(drawerSlug)
              setDeployments((list) => [doc, ...(list ?? []).filter((d) => String(d.id) !== String(doc.id))])
              void load()
            }}
          />
        ) : null}
      </Drawer>
    </section>
  )
}

/**
 * The Deployments panel on an app's edit view (a `ui` field the plugin adds to the apps
 * collection): each deployment's generator, live status, endpoints, health, last deploy, last
 * error and commit, with Re-generate/Destroy, and **Add Deployment**.
 */
export function DeploymentsPanelClient(props: DeploymentsPanelProps) {
  const { id } = useDocumentInfo()
  if (id === undefined || id === null || id === '') {
    return (
      <section className="orbit-panel">
        <Styles />
        <h3>Deployments</h3>
        <p className="orbit-empty">Save the app first; then you can add deployments to it.</p>
      </section>
    )
  }
  return <Panel appId={id} props={props} />
}
