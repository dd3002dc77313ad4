'use client'
// A small rjsf theme in Payload's look: labelled fields with required marks, descriptions and
// errors tied to the input (aria-describedby), add/remove rows for arrays, native selects.
import type {
  ArrayFieldItemButtonsTemplateProps,
  ArrayFieldItemTemplateProps,
  ArrayFieldTemplateProps,
  BaseInputTemplateProps,
  DescriptionFieldProps,
  FieldErrorProps,
  FieldTemplateProps,
  IconButtonProps,
  ObjectFieldTemplateProps,
  TemplatesType,
  TitleFieldProps,
  ArrayFieldTitleProps,
} from '@rjsf/utils'
import { ariaDescribedByIds, buttonId, descriptionId, errorId, examplesId, getInputProps, titleId } from '@rjsf/utils'
import React, { useCallback } from 'react'

function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, required, displayLabel, rawDescription, rawErrors, children, hidden, errors, help, schema } = props
  if (hidden) return <div hidden>{children}</div>
  const container = schema.type === 'object' || schema.type === 'array'
  if (container) return <div className="orbit-field orbit-field--container">{children}{errors}</div>
  const hasErrors = !!rawErrors?.length
  return (
    <div className={`orbit-field${hasErrors ? ' orbit-field--error' : ''}`} data-field={id}>
      {displayLabel && label ? (
        <label htmlFor={id}>
          {label}
          {required ? (
            <span className="orbit-required" aria-hidden="true">
              *
            </span>
          ) : null}
          {required ? <span className="orbit-sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}> (required)</span> : null}
        </label>
      ) : null}
      {children}
      {displayLabel && rawDescription ? (
        <p id={descriptionId(id)} className="orbit-field__description">
          {rawDescription}
        </p>
      ) : null}
      {errors}
      {help}
    </div>
  )
}

function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const list = errors.filter(Boolean)
  if (!list.length) return null
  return (
    <ul id={errorId(fieldPathId)} className="orbit-field__errors" role="alert">
      {list.map((error, i) => (
        <li key={i}>{error}</li>
      ))}
    </ul>
  )
}

function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride, options, schema, rawErrors, type, hideLabel, label, placeholder, required } = props
  const inputProps = getInputProps(schema, type, options)
  const numeric = inputProps.type === 'number' || inputProps.type === 'integer'
  const inputValue = numeric ? (value || value === 0 ? value : '') : value == null ? '' : value
  const handleChange = useCallback(
    ({ target }: React.ChangeEvent<HTMLInputElement>) => onChange(target.value === '' ? options.emptyValue : target.value),
    [onChange, options],
  )
  const examples = Array.isArray(schema.examples) ? (schema.examples as unknown[]) : []
  return (
    <>
      <input
        id={id}
        name={htmlName || id}
        className="form-control"
        readOnly={readonly}
        disabled={disabled}
        autoFocus={autofocus}
        required={required}
        placeholder={placeholder}
        value={inputValue as string | number}
        {...inputProps}
        list={examples.length ? examplesId(id) : undefined}
        onChange={onChangeOverride || handleChange}
        onBlur={({ target }) => onBlur(id, target.value)}
        onFocus={({ target }) => onFocus(id, target.value)}
        aria-label={hideLabel || !label ? (label || id).replace(/-(\d+)$/, ' $1') : undefined}
        aria-invalid={rawErrors?.length ? true : undefined}
        aria-describedby={ariaDescribedByIds(id, examples.length > 0)}
      />
      {examples.length ? (
        <datalist id={examplesId(id)}>
          {examples.map((example) => (
            <option key={String(example)} value={String(example)} />
          ))}
        </datalist>
      ) : null}
    </>
  )
}

function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <legend id={id}>
      {title}
      {required ? (
        <span className="orbit-required" aria-hidden="true">
          *
        </span>
      ) : null}
    </legend>
  )
}

function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null
  return (
    <p id={id} className="orbit-field__description">
      {description}
    </p>
  )
}

function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, required, fieldPathId, registry, schema, uiSchema } = props
  const isRoot = fieldPathId.$id === registry.globalFormOptions.idPrefix
  const { TitleFieldTemplate: Title, DescriptionFieldTemplate: Description } = registry.templates
  return (
    <fieldset className={`orbit-fieldset${isRoot ? ' orbit-fieldset--root' : ''}`} id={fieldPathId.$id}>
      {!isRoot && title ? <Title id={titleId(fieldPathId)} title={title} required={required} schema={schema} uiSchema={uiSchema} registry={registry} /> : null}
      {!isRoot && description ? <Description id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} /> : null}
      {properties.map((p) => (p.hidden ? <div key={p.name} hidden>{p.content}</div> : <React.Fragment key={p.name}>{p.content}</React.Fragment>))}
    </fieldset>
  )
}

function ArrayFieldTitleTemplate({ title, required, fieldPathId }: ArrayFieldTitleProps) {
  if (!title) return null
  return (
    <legend id={titleId(fieldPathId)}>
      {title}
      {required ? (
        <span className="orbit-required" aria-hidden="true">
          *
        </span>
      ) : null}
    </legend>
  )
}

function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, fieldPathId, uiSchema, items, onAddClick, readonly, registry, required, schema, title } = props
  const { AddButton } = registry.templates.ButtonTemplates
  const label = (uiSchema?.['ui:title'] as string | undefined) || title || schema.title || ''
  return (
    <fieldset className="orbit-fieldset orbit-array" id={fieldPathId.$id} aria-describedby={schema.description ? descriptionId(fieldPathId) : undefined}>
      <ArrayFieldTitleTemplate title={label} required={required} fieldPathId={fieldPathId} schema={schema} registry={registry} />
      {schema.description ? (
        <p id={descriptionId(fieldPathId)} className="orbit-field__description">
          {schema.description}
        </p>
      ) : null}
      {items.length ? items : <p className="orbit-muted" style={{ margin: 0 }}>No entries.</p>}
      {canAdd ? (
        <div>
          <AddButton id={buttonId(fieldPathId, 'add')} onClick={onAddClick} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} aria-label={`Add ${label || 'entry'}`} title={`Add ${label || 'entry'}`} />
        </div>
      ) : null}
    </fieldset>
  )
}

function ArrayFieldItemTemplate({ children, buttonsProps, hasToolbar }: ArrayFieldItemTemplateProps) {
  return (
    <div className="orbit-array__row">
      <div className="orbit-array__content">{children}</div>
      {hasToolbar ? (
        <div className="orbit-array__buttons">
          <ArrayFieldItemButtonsTemplate {...buttonsProps} />
        </div>
      ) : null}
    </div>
  )
}

function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const { disabled, hasMoveUp, hasMoveDown, hasRemove, index, onMoveUpItem, onMoveDownItem, onRemoveItem, readonly, fieldPathId } = props
  const n = index + 1
  return (
    <>
      {hasMoveUp ? (
        <button type="button" className="orbit-icon-btn" id={buttonId(fieldPathId, 'moveUp')} onClick={onMoveUpItem} disabled={disabled || readonly} aria-label={`Move row ${n} up`} title="Move up">
          ↑
        </button>
      ) : null}
      {hasMoveDown ? (
        <button type="button" className="orbit-icon-btn" id={buttonId(fieldPathId, 'moveDown')} onClick={onMoveDownItem} disabled={disabled || readonly} aria-label={`Move row ${n} down`} title="Move down">
          ↓
        </button>
      ) : null}
      {hasRemove ? (
        <button type="button" className="orbit-icon-btn" id={buttonId(fieldPathId, 'remove')} onClick={onRemoveItem} disabled={disabled || readonly} aria-label={`Remove row ${n}`} title="Remove">
          Remove
        </button>
      ) : null}
    </>
  )
}

function AddButton({ onClick, disabled, id, title, ...rest }: IconButtonProps) {
  return (
    <button type="button" id={id} className="orbit-icon-btn" onClick={onClick} disabled={disabled} title={title} aria-label={rest['aria-label']}>
      + Add
    </button>
  )
}

function IconButton({ onClick, disabled, id, title, children }: IconButtonProps) {
  return (
    <button type="button" id={id} className="orbit-icon-btn" onClick={onClick} disabled={disabled} title={title}>
      {children ?? title}
    </button>
  )
}

export const orbitTemplates: Partial<TemplatesType> = {
  FieldTemplate,
  FieldErrorTemplate,
  BaseInputTemplate,
  TitleFieldTemplate,
  DescriptionFieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldTitleTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldItemButtonsTemplate,
  ErrorListTemplate: () => null,
  ButtonTemplates: {
    AddButton,
    CopyButton: IconButton,
    MoveDownButton: IconButton,
    MoveUpButton: IconButton,
    RemoveButton: IconButton,
    ClearButton: IconButton,
    SubmitButton: () => null,
  },
}
