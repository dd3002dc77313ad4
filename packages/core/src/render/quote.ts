import { stringify as yamlStringify } from 'yaml'

// Characters JSON leaves raw but that YAML treats as line breaks or that are invisible.
const YAML_UNSAFE_RAW = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g

/**
 * A value as an inline YAML node that keeps its exact value and type wherever it is placed in
 * block or flow context: strings become double-quoted scalars (with every special character
 * escaped), numbers/booleans/null stay as they are, arrays and objects become JSON flow nodes.
 *
 * @example yamlInline('yes: &a *b') // => '"yes: &a *b"' (a string, not a boolean or an alias)
 */
export function yamlInline(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'bigint') return value.toString()
  const json = JSON.stringify(value)
  if (json === undefined) return 'null'
  return json.replace(YAML_UNSAFE_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * A value as block YAML, indented by `indent` spaces and preceded by a newline when it is a
 * non-empty collection (like Helm's `toYaml | nindent`), or inline when it is a scalar.
 */
export function yamlBlock(value: unknown, indent: number): string {
  if (value === null || typeof value !== 'object') return yamlInline(value)
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) return yamlInline(value)
  const pad = ' '.repeat(Math.max(0, Math.min(64, Math.trunc(indent))))
  const text = yamlStringify(value, { aliasDuplicateObjects: false, lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd()
  return '\n' + text.split('\n').map((line) => pad + line).join('\n')
}

/** A value as an HCL (Terraform) expression: strings quoted with `${` and `%{` escaped. */
export function hclInline(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') {
    // Function replacements: in a replacement string "$$" would itself mean one "$".
    return JSON.stringify(value)
      .replace(/\$\{/g, () => '$${')
      .replace(/%\{/g, () => '%%{')
  }
  if (Array.isArray(value)) return `[${value.map(hclInline).join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)} = ${hclInline(v)}`)
    return `{ ${entries.join(', ')} }`
  }
  return 'null'
}
