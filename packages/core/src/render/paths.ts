import { UnsafePathError } from '../errors.js'
import { LIMITS } from '../validation/limits.js'

// Control characters, bidi overrides and zero-width characters have no place in a file name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ODD_CHARS = /[\u0000-\u001f\u007f\u0085\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/

/**
 * Normalises a template file path and refuses anything that could leave the repository or
 * reach git's internals: absolute paths, drive letters, `..`, `.git` (any case, any depth,
 * NTFS short names), backslashes, control/bidi/zero-width characters.
 *
 * @param field the field named in the error, e.g. `templateFiles[2].path`
 * @returns the normalised path (`./a//b.yml` → `a/b.yml`)
 * @throws UnsafePathError
 */
export function safeRelativePath(raw: unknown, field: string): string {
  if (typeof raw !== 'string') throw new UnsafePathError(field, String(raw), 'must be a string')
  if (raw.length === 0) throw new UnsafePathError(field, raw, 'must not be empty')
  if (raw.length > LIMITS.pathLength) throw new UnsafePathError(field, raw, `is longer than ${LIMITS.pathLength} characters`)
  if (ODD_CHARS.test(raw)) throw new UnsafePathError(field, raw, 'contains a control, bidi or zero-width character')
  if (raw.includes('\\')) throw new UnsafePathError(field, raw, 'contains a backslash (use / between folders)')
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw new UnsafePathError(field, raw, 'must be relative to the repository root')
  if (raw.startsWith('~')) throw new UnsafePathError(field, raw, 'must not start with ~')
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.length === 0) throw new UnsafePathError(field, raw, 'does not name a file')
  for (const segment of segments) {
    if (segment === '..') throw new UnsafePathError(field, raw, 'must not contain ".." (it would leave the repository)')
    if (/^\.git[. ]*$/i.test(segment) || /^git~\d+$/i.test(segment)) {
      throw new UnsafePathError(field, raw, 'must not be inside .git')
    }
    if (/[. ]$/.test(segment) && segment !== '.') {
      // "a. " or "dir." are silently renamed on some file systems: refuse rather than surprise.
      throw new UnsafePathError(field, raw, 'has a folder or file name ending in a dot or space')
    }
  }
  if (raw.endsWith('/')) throw new UnsafePathError(field, raw, 'ends with / (it must name a file)')
  return segments.join('/')
}
