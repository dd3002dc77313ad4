// The worker's env configuration and its logger's redaction.
import { Writable } from 'node:stream'
import { expect, test } from 'vitest'
import { ConfigError, configSecrets, loadWorkerConfig } from '../src/config.js'
import { readableError } from '../src/errors.js'
import { createLogger } from '../src/logger.js'

test('defaults and per-host/per-app tokens', () => {
  const c = loadWorkerConfig({ ORBIT_URL: 'http://orbit:3000', ORBIT_API_KEY: 'key-123456', ORBIT_GIT_TOKENS: '{"GitHub.com":"gh-tok","app:42":"app-tok"}' })
  expect(c).toMatchObject({ temporalAddress: 'localhost:7233', temporalNamespace: 'default', taskQueue: 'orbit-deployments', logLevel: 'info' })
  expect(c.git.tokens).toEqual({ 'github.com': 'gh-tok', 'app:42': 'app-tok' })
  expect(configSecrets(c).sort()).toEqual(['app-tok', 'gh-tok', 'key-123456'])
})

test('every problem is reported at once', () => {
  try {
    loadWorkerConfig({ ORBIT_URL: 'https://user:pw@orbit', LOG_LEVEL: 'loud', ORBIT_WORK_DIR: 'relative' })
    expect.unreachable()
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as ConfigError).problems).toEqual([
      'ORBIT_URL must not contain credentials (use ORBIT_API_KEY)',
      "ORBIT_API_KEY is required (the Orbit service account's API key)",
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      'ORBIT_WORK_DIR must be an absolute path',
    ])
  }
})

test('logs never carry a secret: known fields censored, values scrubbed from messages and nested fields', () => {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  const logger = createLogger({ secrets: ['s3cr3t-token'], destination })
  logger.info({ token: 'anything', headers: { authorization: 'users API-Key abc' }, nested: { detail: 'git said s3cr3t-token' } }, 'clone of https://x:s3cr3t-token@host/r.git failed')
  logger.warn({ error: new Error('boom s3cr3t-token') }, 'failed')
  const out = lines.join('')
  expect(out).not.toContain('s3cr3t-token')
  expect(out).not.toContain('abc')
  expect(out).toContain('***')
})

test('readable errors: first lines only, no stack frames, secrets and URL credentials removed', () => {
  const e = new Error('git push failed: could not read from https://u:tok-999999@host/x\n    at push (/app/dist/git.js:10:5)\n    at run')
  expect(readableError(e, ['tok-999999'])).toBe('git push failed: could not read from https://***@host/x')
})
