// Validation as a person meets it: a bad generator or config is a 400 whose errors name the
// field; status only moves along core's transitions; slugs derive from names; seeding upserts.
import { dockerComposeLocal } from '@orbit/deployments-core'
import { ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedBuiltInGenerators } from '../src/seed/seedBuiltIns.js'
import { sanitizeOptions } from '../src/defaults.js'
import { createDeployment, helloGenerator, unique } from './helpers/fixtures.js'
import { startStack } from './helpers/stack.js'
import type { Stack } from './helpers/stack.js'

let stack: Stack

/** The `{ path, message }` list of a ValidationError, or a failure if something else happened. */
async function fieldErrors(fn: () => Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).status).toBe(400)
    return (error as ValidationError).data.errors.map(({ path, message }) => ({ path, message }))
  }
  throw new Error('expected a ValidationError (400), but the operation succeeded')
}

const asOwnerA = () => ({ user: stack.actors.ownerA.user!, overrideAccess: false })
const asMemberA = () => ({ user: stack.actors.memberA.user!, overrideAccess: false })
const asService = () => ({ user: stack.actors.service.user!, overrideAccess: false })

describe(`validation (${process.env.ORBIT_TEST_DB ?? 'sqlite'})`, () => {
  beforeAll(async () => {
    // Temporal is deliberately absent here (a closed port): creates must still succeed.
    stack = await startStack({ temporal: false })
  })
  afterAll(async () => {
    await stack?.stop()
  })

  describe('generators', () => {
    const create = (extra: Record<string, unknown>) =>
      stack.payload.create({ collection: 'deployment-generators', data: helloGenerator({ workspace: stack.workspaces.A, ...extra }), ...asOwnerA() })

    it('an unknown helper is a 400 on templateFiles.<n>.content', async () => {
      const errors = await fieldErrors(() =>
        create({ templateFiles: [{ path: 'ok.txt', content: 'fine' }, { path: 'run.txt', content: 'x {{exec "rm -rf /"}}' }] }),
      )
      expect(errors.map((e) => e.path)).toEqual(['templateFiles.1.content'])
      expect(errors[0]!.message).toMatch(/exec/)
    })

    it('a path escaping the repository is a 400 on templateFiles.<n>.path', async () => {
      const errors = await fieldErrors(() => create({ templateFiles: [{ path: '../../etc/passwd', content: 'x' }] }))
      expect(errors.map((e) => e.path)).toEqual(['templateFiles.0.path'])
      expect(errors[0]!.message).toMatch(/\.\./)
    })

    it('a hostile schema ($data, remote $ref, catastrophic pattern) is a 400 under configSchema', async () => {
      for (const configSchema of [
        { type: 'object', properties: { a: { $ref: 'https://evil.example/schema.json' } } },
        { type: 'object', properties: { a: { type: 'string', pattern: '(?<=a)b' } } },
        { type: 'object', properties: { a: { const: { $data: '1/b' } } } },
        { type: 'object', properties: { a: { type: 'nonsense' } } },
      ]) {
        const errors = await fieldErrors(() => create({ configSchema }))
        expect(errors.length).toBeGreaterThan(0)
        for (const e of errors) expect(e.path.startsWith('configSchema')).toBe(true)
      }
    })

    it('a YAML template with a bare free-text value is refused (no injection through inputs)', async () => {
      const errors = await fieldErrors(() => create({ templateFiles: [{ path: 'values.yaml', content: 'name: {{name}}\n' }] }))
      expect(errors.map((e) => e.path)).toEqual(['templateFiles.0.content'])
    })

    it('several problems are all listed, each naming its field', async () => {
      const errors = await fieldErrors(() =>
        create({ executorType: 'docker-compose', version: 1, slug: 'Bad Slug!', templateFiles: [{ path: '/abs', content: '{{#each}}' }] }),
      )
      const paths = errors.map((e) => e.path)
      expect(paths).toContain('slug')
      expect(paths).toContain('templateFiles.0.path')
      expect(paths).toContain('templateFiles.0.content')
    })

    it('the slug is derived from the name when empty, and must be unique', async () => {
      const name = `My Service ${unique('x')}`
      const doc = await create({ name, slug: '' })
      expect(doc.slug).toBe(name.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
      const dup = await fieldErrors(() => create({ name, slug: doc.slug }))
      expect(dup.map((e) => e.path)).toContain('slug')
    })

    it('version must be a positive whole number', async () => {
      const errors = await fieldErrors(() => create({ version: 0 }))
      expect(errors.map((e) => e.path)).toContain('version')
      expect((await fieldErrors(() => create({ version: 1.5 }))).map((e) => e.path)).toContain('version')
    })

    it('a non-built-in generator needs a workspace; a built-in one has none', async () => {
      const noWorkspace = await fieldErrors(() =>
        stack.payload.create({ collection: 'deployment-generators', data: helloGenerator(), user: stack.actors.platformAdmin.user!, overrideAccess: false }),
      )
      expect(noWorkspace.map((e) => e.path)).toEqual(['workspace'])
      const both = await fieldErrors(() =>
        stack.payload.create({
          collection: 'deployment-generators',
          data: helloGenerator({ isBuiltIn: true, workspace: stack.workspaces.A }),
          user: stack.actors.platformAdmin.user!,
          overrideAccess: false,
        }),
      )
      expect(both.map((e) => e.path)).toEqual(['workspace'])
    })

    it('a generator that deployments use cannot be deleted (409)', async () => {
      const gen = await create({})
      const dep = await stack.payload.create({
        collection: 'deployments',
        data: { app: stack.apps.A, generator: gen.id, name: unique('uses'), config: { name: 'x' } },
        ...asMemberA(),
      })
      await expect(stack.payload.delete({ collection: 'deployment-generators', id: gen.id, ...asOwnerA() })).rejects.toMatchObject({ status: 409 })
      await stack.payload.delete({ collection: 'deployments', id: dep.id, overrideAccess: true })
      await stack.payload.delete({ collection: 'deployment-generators', id: gen.id, ...asOwnerA() })
    })

    it('an update is checked as the merged document (a partial edit cannot break it)', async () => {
      const doc = await create({})
      const errors = await fieldErrors(() =>
        stack.payload.update({ collection: 'deployment-generators', id: doc.id, data: { templateFiles: [{ path: 'a.txt', content: '{{/if}}' }] }, ...asOwnerA() }),
      )
      expect(errors.map((e) => e.path)).toEqual(['templateFiles.0.content'])
      const fine = await stack.payload.update({ collection: 'deployment-generators', id: doc.id, data: { description: 'still valid' }, ...asOwnerA() })
      expect(fine.description).toBe('still valid')
    })
  })

  describe('deployments', () => {
    const create = (config: unknown) =>
      stack.payload.create({
        collection: 'deployments',
        data: { app: stack.apps.A, generator: stack.builtInGeneratorId, name: unique('cfg'), config },
        ...asMemberA(),
      })

    it('a bad config is a 400 listing each field as config.<path>', async () => {
      const errors = await fieldErrors(() => create({ serviceName: 'Bad Name!', port: 70000, environment: [{ key: '1X' }], extra: true }))
      const paths = errors.map((e) => e.path).sort()
      expect(paths).toEqual(expect.arrayContaining(['config.serviceName', 'config.port', 'config.environment.0.key']))
      expect(errors.find((e) => e.path === 'config.port')!.message).toMatch(/65535/)
    })

    it('a missing required field is named', async () => {
      const errors = await fieldErrors(() => create({ port: 8080 }))
      expect(errors).toEqual([{ path: 'config.serviceName', message: expect.stringMatching(/required/) as unknown as string }])
    })

    it('a config change is validated on update too', async () => {
      const doc = await create({ serviceName: 'web', port: 80 })
      const errors = await fieldErrors(() =>
        stack.payload.update({ collection: 'deployments', id: doc.id, data: { config: { serviceName: 'web', port: 'eighty' } }, ...asMemberA() }),
      )
      expect(errors.map((e) => e.path)).toEqual(['config.port'])
    })

    it('the worker can only move status along the allowed transitions (400 on status otherwise)', async () => {
      const doc = await createDeployment(stack, stack.apps.A)
      const illegal = await fieldErrors(() => stack.payload.update({ collection: 'deployments', id: doc.id, data: { status: 'deployed' }, ...asService() }))
      expect(illegal).toEqual([{ path: 'status', message: expect.stringMatching(/cannot move from pending to deployed/) as unknown as string }])
      for (const status of ['generating', 'generated', 'deploying', 'deployed', 'destroyed']) {
        const next = await stack.payload.update({ collection: 'deployments', id: doc.id, data: { status }, ...asService() })
        expect(next.status).toBe(status)
      }
      const back = await fieldErrors(() => stack.payload.update({ collection: 'deployments', id: doc.id, data: { status: 'generating' }, ...asService() }))
      expect(back.map((e) => e.path)).toEqual(['status'])
    })

    it('endpoints must be a list of strings, outputs an object', async () => {
      const doc = await createDeployment(stack, stack.apps.A)
      const errors = await fieldErrors(() =>
        stack.payload.update({ collection: 'deployments', id: doc.id, data: { endpoints: 'http://x', outputs: [1] }, ...asService() }),
      )
      expect(errors.map((e) => e.path).sort()).toEqual(['endpoints', 'outputs'])
    })

    it('the app and the generator cannot change after create (400 naming them)', async () => {
      const doc = await createDeployment(stack, stack.apps.A)
      const other = await stack.payload.create({ collection: 'apps', data: { name: 'other-a', workspace: stack.workspaces.A }, overrideAccess: true })
      expect((await fieldErrors(() => stack.payload.update({ collection: 'deployments', id: doc.id, data: { app: other.id }, ...asMemberA() }))).map((e) => e.path)).toEqual(['app'])
      const gen = await stack.payload.create({ collection: 'deployment-generators', data: helloGenerator({ workspace: stack.workspaces.A }), overrideAccess: true })
      expect(
        (await fieldErrors(() => stack.payload.update({ collection: 'deployments', id: doc.id, data: { generator: gen.id }, overrideAccess: true }))).map((e) => e.path),
      ).toEqual(['generator'])
    })

    it('a missing app or generator is named', async () => {
      const errors = await fieldErrors(() =>
        stack.payload.create({ collection: 'deployments', data: { app: stack.apps.A, name: 'x', config: {} }, overrideAccess: true }),
      )
      expect(errors.map((e) => e.path)).toContain('generator')
    })

    it('with Temporal unreachable the create succeeds, stays pending and says so in lastError', async () => {
      const started = Date.now()
      const doc = await create({ serviceName: 'web', port: 80 })
      expect(doc.status).toBe('pending')
      expect(doc.lastError).toMatch(/Temporal is unreachable at 127\.0\.0\.1:\d+.*starts automatically/)
      expect(doc.lastError).not.toMatch(/\n\s+at /) // no stack trace
      expect(doc.workflowId ?? null).toBeNull()
      expect(String(doc.lastDeployedBy && (doc.lastDeployedBy as { id?: unknown }).id)).toBe(String(stack.actors.memberA.user!.id))
      // The failure is cached briefly: the next creates do not wait for another timeout.
      for (let i = 0; i < 5; i++) await create({ serviceName: 'web', port: 80 })
      expect(Date.now() - started).toBeLessThan(15_000)
    })
  })

  describe('JSON with $-keys and dotted keys (JSON Schema $defs/$ref, terraform outputs)', () => {
    it('round-trips through every API on every adapter, and validation and preview use it', async () => {
      const configSchema = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        $defs: { label: { type: 'string', maxLength: 20 } },
        required: ['name'],
        properties: { name: { $ref: '#/$defs/label' }, 'app.tier': { type: 'string' }, '100%': { type: 'string' } },
      }
      const gen = await stack.payload.create({
        collection: 'deployment-generators',
        data: helloGenerator({ workspace: stack.workspaces.A, configSchema }),
        ...asOwnerA(),
      })
      expect(gen.configSchema).toEqual(configSchema)
      const read = await stack.payload.findByID({ collection: 'deployment-generators', id: gen.id, ...asMemberA() })
      expect(read.configSchema).toEqual(configSchema)
      const rest = await stack.rest(stack.actors.service, 'GET', `/deployment-generators/${gen.id}`)
      expect(rest.body.configSchema).toEqual(configSchema)

      const config = { name: 'x', 'app.tier': 'web', '100%': 'yes' }
      const dep = await stack.payload.create({
        collection: 'deployments',
        data: { app: stack.apps.A, generator: gen.id, name: unique('dollar'), config },
        ...asMemberA(),
      })
      expect(dep.config).toEqual(config)
      // The $ref is followed: too long a name is refused on the referenced definition.
      const errors = await fieldErrors(() =>
        stack.payload.update({ collection: 'deployments', id: dep.id, data: { config: { name: 'x'.repeat(30) } }, ...asMemberA() }),
      )
      expect(errors.map((e) => e.path)).toEqual(['config.name'])

      const outputs = { 'module.vpc.id': 'vpc-1', $weird: { 'a.b': 1 } }
      await stack.payload.update({ collection: 'deployments', id: dep.id, data: { outputs }, ...asService() })
      const stored = await stack.rest(stack.actors.memberA, 'GET', `/deployments/${dep.id}`)
      expect(stored.body.outputs).toEqual(outputs)
      expect(stored.body.config).toEqual(config)

      const preview = await stack.rest(stack.actors.memberA, 'POST', `/deployment-generators/${gen.id}/preview`, { config: { name: 'y' } })
      expect(preview.status).toBe(200)
    })
  })

  describe('seeding', () => {
    it('upserts built-ins by slug only when the shipped version is newer, never touching workspace generators', async () => {
      const cfg = sanitizeOptions({})
      const stored = async () =>
        (await stack.payload.find({ collection: 'deployment-generators', where: { slug: { equals: 'docker-compose-local' } }, overrideAccess: true, depth: 0 })).docs
      expect((await stored()).length).toBe(1)

      // Same version again: unchanged.
      expect(await seedBuiltInGenerators(stack.payload, cfg)).toMatchObject({ created: [], updated: [], unchanged: ['docker-compose-local'] })
      // A newer version replaces it in place (same id).
      const before = (await stored())[0]!
      const v2 = { ...dockerComposeLocal, version: 2, description: 'v2' }
      expect(await seedBuiltInGenerators(stack.payload, cfg, [v2])).toMatchObject({ updated: ['docker-compose-local'] })
      const after = (await stored())[0]!
      expect(after.id).toBe(before.id)
      expect(after).toMatchObject({ version: 2, description: 'v2', isBuiltIn: true })
      // An older one does not downgrade it.
      expect(await seedBuiltInGenerators(stack.payload, cfg, [dockerComposeLocal])).toMatchObject({ unchanged: ['docker-compose-local'] })
      expect((await stored())[0]).toMatchObject({ version: 2 })

      // A workspace generator that uses a would-be built-in slug is left alone.
      const mine = await stack.payload.create({
        collection: 'deployment-generators',
        data: helloGenerator({ slug: 'future-built-in', workspace: stack.workspaces.A, description: 'mine' }),
        overrideAccess: true,
      })
      const future = { ...dockerComposeLocal, slug: 'future-built-in', version: 9 }
      expect(await seedBuiltInGenerators(stack.payload, cfg, [future])).toMatchObject({ skipped: ['future-built-in'] })
      const kept = await stack.payload.findByID({ collection: 'deployment-generators', id: mine.id, overrideAccess: true, depth: 0 })
      expect(kept).toMatchObject({ description: 'mine', isBuiltIn: false, version: 1 })
    })
  })
})
