'use client'
import { FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { ErrorSchema } from '@rjsf/utils'
import { useEffect, useMemo, useState } from 'react'

import { SchemaForm, toErrorSchema } from '../SchemaForm/index.js'
import { ApiError, relId, useApi } from '../shared/api.js'
import { Styles } from '../shared/Styles.js'
import type { GeneratorDoc, OrbitClientProps } from '../shared/types.js'

type Props = OrbitClientProps & {
  path?: string
  readOnly?: boolean
  field?: { name?: string; label?: unknown; admin?: { description?: unknown; readOnly?: boolean } }
}

/**
 * The `config` field of a deployment, edited through the form generated from its generator's
 * JSON Schema (the same form as Add Deployment), never as raw JSON. Errors the server returns
 * for `config.*` on save are shown on their inputs.
 */
export function DeploymentConfigField(props: Props) {
  const path = props.path ?? props.field?.name ?? 'config'
  const { generatorsSlug = 'deployment-generators' } = props
  const { value, setValue, readOnly, errorMessage, showError } = useField<Record<string, unknown> | null>({ path })
  const generatorId = relId(useFormFields(([fields]) => fields.generator?.value))
  const api = useApi()
  const [generator, setGenerator] = useState<GeneratorDoc | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    if (!generatorId) {
      setGenerator(null)
      return
    }
    let cancelled = false
    api
      .get<GeneratorDoc>(`/${generatorsSlug}/${encodeURIComponent(generatorId)}?depth=0`)
      .then((g) => !cancelled && (setGenerator(g), setLoadError(null)))
      .catch((e: unknown) => !cancelled && setLoadError(e instanceof ApiError ? e.message : 'Could not load the generator.'))
    return () => {
      cancelled = true
    }
  }, [api, generatorId, generatorsSlug])

  // A failed save reports `config.port` etc.: Payload's form stores those server errors under
  // their own paths (and, for some shapes, on this field's message). Show them on the inputs.
  const serverErrors = useFormFields(([fields]) =>
    JSON.stringify(
      Object.entries(fields)
        .filter(([key, state]) => key.startsWith(`${path}.`) && state?.valid === false && state.errorMessage)
        .map(([key, state]) => ({ path: key, message: String(state.errorMessage) })),
    ),
  )
  const extraErrors: ErrorSchema | undefined = useMemo(() => {
    const errors = JSON.parse(serverErrors) as { path: string; message: string }[]
    if (showError && errorMessage && !errors.length) errors.push({ path, message: errorMessage })
    return errors.length ? toErrorSchema(errors, path).errorSchema : undefined
  }, [serverErrors, showError, errorMessage, path])

  const disabled = readOnly || props.readOnly || props.field?.admin?.readOnly
  return (
    <div className="field-type orbit-config-field" style={{ marginBottom: 'var(--base)' }}>
      <Styles />
      <FieldLabel label="Configuration" path={path} />
      {!generatorId ? <p className="orbit-empty">Pick a generator first; its form appears here.</p> : null}
      {loadError ? <p className="orbit-error-text">{loadError}</p> : null}
      {generator ? (
        <>
          <p className="orbit-field__description">
            <span aria-hidden="true">{generator.icon || '⚙️'}</span> {generator.name} — inputs checked against the generator’s JSON Schema.
          </p>
          <SchemaForm
            idPrefix="orbit-edit-config"
            schema={generator.configSchema}
            value={value ?? {}}
            onChange={(v) => {
              if (JSON.stringify(v) !== JSON.stringify(value ?? {})) setValue(v)
            }}
            extraErrors={extraErrors}
            liveValidate
            disabled={!!disabled}
          />
        </>
      ) : null}
      {showError && errorMessage && !generator ? <p className="orbit-error-text">{errorMessage}</p> : null}
    </div>
  )
}
