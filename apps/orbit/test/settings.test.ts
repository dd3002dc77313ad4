// Input rules a user meets first: repository URLs and branches of apps, DATABASE_URI, PAYLOAD_SECRET.
import { afterEach, describe, expect, it } from 'vitest'

import { validateBranch, validateRepositoryUrl } from '../src/collections/Apps.js'
import { databaseKind } from '../src/db.js'
import { DEV_PAYLOAD_SECRET, payloadSecret } from '../src/env.js'

describe('repositoryUrl', () => {
  it.each([
    'https://github.com/acme/app.git',
    'http://git.internal:8080/team/app',
    'ssh://git@git.example.com:2222/team/app.git',
    'git@github.com:acme/app.git',
    'file:///srv/git/app.git',
    '/srv/git/app.git',
  ])('accepts %s', (url) => {
    expect(validateRepositoryUrl(url)).toBe(true)
  })

  it.each([
    ['', 'is required'],
    ['--upload-pack=touch /tmp/x', 'must not start with "-"'],
    ['--upload-pack=evil', 'must not start with "-"'],
    ['ext::sh -c evil', 'remote helper transport'],
    ['ext::evil', 'remote helper transport'],
    ['ftp://example.com/app.git', 'scheme "ftp"'],
    ['git://git.example.com/app.git', 'scheme "git"'],
    ['https://user:secret@example.com/app.git', 'must not contain credentials'],
    ['not a url', 'whitespace'],
    ['relative/path', 'is not an https://'],
    ['https://example.com/a\nb', 'control characters'],
    ['/srv/../etc/app.git', 'must not contain ".."'],
  ])('refuses %j, naming the field (%s)', (url, problem) => {
    const result = validateRepositoryUrl(url)
    expect(result).toMatch(/^repositoryUrl: /)
    expect(result).toContain(problem)
  })
})

describe('branch', () => {
  it.each(['main', 'release/1.2', 'feature/JIRA-12_fix', undefined, ''])('accepts %j (empty means main)', (branch) => {
    expect(validateBranch(branch)).toBe(true)
  })

  it.each(['-f', 'a..b', 'a b', 'a~1', 'x.lock', '/abs', 'end/', 'a@{1}', 'a:b', 'star*'])('refuses %j', (branch) => {
    expect(validateBranch(branch)).toMatch(/^branch: /)
  })
})

describe('DATABASE_URI', () => {
  it('selects SQLite when unset or file:, MongoDB for mongodb:// and mongodb+srv://', () => {
    expect(databaseKind(undefined)).toBe('sqlite')
    expect(databaseKind('')).toBe('sqlite')
    expect(databaseKind('file:./orbit.db')).toBe('sqlite')
    expect(databaseKind('mongodb://localhost:27017/orbit')).toBe('mongodb')
    expect(databaseKind('mongodb+srv://cluster.example.com/orbit')).toBe('mongodb')
  })

  it('refuses anything else, naming the variable', () => {
    expect(() => databaseKind('postgres://localhost/orbit')).toThrow('DATABASE_URI: unsupported scheme "postgres:"')
  })
})

describe('PAYLOAD_SECRET', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET, NEXT_PHASE: process.env.NEXT_PHASE }
  const env = process.env as Record<string, string | undefined>
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete env[key]
      else env[key] = value
    }
  })

  it('has a dev default outside production', () => {
    env.NODE_ENV = 'development'
    delete env.PAYLOAD_SECRET
    expect(payloadSecret()).toBe(DEV_PAYLOAD_SECRET)
  })

  it('is required in production, and the dev default is refused there', () => {
    env.NODE_ENV = 'production'
    delete env.NEXT_PHASE
    delete env.PAYLOAD_SECRET
    expect(() => payloadSecret()).toThrow('PAYLOAD_SECRET is not set')
    env.PAYLOAD_SECRET = DEV_PAYLOAD_SECRET
    expect(() => payloadSecret()).toThrow('PAYLOAD_SECRET is the dev default')
    env.PAYLOAD_SECRET = 'a-real-secret'
    expect(payloadSecret()).toBe('a-real-secret')
  })

  it('is not needed while `next build` evaluates the config', () => {
    env.NODE_ENV = 'production'
    env.NEXT_PHASE = 'phase-production-build'
    delete env.PAYLOAD_SECRET
    expect(payloadSecret()).toBe(DEV_PAYLOAD_SECRET)
  })
})
