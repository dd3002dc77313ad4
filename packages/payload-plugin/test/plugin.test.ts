// The plugin's config transformation, without a database: shape, defaults, overrides, enabled.
import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { deploymentsPlugin, sanitizeOptions } from '../src/index.js'

const host: Config = {
  secret: 'x',
  collections: [{ slug: 'users', auth: true, fields: [] }, { slug: 'apps', fields: [] }],
  db: undefined as unknown as Config['db'],
}
const find = (config: Config, slug: string) => config.collections!.find((c) => c.slug === slug) as CollectionConfig

describe('deploymentsPlugin(options)(config)', () => {
  it('adds both collections after the host collections and keeps the rest of the config', () => {
    const out = deploymentsPlugin()(host)
    expect(out.collections!.map((c) => c.slug)).toEqual(['users', 'apps', 'deployment-generators', 'deployments'])
    expect(out.secret).toBe('x')
    expect(find(out, 'deployments').endpoints).toHaveLength(2)
    expect(find(out, 'deployment-generators').endpoints).toHaveLength(1)
    expect(typeof out.onInit).toBe('function')
  })

  it('enabled: false still adds the collections (schema stays stable) but no endpoints, workflow hooks or onInit', () => {
    const out = deploymentsPlugin({ enabled: false })(host)
    expect(find(out, 'deployments').fields.length).toBe(find(deploymentsPlugin()(host), 'deployments').fields.length)
    expect(find(out, 'deployments').endpoints).toEqual([])
    expect(find(out, 'deployments').hooks?.afterChange).toEqual([])
    expect(out.onInit).toBeUndefined()
  })

  it('chains the host onInit', () => {
    const onInit = async () => undefined
    expect(deploymentsPlugin({ enabled: false })({ ...host, onInit }).onInit).toBe(onInit)
    expect(deploymentsPlugin()({ ...host, onInit }).onInit).not.toBe(onInit)
  })

  it('overrides: fields receive the defaults; user hooks run before the plugin hooks', () => {
    const mine = () => undefined
    const out = deploymentsPlugin({
      deploymentsOverrides: {
        admin: { group: 'Platform' },
        fields: ({ defaultFields }) => [...defaultFields, { name: 'notes', type: 'textarea' }],
        hooks: { beforeChange: [mine] },
      },
    })(host)
    const deployments = find(out, 'deployments')
    expect(deployments.admin?.group).toBe('Platform')
    expect(deployments.fields.at(-1)).toMatchObject({ name: 'notes' })
    expect(deployments.hooks?.beforeChange?.[0]).toBe(mine)
    expect(deployments.hooks?.beforeChange?.length).toBeGreaterThan(1)
  })

  it('uses the host slugs it is given', () => {
    const out = deploymentsPlugin({ appsSlug: 'services', workspacesSlug: 'teams', usersSlug: 'people' })(host)
    const fields = find(out, 'deployments').fields as { name?: string; relationTo?: string }[]
    expect(fields.find((f) => f.name === 'app')?.relationTo).toBe('services')
    expect(fields.find((f) => f.name === 'workspace')?.relationTo).toBe('teams')
    expect(fields.find((f) => f.name === 'lastDeployedBy')?.relationTo).toBe('people')
  })

  it('refuses a config that already has one of its collections', () => {
    expect(() => deploymentsPlugin()({ ...host, collections: [{ slug: 'deployments', fields: [] }] })).toThrow(/already has a collection "deployments"/)
  })

  it('Temporal settings come from options, then env, then dev defaults; nothing connects at config time', () => {
    expect(sanitizeOptions({}, {}).temporal).toMatchObject({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'orbit-deployments' })
    expect(sanitizeOptions({}, { TEMPORAL_ADDRESS: 't:1', TEMPORAL_NAMESPACE: 'ns', ORBIT_TASK_QUEUE: 'q' }).temporal).toMatchObject({
      address: 't:1',
      namespace: 'ns',
      taskQueue: 'q',
    })
    expect(sanitizeOptions({ temporal: { address: 'o:2' } }, { TEMPORAL_ADDRESS: 't:1' }).temporal.address).toBe('o:2')
    // Building the config against an address where nothing listens does not throw or wait.
    const started = Date.now()
    deploymentsPlugin({ temporal: { address: '127.0.0.1:1' } })(host)
    expect(Date.now() - started).toBeLessThan(500)
  })
})
