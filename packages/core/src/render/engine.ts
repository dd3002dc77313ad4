import Handlebars from 'handlebars'
import { RenderFailedError, TemplateInvalidError } from '../errors.js'
import type { FieldError } from '../errors.js'
import type { JsonSchema } from '../types.js'
import { hclInline, yamlBlock, yamlInline } from './quote.js'

// The slice of Handlebars' AST that the checks below read (its own types are not exported).
/* eslint-disable @typescript-eslint/no-namespace */
declare namespace hbs.AST {
  interface Node {
    type: string
    loc?: { start: { line: number; column: number } }
  }
  interface Program extends Node {
    body: Node[]
  }
  interface PathExpression extends Node {
    data: boolean
    depth: number
    parts: string[]
    original: string
  }
  interface Hash {
    pairs: { key: string; value: Node }[]
  }
  interface MustacheStatement extends Node {
    path: Node
    params: Node[]
    hash: Hash
  }
  type SubExpression = MustacheStatement
  interface BlockStatement extends MustacheStatement {
    path: PathExpression
    program: Program
    inverse: Program
  }
}
/* eslint-enable @typescript-eslint/no-namespace */
type AST = hbs.AST.Program
type Node = hbs.AST.Node

/**
 * The helpers templates may use. Anything else (including Handlebars' `log`, partials and
 * decorators) is refused when the generator is saved.
 *
 * - `{{yaml x}}`: x as an inline YAML node that keeps its exact value and type (strings quoted).
 * - `{{toYaml x indent=4}}`: x as block YAML on the following lines, indented.
 * - `{{json x}}`: x as JSON. `{{hcl x}}`: x as an HCL expression (`${` escaped).
 * - `{{default x "fallback"}}`, `{{lower s}}`, `{{upper s}}`, `{{trim s}}`, `{{base64 s}}`,
 *   `{{concat a "=" b}}` (free text: in YAML write `{{yaml (concat a "=" b)}}`).
 * - `{{#if (eq a b)}}` with `eq`, `ne`, `and`, `or`, `not`; plus built-ins `if`, `unless`, `each`, `with`, `lookup`.
 */
export const TEMPLATE_HELPERS = [
  'yaml',
  'toYaml',
  'json',
  'hcl',
  'default',
  'lower',
  'upper',
  'trim',
  'base64',
  'concat',
  'eq',
  'ne',
  'and',
  'or',
  'not',
] as const
const BUILTIN_BLOCKS = ['if', 'unless', 'each', 'with'] as const
const ALLOWED = new Set<string>([...TEMPLATE_HELPERS, ...BUILTIN_BLOCKS, 'lookup'])
/** Helpers whose output keeps YAML/JSON structure intact whatever their input. */
const STRUCTURE_SAFE = new Set(['yaml', 'toYaml', 'json', 'eq', 'ne', 'and', 'or', 'not'])

const hb = Handlebars.create()
hb.unregisterHelper('log')
hb.unregisterHelper('helperMissing')
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v))
hb.registerHelper({
  yaml: (v: unknown) => yamlInline(v),
  toYaml: (v: unknown, o: Handlebars.HelperOptions) => yamlBlock(v, Number(o.hash?.indent ?? 0)),
  json: (v: unknown) => JSON.stringify(v ?? null),
  hcl: (v: unknown) => hclInline(v),
  default: (v: unknown, fallback: unknown) => (v === undefined || v === null || v === '' ? fallback : v),
  lower: (v: unknown) => text(v).toLowerCase(),
  upper: (v: unknown) => text(v).toUpperCase(),
  trim: (v: unknown) => text(v).trim(),
  base64: (v: unknown) => {
    const bytes = new TextEncoder().encode(text(v))
    let bin = ''
    for (const b of bytes) bin += String.fromCharCode(b)
    return btoa(bin)
  },
  concat: (...args: unknown[]) => args.slice(0, -1).map(text).join(''),
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (v: unknown) => !v,
})

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...TEMPLATE_HELPERS].map((h) => [h, true])),
} as const

const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
} as const

export type CompiledTemplate = (context: unknown) => string

const compiled = new Map<string, CompiledTemplate>()
const MAX_CACHED = 512

/** Parses a template (syntax errors become TemplateInvalidError naming the field and line). */
export function parseTemplate(source: string, field: string): AST {
  try {
    return hb.parse(source) as unknown as AST
  } catch (e) {
    throw new TemplateInvalidError(field, `does not compile: ${firstLine((e as Error).message)}`, e)
  }
}

function firstLine(message: string): string {
  const lines = message.split('\n')
  // Handlebars puts the position first ("Parse error on line 3:") and the expectation last.
  return lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}`.trim() : message
}

function loc(node: Node): string {
  return node.loc ? `line ${node.loc.start.line}` : 'template'
}

/**
 * Checks constructs: only the allowed helpers, no partials, decorators or `@root` access
 * beyond data. Returns problems as field errors; an empty list means the template is allowed.
 */
export function checkTemplateConstructs(ast: AST, field: string): FieldError[] {
  const errors: FieldError[] = []
  const visit = (node: Node | undefined | null): void => {
    if (!node) return
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s)
        return
      case 'PartialStatement':
      case 'PartialBlockStatement':
        errors.push({ path: field, message: `${loc(node)}: partials ({{> …}}) are not supported` })
        return
      case 'DecoratorBlock':
      case 'Decorator':
        errors.push({ path: field, message: `${loc(node)}: decorators ({{* …}}) are not supported` })
        return
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const n = node as hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression
        const isCall = node.type === 'BlockStatement' || node.type === 'SubExpression' || n.params.length > 0 || (n.hash?.pairs.length ?? 0) > 0
        if (n.path.type === 'PathExpression') {
          const p = n.path as hbs.AST.PathExpression
          if (isCall && (p.data || p.depth > 0 || p.parts.length !== 1 || !ALLOWED.has(p.parts[0]!))) {
            errors.push({ path: field, message: `${loc(node)}: unknown helper ${JSON.stringify(p.original)} (allowed: ${[...ALLOWED].join(', ')})` })
          }
          checkPath(p, node, field, errors)
        }
        for (const param of n.params) visit(param)
        for (const pair of n.hash?.pairs ?? []) visit(pair.value)
        if (node.type === 'BlockStatement') {
          visit((node as hbs.AST.BlockStatement).program)
          visit((node as hbs.AST.BlockStatement).inverse)
        }
        return
      }
      case 'PathExpression':
        checkPath(node as hbs.AST.PathExpression, node, field, errors)
        return
      default:
        return
    }
  }
  visit(ast)
  return errors
}

function checkPath(p: hbs.AST.PathExpression, node: Node, field: string, errors: FieldError[]): void {
  for (const part of p.parts) {
    if (part === '__proto__' || part === 'constructor' || part === 'prototype' || part.startsWith('__')) {
      errors.push({ path: field, message: `${loc(node)}: ${JSON.stringify(p.original)} reaches into object internals` })
    }
  }
}

/** Compiles (and caches) a template; compile problems become TemplateInvalidError. */
export function compileTemplate(source: string, field: string): CompiledTemplate {
  const hit = compiled.get(source)
  if (hit) return hit
  const ast = parseTemplate(source, field)
  const problems = checkTemplateConstructs(ast, field)
  if (problems.length) throw new TemplateInvalidError(field, problems.map((p) => p.message).join('; '))
  let fn: Handlebars.TemplateDelegate
  try {
    // precompile() runs the compiler eagerly so that errors surface now, not at first render.
    hb.precompile(source, COMPILE_OPTIONS)
    fn = hb.compile(source, COMPILE_OPTIONS)
  } catch (e) {
    throw new TemplateInvalidError(field, `does not compile: ${firstLine((e as Error).message)}`, e)
  }
  const render: CompiledTemplate = (context) => fn(context, RUNTIME_OPTIONS)
  compiled.set(source, render)
  if (compiled.size > MAX_CACHED) compiled.delete(compiled.keys().next().value as string)
  return render
}

/** Renders a compiled template; a missing variable or helper failure names the field and line. */
export function runTemplate(template: CompiledTemplate, context: unknown, field: string): string {
  try {
    return template(context)
  } catch (e) {
    const message = (e as Error).message ?? String(e)
    const missing = /^"(.+)" not defined in .* - (\d+):(\d+)/.exec(message)
    if (missing) {
      throw new RenderFailedError(
        field,
        `line ${missing[2]}: "${missing[1]}" has no value; guard it with {{#if ${missing[1]}}} or give it a default in the schema`,
        e,
      )
    }
    throw new RenderFailedError(field, firstLine(message), e)
  }
}

// ---------------------------------------------------------------------------------------------
// Structure lint for YAML and JSON templates.

type Scope = { schema: JsonSchema | undefined; keyUnsafe: boolean }

function propertySchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  if (!schema) return undefined
  const props = schema.properties as Record<string, JsonSchema> | undefined
  if (props && Object.prototype.hasOwnProperty.call(props, key)) return props[key]
  if (/^\d+$/.test(key)) return itemSchema(schema)
  const ap = schema.additionalProperties
  return typeof ap === 'object' && ap !== null ? (ap as JsonSchema) : undefined
}

function itemSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined
  const items = schema.items
  if (typeof items === 'object' && items !== null && !Array.isArray(items)) return items as JsonSchema
  const ap = schema.additionalProperties
  if (schema.type === 'object' && typeof ap === 'object' && ap !== null) return ap as JsonSchema
  return undefined
}

function typesOf(schema: JsonSchema): string[] {
  const t = schema.type
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : []
}

/** Whether a value of this schema, interpolated bare, can never change YAML/JSON structure or type. */
function bareSafe(schema: JsonSchema | undefined): boolean {
  if (!schema) return false
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum.every((v) => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(v) && !/^(y|n|yes|no|on|off|true|false|null|nan|inf)$/i.test(v)))
  }
  const types = typesOf(schema)
  return types.length > 0 && types.every((t) => t === 'integer' || t === 'number' || t === 'boolean')
}

/**
 * For YAML and JSON templates: every `{{value}}` printed without a structure-safe helper must be
 * a number, integer, boolean or a safe enum according to the schema. Free text must go through
 * `{{yaml …}}` (or `{{json …}}`), so no user input can add keys, aliases or documents, or turn a
 * string into a boolean or number.
 */
export function lintStructuredTemplate(ast: AST, rootSchema: JsonSchema, field: string): FieldError[] {
  const errors: FieldError[] = []
  const stack: Scope[] = [{ schema: rootSchema, keyUnsafe: false }]

  const resolve = (p: hbs.AST.PathExpression): { schema: JsonSchema | undefined; safeData?: boolean } => {
    if (p.data) {
      const [head, ...rest] = p.parts
      if (head === 'root') return { schema: rest.reduce<JsonSchema | undefined>((s: JsonSchema | undefined, k: string) => propertySchema(s, k), rootSchema) }
      if (head === 'index' || head === 'first' || head === 'last') return { schema: undefined, safeData: true }
      if (head === 'key') return { schema: undefined, safeData: !stack[stack.length - 1]!.keyUnsafe }
      return { schema: undefined }
    }
    const scope = stack[Math.max(0, stack.length - 1 - p.depth)]!
    return { schema: p.parts.reduce<JsonSchema | undefined>((s: JsonSchema | undefined, k: string) => propertySchema(s, k), scope.schema) }
  }

  const visit = (node: Node | undefined | null): void => {
    if (!node) return
    if (node.type === 'Program') {
      for (const s of (node as hbs.AST.Program).body) visit(s)
      return
    }
    if (node.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement
      if (m.path.type !== 'PathExpression') return
      const p = m.path as hbs.AST.PathExpression
      const isHelper = m.params.length > 0 || m.hash?.pairs.length > 0 || (p.parts.length === 1 && !p.data && p.depth === 0 && ALLOWED.has(p.parts[0]!) && (TEMPLATE_HELPERS as readonly string[]).includes(p.parts[0]!))
      if (isHelper) {
        if (!STRUCTURE_SAFE.has(p.parts[0] ?? '')) {
          errors.push({ path: field, message: `${loc(node)}: the output of {{${p.original} …}} is free text; wrap it as {{yaml (${p.original} …)}}` })
        }
        return
      }
      const r = resolve(p)
      if (!(r.safeData || bareSafe(r.schema))) {
        errors.push({
          path: field,
          message: `${loc(node)}: {{${p.original}}} inserts ${r.schema ? 'a free-text value' : 'a value whose type the schema does not fix'} unquoted; write {{yaml ${p.original}}} so input cannot change the document's structure`,
        })
      }
      return
    }
    if (node.type === 'BlockStatement') {
      const b = node as hbs.AST.BlockStatement
      const name = b.path.parts[0]
      const target = b.params[0]
      const targetSchema = target?.type === 'PathExpression' ? resolve(target as hbs.AST.PathExpression).schema : undefined
      if (name === 'each') {
        const isObj = targetSchema !== undefined && !typesOf(targetSchema).includes('array') && (targetSchema.type === 'object' || targetSchema.properties !== undefined || targetSchema.additionalProperties !== undefined)
        stack.push({ schema: itemSchema(targetSchema), keyUnsafe: isObj })
        visit(b.program)
        stack.pop()
        visit(b.inverse)
        return
      }
      if (name === 'with') {
        stack.push({ schema: targetSchema, keyUnsafe: false })
        visit(b.program)
        stack.pop()
        visit(b.inverse)
        return
      }
      visit(b.program)
      visit(b.inverse)
    }
  }
  visit(ast)
  return errors
}
