'use client'
import { Button, ConfirmationModal, toast, useAuth, useModal } from '@payloadcms/ui'
import { useState } from 'react'

import { ApiError, useApi } from '../shared/api.js'
import { isRunOpen } from '../shared/format.js'
import type { DeploymentDoc } from '../shared/types.js'

export interface DeploymentActionsProps {
  deployment: Pick<DeploymentDoc, 'id' | 'name' | 'status'>
  deploymentsSlug?: string
  /** Called after a successful action (refresh the view; the status will move). */
  onChanged?: (doc?: DeploymentDoc) => void
  /** Per-document permissions when known (the deployment's edit view); else the collection's. */
  can?: { regenerate?: boolean; destroy?: boolean }
}

/**
 * **Re-generate** and **Destroy** (with a confirmation) for one deployment, calling the
 * plugin's endpoints. Both are disabled while a run is open (pending, generating, deploying)
 * and while a request is in flight; the server still answers 409 if a run is open.
 */
export function DeploymentActions({ deployment, deploymentsSlug = 'deployments', onChanged, can }: DeploymentActionsProps) {
  const api = useApi()
  const { openModal } = useModal()
  const { permissions } = useAuth()
  // Payload's own permission map decides what to offer: re-generate needs update access (workspace
  // members), destroy needs delete access (owners/admins). The endpoints check again.
  const collectionPermissions = permissions?.collections?.[deploymentsSlug] as { update?: unknown; delete?: unknown } | undefined
  const canRegenerate = can?.regenerate ?? (!collectionPermissions || !!collectionPermissions.update)
  const canDestroy = can?.destroy ?? (!collectionPermissions || !!collectionPermissions.delete)
  const [busy, setBusy] = useState<null | 'regenerate' | 'destroy'>(null)
  const open = isRunOpen(deployment.status)
  const destroyed = deployment.status === 'destroyed'
  const modalSlug = `orbit-destroy-${deployment.id}`
  const why = open ? 'A run is in progress; wait for it to finish.' : undefined

  const run = async (action: 'regenerate' | 'destroy') => {
    setBusy(action)
    try {
      const res = await api.post<{ doc?: DeploymentDoc }>(`/${deploymentsSlug}/${encodeURIComponent(String(deployment.id))}/${action}`)
      toast.success(action === 'regenerate' ? `Re-generating “${deployment.name}”.` : `Destroying “${deployment.name}”.`)
      onChanged?.(res?.doc)
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : 'The request failed; try again.')
      onChanged?.()
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="orbit-actions">
      {canRegenerate ? (
      <Button
        buttonStyle="secondary"
        size="small"
        margin={false}
        disabled={open || busy !== null}
        tooltip={why}
        onClick={() => void run('regenerate')}
        extraButtonProps={{ 'data-action': 'regenerate', 'aria-label': `Re-generate ${deployment.name}` }}
      >
        {busy === 'regenerate' ? 'Re-generating…' : 'Re-generate'}
      </Button>
      ) : null}
      {canDestroy ? (
      <>
      <Button
        buttonStyle="secondary"
        className="orbit-btn-danger"
        size="small"
        margin={false}
        disabled={open || destroyed || busy !== null}
        tooltip={why}
        onClick={() => openModal(modalSlug)}
        extraButtonProps={{ 'data-action': 'destroy', 'aria-label': `Destroy ${deployment.name}` }}
      >
        {busy === 'destroy' ? 'Destroying…' : 'Destroy'}
      </Button>
      <ConfirmationModal
        modalSlug={modalSlug}
        heading={`Destroy “${deployment.name}”?`}
        body="Orbit runs the executor's destroy step and marks the deployment destroyed. Files already committed to the repository stay there. You can generate it again later."
        confirmLabel="Destroy"
        confirmingLabel="Destroying…"
        onConfirm={() => run('destroy')}
      />
      </>
      ) : null}
    </div>
  )
}
