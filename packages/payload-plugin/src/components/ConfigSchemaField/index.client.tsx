'use client'
import { JSONField, ShimmerEffect, useField } from '@payloadcms/ui'
import type React from 'react'
import { useMemo } from 'react'

import { useSelfHostedMonaco } from '../MonacoSelfHost/index.client.js'
import { Styles } from '../shared/Styles.js'
import { checkConfigSchema } from './check.js'

export { checkConfigSchema }

type JSONFieldProps = React.ComponentProps<typeof JSONField>

/**
 * The generator's configSchema: Payload's JSON editor, with the schema checked as you type
 * (JSON syntax, JSON Schema meta-schema, required names that exist).
 */
export function ConfigSchemaField(props: JSONFieldProps & { selfHostMonaco?: boolean }) {
  const ready = useSelfHostedMonaco(props.selfHostMonaco !== false)
  const { value } = useField<unknown>({ path: props.path })
  const result = useMemo(() => checkConfigSchema(value), [value])
  return (
    <div>
      <Styles />
      {ready ? <JSONField {...props} /> : <ShimmerEffect height="160px" />}
      <div className="orbit-schema-check" role="status" aria-live="polite" data-testid="orbit-schema-check" style={{ marginTop: 'calc(var(--base) * -0.5)', marginBottom: 'var(--base)' }}>
        {result.ok ? (
          <span className="orbit-ok">
            ✓ Valid JSON Schema: {result.inputs} input{result.inputs === 1 ? '' : 's'}, {result.required} required.
          </span>
        ) : (
          <>
            <span>Schema problems:</span>
            <ul>
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  )
}
