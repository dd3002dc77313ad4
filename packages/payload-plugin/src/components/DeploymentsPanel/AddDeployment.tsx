'use client'
import { Banner, Button, toast } from '@payloadcms/ui'
import type { ErrorSchema } from '@rjsf/utils'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'

import { GeneratorPicker } from '../GeneratorPicker/index.js'
import { SchemaForm, toErrorSchema, useFocusFirstError } from '../SchemaForm/index.js'
import type { SchemaFormHandle } from '../SchemaForm/index.js'
import { ApiError, relId, useApi } from '../shared/api.js'
import type { DeploymentDoc, FieldError, GeneratorDoc, Id } from '../shared/types.js'

export interface AddDeploymentProps {
  appId: Id
  /** The app's workspace: the picker offers built-ins plus this workspace's generators. */
  workspaceId: string | undefined
  generatorsSlug: string
  deploymentsSlug: string
  onCreated: (doc: DeploymentDoc) => void
  onCancel: () => void
}

/**
 * Add Deployment, in two steps: pick a generator (cards by category), then fill the form
 * generated from its JSON Schema and create the deployment over REST. Server errors land on
 * their fields (`config.port` → the Port input).
 */
export function AddDeployment({ appId, workspaceId, generatorsSlug, deploymentsSlug, onCreated, onCancel }: AddDeploymentProps) {
  const api = useApi()
  const [generators, setGenerators] = useState<GeneratorDoc[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [generator, setGenerator] = useState<GeneratorDoc | null>(null)
  const [name, setName] = useState('')
  const [config, setConfig] = useState<Record<string, unknown>>({})
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>(undefined)
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([])
  const [message, setMessage] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const formRef = useRef<SchemaFormHandle>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  /** The config last sent, so the server's errors stay until the person actually changes something. */
  const sentRef = useRef<string | null>(null)
  const focusFirstError = useFocusFirstError(bodyRef)

  useEffect(() => {
    let cancelled = false
    api
      .get<{ docs: GeneratorDoc[] }>(`/${generatorsSlug}?limit=200&depth=0&sort=name`)
      .then((res) => {
        if (cancelled) return
        // Access control already limits what this user may read; of that, offer the built-ins and
        // this app's workspace's own (a user in several workspaces must not deploy B's generator to A).
        setGenerators(res.docs.filter((g) => g.isBuiltIn || (workspaceId !== undefined && relId(g.workspace) === workspaceId)))
      })
      .catch((error: unknown) => !cancelled && setLoadError(error instanceof ApiError ? error.message : 'Could not load generators.'))
    return () => {
      cancelled = true
    }
  }, [api, generatorsSlug, workspaceId])

  const pick = (g: GeneratorDoc) => {
    setGenerator(g)
    setConfig({})
    setExtraErrors(undefined)
    setOtherErrors([])
    setMessage(null)
    setSubmitted(false)
    if (!name) setName(g.slug)
  }
  // Once a generator is picked, the name input (just mounted) takes focus in the same commit.
  useLayoutEffect(() => {
    if (generator) nameRef.current?.focus()
  }, [generator])

  const nameError = otherErrors.find((e) => e.path === 'name')?.message ?? (submitted && !name.trim() ? 'A name is required.' : undefined)

  const create = async () => {
    if (!generator) return
    setSubmitted(true)
    setMessage(null)
    setExtraErrors(undefined)
    setOtherErrors([])
    const formOk = formRef.current?.validateForm() ?? true
    if (!name.trim()) {
      nameRef.current?.focus()
      return
    }
    if (!formOk) return focusFirstError()
    setSubmitting(true)
    try {
      sentRef.current = JSON.stringify(config)
      const res = await api.post<{ doc: DeploymentDoc }>(`/${deploymentsSlug}?depth=0`, { app: appId, generator: generator.id, name: name.trim(), config })
      toast.success(`Deployment “${res.doc.name}” created; generating now.`)
      onCreated(res.doc)
    } catch (error) {
      if (error instanceof ApiError) {
        const { errorSchema, rest } = toErrorSchema(error.problem.fieldErrors, 'config')
        setExtraErrors(errorSchema)
        setOtherErrors(rest)
        focusFirstError()
        const unplaced = rest.filter((e) => e.path !== 'name')
        setMessage(
          error.problem.fieldErrors.length
            ? `Orbit could not create the deployment: check the highlighted fields.${unplaced.length ? ` ${unplaced.map((e) => `${e.path}: ${e.message}`).join('; ')}` : ''}`
            : error.message,
        )
      } else setMessage('Orbit could not create the deployment; try again.')
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <div
      ref={bodyRef}
      className="orbit-drawer-body"
      // The drawer lives inside the app's edit form in React's tree: keep Enter and submit events from saving the app.
      onSubmit={(e) => {
        e.preventDefault()
        e.stopPropagation()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && generator) {
          e.preventDefault()
          void create()
        }
      }}
    >
      <ol className="orbit-steps" aria-label="Steps">
        <li aria-current={generator ? undefined : 'step'}>1. Pick a generator</li>
        <li aria-current={generator ? 'step' : undefined}>2. Configure</li>
      </ol>
      {loadError ? <Banner type="error">{loadError}</Banner> : null}
      {!generator ? (
        generators === null && !loadError ? (
          <p className="orbit-muted">Loading generators…</p>
        ) : (
          <GeneratorPicker generators={generators ?? []} onPick={pick} />
        )
      ) : (
        <>
          <div className="orbit-card__top">
            <span className="orbit-gen-card__icon" aria-hidden="true">
              {generator.icon || '⚙️'}
            </span>
            <strong>{generator.name}</strong>
            <span className="orbit-muted">({generator.executorType})</span>
            <Button buttonStyle="subtle" size="small" margin={false} onClick={() => setGenerator(null)}>
              Change generator
            </Button>
          </div>
          {message ? (
            <div role="alert" className="orbit-error-text" data-testid="orbit-create-error">
              {message}
            </div>
          ) : null}
          <div className="orbit-form">
            <div className={`orbit-field${nameError ? ' orbit-field--error' : ''}`}>
              <label htmlFor="orbit-deployment-name">
                Deployment name
                <span className="orbit-required" aria-hidden="true">
                  *
                </span>
              </label>
              <input
                ref={nameRef}
                id="orbit-deployment-name"
                className="orbit-input"
                value={name}
                required
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? 'orbit-deployment-name__error' : undefined}
                onChange={(e) => setName(e.target.value)}
              />
              {nameError ? (
                <ul id="orbit-deployment-name__error" className="orbit-field__errors" role="alert">
                  <li>{nameError}</li>
                </ul>
              ) : null}
            </div>
          </div>
          <SchemaForm
            formRef={formRef}
            idPrefix="orbit-config"
            schema={generator.configSchema}
            value={config}
            onChange={(v) => {
              setConfig(v)
              // rjsf also reports when it re-renders (new props, defaults): that is no edit.
              if (extraErrors && JSON.stringify(v) !== sentRef.current) setExtraErrors(undefined)
            }}
            extraErrors={extraErrors}
            liveValidate={submitted}
            disabled={submitting}
          />
          <div className="orbit-actions">
            <Button buttonStyle="primary" margin={false} disabled={submitting} onClick={() => void create()} extraButtonProps={{ 'data-action': 'create-deployment' }}>
              {submitting ? 'Creating…' : 'Create deployment'}
            </Button>
            <Button buttonStyle="secondary" margin={false} onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </>
      )}
    </div>
  )
}
