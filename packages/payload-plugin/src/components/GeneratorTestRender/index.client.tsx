'use client'
import { Banner, Button, useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import type { ErrorSchema } from '@rjsf/utils'
import { useMemo, useRef, useState } from 'react'

import { prefillFromSchema, SchemaForm, toErrorSchema, useFocusFirstError } from '../SchemaForm/index.js'
import type { SchemaFormHandle } from '../SchemaForm/index.js'
import { ApiError, useApi } from '../shared/api.js'
import { Styles } from '../shared/Styles.js'
import type { FieldError, GeneratedFile, JsonSchema, OrbitClientProps } from '../shared/types.js'

function asSchema(value: unknown): JsonSchema | null {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return null
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : null
}

/**
 * **Test render** on a generator's edit view: the form generated from its configSchema,
 * prefilled from defaults and examples; Render posts it to the preview endpoint and shows the
 * rendered files, or the errors (config errors on their inputs). Nothing is stored.
 */
export function GeneratorTestRender(props: OrbitClientProps) {
  const { generatorsSlug = 'deployment-generators' } = props
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const rawSchema = useFormFields(([fields]) => fields.configSchema?.value)
  const schema = useMemo(() => asSchema(rawSchema), [rawSchema])
  const schemaKey = useMemo(() => JSON.stringify(schema), [schema])
  const api = useApi()
  const formRef = useRef<SchemaFormHandle>(null)
  const sectionRef = useRef<HTMLElement>(null)
  const focusFirstError = useFocusFirstError(sectionRef)
  const [value, setValue] = useState<Record<string, unknown>>(() => prefillFromSchema(schema))
  const [valueFor, setValueFor] = useState(schemaKey)
  const [files, setFiles] = useState<GeneratedFile[] | null>(null)
  const [errors, setErrors] = useState<FieldError[]>([])
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>(undefined)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (valueFor !== schemaKey) {
    // The schema changed (edited or loaded): start again from its defaults and examples.
    setValueFor(schemaKey)
    setValue(prefillFromSchema(schema))
    setExtraErrors(undefined)
  }

  const render = async () => {
    if (id === undefined || id === null) return
    setMessage(null)
    setErrors([])
    setExtraErrors(undefined)
    if (formRef.current && !formRef.current.validateForm()) {
      setFiles(null)
      return focusFirstError()
    }
    setBusy(true)
    try {
      const res = await api.post<{ files: GeneratedFile[] }>(`/${generatorsSlug}/${encodeURIComponent(String(id))}/preview`, { config: value })
      setFiles(res.files)
    } catch (error) {
      setFiles(null)
      if (error instanceof ApiError) {
        const { errorSchema, rest } = toErrorSchema(error.problem.fieldErrors, 'config')
        setExtraErrors(errorSchema)
        setErrors(rest)
        setMessage(error.problem.fieldErrors.length ? 'The generator did not render with these values:' : error.message)
      } else setMessage('The preview request failed; try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      ref={sectionRef}
      className="orbit-panel"
      aria-labelledby="orbit-test-render-heading"
      data-testid="orbit-test-render"
      onKeyDown={(e) => {
        // Enter in a test-render input renders; it must not save the generator.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          e.preventDefault()
          void render()
        }
      }}
    >
      <Styles />
      <div className="orbit-panel__header">
        <h3 id="orbit-test-render-heading">Test render</h3>
      </div>
      <p className="orbit-field__description">Fill the form developers will see and render the templates with it. Nothing is stored and nothing is committed.</p>
      {id === undefined || id === null ? (
        <p className="orbit-empty">Save the generator first; then you can test-render it here.</p>
      ) : !schema ? (
        <p className="orbit-empty">The configSchema is not valid JSON yet.</p>
      ) : (
        <>
          {modified ? <Banner type="info">You have unsaved changes: Test render uses the saved generator. Save to try your latest templates.</Banner> : null}
          <SchemaForm formRef={formRef} idPrefix="orbit-preview" schema={schema} value={value} onChange={(v) => (setValue(v), extraErrors && setExtraErrors(undefined))} extraErrors={extraErrors} disabled={busy} />
          <div className="orbit-actions">
            <Button buttonStyle="secondary" margin={false} disabled={busy} onClick={() => void render()} extraButtonProps={{ 'data-action': 'test-render' }}>
              {busy ? 'Rendering…' : 'Render'}
            </Button>
            <Button
              buttonStyle="subtle"
              margin={false}
              disabled={busy}
              onClick={() => {
                setValue(prefillFromSchema(schema))
                setFiles(null)
                setErrors([])
                setMessage(null)
                setExtraErrors(undefined)
              }}
            >
              Reset to defaults
            </Button>
          </div>
        </>
      )}
      {message ? (
        <div role="alert" className="orbit-error-text" data-testid="orbit-preview-error">
          {message}
          {errors.length ? (
            <ul>
              {errors.map((e, i) => (
                <li key={i}>
                  <span className="orbit-mono">{e.path}</span>: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {files ? (
        <div className="orbit-files" data-testid="orbit-preview-files" aria-live="polite">
          <strong>
            {files.length} file{files.length === 1 ? '' : 's'} rendered
          </strong>
          {files.map((f) => (
            <figure key={f.path} className="orbit-file" style={{ margin: 0 }} data-file={f.path}>
              <figcaption className="orbit-file__path">{f.path}</figcaption>
              <pre tabIndex={0} aria-label={`Contents of ${f.path}`}>
                {f.content}
              </pre>
            </figure>
          ))}
        </div>
      ) : null}
    </section>
  )
}
