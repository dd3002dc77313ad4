'use client'
import Form from '@rjsf/core'
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils'
import { customizeValidator } from '@rjsf/validator-ajv8'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type React from 'react'
import { useCallback, useLayoutEffect, useMemo, useState } from 'react'

import type { JsonSchema } from '../shared/types.js'
import { orbitTemplates } from './theme.js'

export { toErrorSchema, hasErrors, prefillFromSchema } from './errors.js'

/** Generator schemas are draft 2020-12 (as in core), so the browser validates with Ajv2020 too. */
export const schemaValidator = customizeValidator({ AjvClass: Ajv2020 as never })

export type SchemaFormHandle = Form

export interface SchemaFormProps {
  schema: JsonSchema
  value: Record<string, unknown>
  onChange: (value: Record<string, unknown>) => void
  /** Errors from the server, already in rjsf's ErrorSchema shape (see toErrorSchema). */
  extraErrors?: ErrorSchema
  /** Prefix of every input id, unique on the page (e.g. `orbit-add-config`). */
  idPrefix: string
  disabled?: boolean
  readonly?: boolean
  /** Validate as the user types (after a first failed submit, the form does this anyway). */
  liveValidate?: boolean
  formRef?: React.Ref<SchemaFormHandle>
}

/** Field order and widgets that read well: the schema's order, textarea for long strings. */
function uiSchemaFor(schema: JsonSchema): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  for (const [key, prop] of Object.entries(properties)) {
    if (prop?.type === 'string' && typeof prop.maxLength === 'number' && prop.maxLength > 1024 && !prop.enum) ui[key] = { 'ui:widget': 'textarea' }
    // Rows of a list of plain values (volumes): the list's legend names them; each input gets
    // "Volumes 1"-style accessible names instead of a visible "Volumes-1 *" label per row.
    const items = prop?.items as JsonSchema | undefined
    if (prop?.type === 'array' && items && typeof items === 'object' && items.type !== 'object' && items.type !== 'array') {
      ui[key] = { items: { 'ui:label': false } }
    }
  }
  return ui
}

/**
 * A form generated from a generator's JSON Schema with @rjsf/core and its Ajv 8 validator,
 * in Payload's look. Renders a <div>, never a nested <form>, so it can live inside Payload's
 * document form; submit by calling `formRef.current.validateForm()` from your own button.
 */
export function SchemaForm({ schema, value, onChange, extraErrors, idPrefix, disabled, readonly, liveValidate, formRef }: SchemaFormProps) {
  const uiSchema = useMemo(() => uiSchemaFor(schema), [schema])
  return (
    <div className="orbit-form">
      <Form
        ref={formRef}
        tagName="div"
        schema={schema as RJSFSchema}
        uiSchema={uiSchema}
        formData={value}
        validator={schemaValidator}
        templates={orbitTemplates}
        idPrefix={idPrefix}
        onChange={(e) => onChange((e.formData ?? {}) as Record<string, unknown>)}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        liveValidate={liveValidate ? 'onChange' : undefined}
        // rjsf's focusOnFirstError reads form.elements, which a <div> lacks: see useFocusFirstError().
        disabled={disabled}
        readonly={readonly}
        experimental_defaultFormStateBehavior={{ emptyObjectFields: 'populateRequiredDefaults' }}
      />
    </div>
  )
}

const ERROR_INPUT = '[aria-invalid="true"], .orbit-field--error input, .orbit-field--error select, .orbit-field--error textarea'

/**
 * Returns `focusFirstError()`: after the render it is called in has been committed, focus moves
 * to the first input inside `root` that shows an error. A layout effect rather than a timer or an
 * animation frame, so focus moves in that very commit and can never land later, in a field the
 * person has meanwhile moved on to (a late frame once took focus mid-way through typing).
 */
export function useFocusFirstError(root: React.RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0)
  useLayoutEffect(() => {
    if (request > 0) root.current?.querySelector<HTMLElement>(ERROR_INPUT)?.focus()
  }, [request, root])
  return useCallback(() => setRequest((n) => n + 1), [])
}
