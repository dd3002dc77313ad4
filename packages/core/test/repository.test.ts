import { describe, expect, test } from 'vitest'
import { checkBranchName, checkRepositoryUrl } from '../src/index.js'

describe('checkRepositoryUrl (shared by the app on save and the worker before git)', () => {
  test.each([
    ['https://github.com/acme/api.git', 'https', 'github.com'],
    ['ssh://git@git.example.com:2222/team/app.git', 'ssh', 'git.example.com'],
    ['git@github.com:acme/app.git', 'ssh', 'github.com'],
    ['http://127.0.0.1:8080/app.git', 'http', '127.0.0.1'],
    ['file:///srv/git/app.git', 'file', null],
    ['/srv/git/app.git', 'file', null],
  ])('accepts %s', (url, kind, host) => {
    expect(checkRepositoryUrl(url)).toEqual({ ok: true, url, kind, host })
  })

  test.each([
    ['-uevil', /must not start with "-"/],
    ['ext::sh -c touch% /tmp/x', /remote helper transport/],
    ['git://example.com/a.git', /scheme "git"/],
    ['https://user:token@example.com/a.git', /must not contain credentials/],
    ['http://example.com/a.git', /plain http to a non-loopback host/],
    ['https://example.com/a b', /whitespace/],
    ['/srv/../etc', /must not contain "\.\."/],
    ['file://remote-host/x', /file:\/\/\/absolute\/path/],
    ['', /is required/],
  ])('refuses %j', (url, problem) => {
    const result = checkRepositoryUrl(url)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toMatch(problem)
  })

  test('a policy can allow plain http and refuse local paths', () => {
    expect(checkRepositoryUrl('http://git.internal/a.git', { allowInsecureHttp: true })).toMatchObject({ ok: true, kind: 'http' })
    expect(checkRepositoryUrl('/srv/a.git', { allowLocal: false })).toMatchObject({ ok: false })
  })
})

describe('checkBranchName', () => {
  test('valid names come back; empty means main', () => {
    expect(checkBranchName('release/1.2')).toBe('release/1.2')
    expect(checkBranchName('')).toBe('main')
  })
  test.each(['-f', 'a..b', 'a b', 'x.lock', '/abs', 'end/', 'a@{1}', 'HEAD', '.hidden'])('refuses %j', (branch) => {
    expect(checkBranchName(branch)).toEqual({ problem: expect.stringMatching(/is not a valid git branch name/) })
  })
})
