import { describe, expect, test } from 'vitest'
import {
  DEPLOYMENT_STATUSES,
  ExecutorRegistry,
  HEALTH_STATUSES,
  canTransition,
  deploymentWorkflowId,
  healthCheckWorkflowId,
  isDeploymentStatus,
  isHealthStatus,
  nextStatuses,
} from '../src/index.js'
import type { DeploymentStatus, Executor } from '../src/index.js'

describe('deployment statuses', () => {
  test('the seven statuses of the design', () => {
    expect(DEPLOYMENT_STATUSES).toEqual(['pending', 'generating', 'generated', 'deploying', 'deployed', 'failed', 'destroyed'])
    expect(HEALTH_STATUSES).toEqual(['healthy', 'degraded', 'down', 'unknown'])
    expect(isDeploymentStatus('generated')).toBe(true)
    expect(isDeploymentStatus('running')).toBe(false)
    expect(isHealthStatus('down')).toBe(true)
    expect(isHealthStatus('ok')).toBe(false)
  })

  test('the happy paths move forward', () => {
    const path: DeploymentStatus[] = ['pending', 'generating', 'generated', 'deploying', 'deployed']
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true)
  })

  test('any status can fail', () => {
    for (const from of DEPLOYMENT_STATUSES) expect(canTransition(from, 'failed')).toBe(true)
  })

  test('only generated, deployed or failed deployments are destroyed', () => {
    const allowed = DEPLOYMENT_STATUSES.filter((s) => canTransition(s, 'destroyed') && s !== 'destroyed')
    expect(allowed.sort()).toEqual(['deployed', 'failed', 'generated'])
  })

  test('no skipping or moving backwards mid-run', () => {
    expect(canTransition('pending', 'generated')).toBe(false)
    expect(canTransition('pending', 'deployed')).toBe(false)
    expect(canTransition('generating', 'deploying')).toBe(false)
    expect(canTransition('deployed', 'generating')).toBe(false)
    expect(canTransition('destroyed', 'deployed')).toBe(false)
    expect(canTransition('generating', 'pending')).toBe(false)
  })

  test('re-generate restarts finished deployments at pending', () => {
    for (const from of ['generated', 'deployed', 'failed', 'destroyed'] as const) expect(canTransition(from, 'pending')).toBe(true)
  })

  test('staying in a status is an idempotent write', () => {
    for (const s of DEPLOYMENT_STATUSES) expect(canTransition(s, s)).toBe(true)
  })

  test('nextStatuses lists the one-step moves', () => {
    expect(nextStatuses('pending')).toEqual(['generating', 'failed'])
  })
})

describe('workflow IDs', () => {
  test('are business IDs built in one place', () => {
    expect(deploymentWorkflowId('66f1c0a2b3')).toBe('deployment-66f1c0a2b3')
    expect(deploymentWorkflowId(42)).toBe('deployment-42')
    expect(healthCheckWorkflowId(42)).toBe('deployment-42-health')
  })

  test('refuse ids that are not plain identifiers', () => {
    expect(() => deploymentWorkflowId('')).toThrow(/deploymentId must be/)
    expect(() => deploymentWorkflowId('a/b')).toThrow(/deploymentId must be/)
    expect(() => deploymentWorkflowId('x'.repeat(200))).toThrow(/deploymentId must be/)
  })
})

describe('ExecutorRegistry', () => {
  const fake = (type: string): Executor => ({
    type,
    displayName: type,
    deploys: false,
    validateConfig: async () => ({ valid: true }),
    prepare: async () => {},
    generate: async () => null,
    execute: async () => null,
    destroy: async () => {},
  })

  test('register, get and list', () => {
    const a = fake('docker-compose')
    const b = fake('helm')
    const registry = new ExecutorRegistry([a]).register(b)
    expect(registry.get('helm')).toBe(b)
    expect(registry.has('docker-compose')).toBe(true)
    expect(registry.list().map((e) => e.type)).toEqual(['docker-compose', 'helm'])
  })

  test('a duplicate type throws EXECUTOR_DUPLICATE', () => {
    const registry = new ExecutorRegistry([fake('helm')])
    expect(() => registry.register(fake('helm'))).toThrow(expect.objectContaining({ code: 'EXECUTOR_DUPLICATE' }))
  })

  test('an unknown type throws EXECUTOR_NOT_FOUND naming the known ones', () => {
    const registry = new ExecutorRegistry([fake('docker-compose')])
    expect(() => registry.get('terraform')).toThrow(/No executor registered for type "terraform" \(known: docker-compose\)/)
  })
})
