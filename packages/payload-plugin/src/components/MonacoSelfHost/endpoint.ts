import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, resolve, sep } from 'node:path'

import type { Endpoint } from 'payload'

import { respondError } from '../../utilities/respond.js'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
}

let vsDir: string | null | undefined

/**
 * Where monaco-editor's prebuilt AMD files (`min/vs`) are. Resolved with Node's own require at
 * run time (through process.getBuiltinModule, which bundlers leave alone), from this file.
 */
function monacoVsDir(): string | null {
  if (vsDir !== undefined) return vsDir
  try {
    const { createRequire } = process.getBuiltinModule('node:module')
    // The package's "require" entry is min/vs/index.js: its folder is the AMD build Monaco's loader wants.
    const entry = createRequire(import.meta.url).resolve('monaco-editor')
    const dir = dirname(entry)
    vsDir = existsSync(join(dir, 'loader.js')) ? dir : null
  } catch {
    vsDir = null
  }
  return vsDir
}

/**
 * `GET /api/orbit-deployments/monaco/vs/<file>`: serves monaco-editor's files to signed-in
 * admin users (the Monaco loader fetches them same-origin, with the session cookie). Only
 * files inside monaco-editor/min/vs, only known static types; 401 for anonymous requests.
 */
export const monacoEndpoint = (base = '/orbit-deployments/monaco'): Endpoint => ({
  path: `${base}/vs/:file(.*)`,
  method: 'get',
  handler: async (req) => {
    if (!req.user) return respondError(req, 401, 'Sign in to load the editor.')
    const root = monacoVsDir()
    if (!root) return respondError(req, 404, 'monaco-editor is not installed next to the deployments plugin.')
    const file = String(req.routeParams?.file ?? '')
    const type = TYPES[extname(file).toLowerCase()]
    const full = resolve(root, file)
    if (!type || file.includes('\0') || !full.startsWith(root + sep)) return respondError(req, 404, 'Not found.')
    try {
      if (!(await stat(full)).isFile()) return respondError(req, 404, 'Not found.')
      const body = await readFile(full)
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
      })
    } catch {
      return respondError(req, 404, 'Not found.')
    }
  },
})
