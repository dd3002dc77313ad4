// The access matrix of issue 3: two workspaces x roles x operations, on both collections and the
// three endpoints, through the Local API (overrideAccess: false, real users) and Payload's REST
// handler (real JWT / API-key auth), with GraphQL reads and mutations beside them. Every cell is
// its own test, named after the cell.
import { deploymentWorkflowId } from '@orbit/deployments-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDeployment, createGenerator, errorStatus, helloGenerator, unique } from './helpers/fixtures.js'
import { startStack, terminateOpenRuns } from './helpers/stack.js'
import type { ActorName, Stack } from './helpers/stack.js'

const ACTORS: ActorName[] = ['platformAdmin', 'ownerA', 'adminA', 'memberA', 'memberB', 'outsider', 'service', 'anonymous']
const SIGNED_IN: ActorName[] = ['platformAdmin', 'ownerA', 'adminA', 'memberA', 'memberB', 'outsider', 'service']

type GenTarget = 'builtIn' | 'genA' | 'genB'
type DepTarget = 'depA' | 'depB'
const GEN_TARGETS: GenTarget[] = ['builtIn', 'genA', 'genB']
const DEP_TARGETS: DepTarget[] = ['depA', 'depB']

// Expected permissions: exactly the rules.
const genRead: Record<GenTarget, ActorName[]> = {
  builtIn: SIGNED_IN,
  genA: ['platformAdmin', 'service', 'ownerA', 'adminA', 'memberA'],
  genB: ['platformAdmin', 'service', 'memberB'],
}
const genWrite: Record<GenTarget, ActorName[]> = {
  builtIn: ['platformAdmin'],
  genA: ['platformAdmin', 'ownerA', 'adminA'],
  genB: ['platformAdmin'],
}
const depRead: Record<DepTarget, ActorName[]> = {
  depA: ['platformAdmin', 'service', 'ownerA', 'adminA', 'memberA'],
  depB: ['platformAdmin', 'service', 'memberB'],
}
const depCreate: Record<DepTarget, ActorName[]> = {
  depA: ['platformAdmin', 'ownerA', 'adminA', 'memberA'],
  depB: ['platformAdmin', 'memberB'],
}
const depUpdate = depRead
const depDelete: Record<DepTarget, ActorName[]> = {
  depA: ['platformAdmin', 'ownerA', 'adminA'],
  depB: ['platformAdmin'],
}

const verdict = (allowed: boolean) => (allowed ? 'allow' : 'deny')
function cells<T extends string>(targets: T[], table: Record<T, ActorName[]>) {
  return targets.flatMap((target) =>
    ACTORS.map((actor) => {
      const allowed = table[target].includes(actor)
      return { target, actor, allowed, verdict: verdict(allowed) }
    }),
  )
}

let stack: Stack
const ids = {} as Record<GenTarget | DepTarget | 'depA2' | 'depB2', number | string>
const workspaceOf = (t: string) => (t.endsWith('A') || t.endsWith('A2') ? 'A' : 'B') as 'A' | 'B'
const user = (actor: ActorName) => stack.actors[actor].user ?? undefined

async function attempt<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; status: number; error: unknown }> {
  try {
    return { ok: true, value: await fn() }
  } catch (error) {
    return { ok: false, status: errorStatus(error), error }
  }
}

function expectDenied(result: Awaited<ReturnType<typeof attempt>>) {
  expect(result.ok, 'expected the operation to be denied').toBe(false)
  if (!result.ok) expect([401, 403, 404]).toContain(result.status)
}

function expectAllowed(result: Awaited<ReturnType<typeof attempt>>) {
  if (!result.ok) throw new Error(`expected the operation to be allowed, got ${result.status}: ${(result.error as Error)?.message}`)
}

describe(`access matrix (${process.env.ORBIT_TEST_DB ?? 'sqlite'})`, () => {
  beforeAll(async () => {
    stack = await startStack()
    ids.builtIn = stack.builtInGeneratorId
    ids.genA = (await createGenerator(stack, { name: 'Workspace A generator', workspace: stack.workspaces.A })).id
    ids.genB = (await createGenerator(stack, { name: 'Workspace B generator', workspace: stack.workspaces.B })).id
    ids.depA = (await createDeployment(stack, stack.apps.A)).id
    ids.depB = (await createDeployment(stack, stack.apps.B)).id
    // Destroy needs a status that may move to destroyed: the worker reported failure.
    for (const [key, app] of [['depA2', stack.apps.A], ['depB2', stack.apps.B]] as const) {
      const dep = await createDeployment(stack, app)
      await stack.payload.update({ collection: 'deployments', id: dep.id, data: { status: 'failed' }, user: user('service'), overrideAccess: false })
      ids[key] = dep.id
    }
  })

  afterAll(async () => {
    if (!stack) return
    await terminateOpenRuns(stack, ['depA', 'depB', 'depA2', 'depB2'].map((k) => deploymentWorkflowId(String(ids[k as 'depA']))))
    await stack.stop()
  })

  describe('deployment-generators', () => {
    it.each(cells(GEN_TARGETS, genRead))('read $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const result = await attempt(() =>
        stack.payload.findByID({ collection: 'deployment-generators', id: ids[target], user: user(actor), overrideAccess: false, depth: 0 }),
      )
      if (allowed) expectAllowed(result)
      else expectDenied(result)
    })

    it.each(ACTORS.map((actor) => ({ actor })))('list as $actor shows exactly the readable generators', async ({ actor }) => {
      const expected = GEN_TARGETS.filter((t) => genRead[t].includes(actor)).map((t) => String(ids[t]))
      const result = await attempt(() =>
        stack.payload.find({ collection: 'deployment-generators', user: user(actor), overrideAccess: false, depth: 0, pagination: false }),
      )
      const visible = result.ok ? result.value.docs.map((d) => String(d.id)).filter((id) => GEN_TARGETS.some((t) => String(ids[t]) === id)) : []
      expect(visible.sort()).toEqual(expected.sort())
      if (!result.ok) expect(actor).toBe('anonymous')
    })

    it.each(cells(GEN_TARGETS, genWrite))('create $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const data = target === 'builtIn' ? helloGenerator({ isBuiltIn: true }) : helloGenerator({ workspace: stack.workspaces[workspaceOf(target)] })
      const result = await attempt(() => stack.payload.create({ collection: 'deployment-generators', data, user: user(actor), overrideAccess: false, depth: 0 }))
      if (allowed) {
        expectAllowed(result)
        const stored = await stack.payload.findByID({ collection: 'deployment-generators', id: (result as { value: { id: number } }).value.id, overrideAccess: true, depth: 0 })
        expect(stored.isBuiltIn).toBe(target === 'builtIn')
      } else expectDenied(result)
    })

    it.each(cells(GEN_TARGETS, genWrite))('update $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const description = unique(`edited by ${actor}`)
      const result = await attempt(() =>
        stack.payload.update({ collection: 'deployment-generators', id: ids[target], data: { description }, user: user(actor), overrideAccess: false, depth: 0 }),
      )
      const stored = await stack.payload.findByID({ collection: 'deployment-generators', id: ids[target], overrideAccess: true, depth: 0 })
      if (allowed) expectAllowed(result)
      else expectDenied(result)
      expect(stored.description === description).toBe(allowed)
    })

    it.each(cells(GEN_TARGETS, genWrite))('delete $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const disposable = await createGenerator(stack, target === 'builtIn' ? { isBuiltIn: true } : { workspace: stack.workspaces[workspaceOf(target)] })
      const result = await attempt(() => stack.payload.delete({ collection: 'deployment-generators', id: disposable.id, user: user(actor), overrideAccess: false }))
      const left = await stack.payload.count({ collection: 'deployment-generators', where: { id: { equals: disposable.id } }, overrideAccess: true })
      if (allowed) expectAllowed(result)
      else expectDenied(result)
      expect(left.totalDocs).toBe(allowed ? 0 : 1)
    })

    it.each(ACTORS.map((actor) => ({ actor })))('a workspace admin cannot move a generator to another workspace or make it built-in ($actor)', async ({ actor }) => {
      const gen = await createGenerator(stack, { workspace: stack.workspaces.A })
      await attempt(() =>
        stack.payload.update({ collection: 'deployment-generators', id: gen.id, data: { workspace: stack.workspaces.B, isBuiltIn: false }, user: user(actor), overrideAccess: false }),
      )
      await attempt(() => stack.payload.update({ collection: 'deployment-generators', id: gen.id, data: { isBuiltIn: true, workspace: null }, user: user(actor), overrideAccess: false }))
      const stored = await stack.payload.findByID({ collection: 'deployment-generators', id: gen.id, overrideAccess: true, depth: 0 })
      if (actor === 'platformAdmin') expect(stored.isBuiltIn).toBe(true)
      else {
        expect(stored.isBuiltIn).toBe(false)
        expect(String(stored.workspace)).toBe(String(stack.workspaces.A))
      }
    })
  })

  describe('deployments', () => {
    it.each(cells(DEP_TARGETS, depRead))('read $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const result = await attempt(() => stack.payload.findByID({ collection: 'deployments', id: ids[target], user: user(actor), overrideAccess: false, depth: 0 }))
      if (allowed) expectAllowed(result)
      else expectDenied(result)
    })

    it.each(ACTORS.map((actor) => ({ actor })))('list as $actor shows exactly the readable deployments', async ({ actor }) => {
      const mine = DEP_TARGETS.filter((t) => depRead[t].includes(actor)).map((t) => workspaceOf(t))
      const result = await attempt(() => stack.payload.find({ collection: 'deployments', user: user(actor), overrideAccess: false, depth: 0, pagination: false }))
      if (!result.ok) {
        // Read access false (anonymous, or a user in no workspace): Payload refuses the list.
        expect(mine).toEqual([])
        expect(result.status).toBe(403)
        return
      }
      const seen = new Set(result.value.docs.map((d) => (String(d.workspace) === String(stack.workspaces.A) ? 'A' : 'B')))
      expect([...seen].sort()).toEqual([...new Set(mine)].sort())
    })

    it.each(cells(DEP_TARGETS, depCreate))('create on app $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const app = stack.apps[workspaceOf(target)]
      const result = await attempt(() =>
        stack.payload.create({
          collection: 'deployments',
          data: { app, generator: stack.builtInGeneratorId, name: unique(actor), config: { serviceName: 'web', port: 3000 } },
          user: user(actor),
          overrideAccess: false,
          depth: 0,
        }),
      )
      if (allowed) {
        expectAllowed(result)
        const doc = (result as { value: Record<string, unknown> }).value
        expect(String(doc.workspace)).toBe(String(stack.workspaces[workspaceOf(target)]))
        await terminateOpenRuns(stack, [deploymentWorkflowId(String(doc.id))])
      } else expectDenied(result)
    })

    it.each([
      { actor: 'memberA' as const, app: 'A' as const, generator: 'genB' as const },
      { actor: 'ownerA' as const, app: 'A' as const, generator: 'genB' as const },
      { actor: 'memberB' as const, app: 'B' as const, generator: 'genA' as const },
      { actor: 'platformAdmin' as const, app: 'A' as const, generator: 'genB' as const },
    ])("create on app $app with the other workspace's $generator as $actor → 400 on generator", async ({ actor, app, generator }) => {
      const result = await attempt(() =>
        stack.payload.create({
          collection: 'deployments',
          data: { app: stack.apps[app], generator: ids[generator], name: unique('cross'), config: { name: 'x' } },
          user: user(actor),
          overrideAccess: false,
        }),
      )
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.status).toBe(400)
        expect(JSON.stringify((result.error as { data?: unknown }).data)).toContain('"path":"generator"')
      }
    })

    it.each(cells(DEP_TARGETS, depUpdate))('update name/config/target of $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const name = unique(`renamed by ${actor}`)
      const result = await attempt(() =>
        stack.payload.update({
          collection: 'deployments',
          id: ids[target],
          data: { name, config: { serviceName: 'auth-api', port: 8081 }, target: { namespace: actor } },
          user: user(actor),
          overrideAccess: false,
          depth: 0,
        }),
      )
      const stored = await stack.payload.findByID({ collection: 'deployments', id: ids[target], overrideAccess: true, depth: 0 })
      if (allowed) expectAllowed(result)
      else expectDenied(result)
      expect(stored.name === name).toBe(allowed)
    })

    it.each(cells(DEP_TARGETS, depUpdate))('worker fields of $target as $actor: only the service account writes them', async ({ target, actor, allowed }) => {
      const marker = unique(`error by ${actor}`)
      const result = await attempt(() =>
        stack.payload.update({
          collection: 'deployments',
          id: ids[target],
          data: { lastError: marker, commitSha: marker, workflowId: marker, endpoints: [`http://${actor}.test`], outputs: { by: actor }, healthStatus: 'down' },
          user: user(actor),
          overrideAccess: false,
          depth: 0,
        }),
      )
      const stored = await stack.payload.findByID({ collection: 'deployments', id: ids[target], overrideAccess: true, depth: 0 })
      if (allowed) expectAllowed(result)
      else expectDenied(result)
      const written = stored.lastError === marker && stored.commitSha === marker && stored.workflowId === marker
      expect(written).toBe(actor === 'service')
      // Put the real workflow ID back for the endpoint tests below.
      if (written) await stack.payload.update({ collection: 'deployments', id: ids[target], data: { workflowId: deploymentWorkflowId(String(ids[target])), lastError: null }, overrideAccess: true })
    })

    it.each(ACTORS.map((actor) => ({ actor })))('app and workspace never change (as $actor)', async ({ actor }) => {
      const result = await attempt(() =>
        stack.payload.update({ collection: 'deployments', id: ids.depA, data: { app: stack.apps.B, workspace: stack.workspaces.B }, user: user(actor), overrideAccess: false }),
      )
      expect(result.ok).toBe(false)
      const stored = await stack.payload.findByID({ collection: 'deployments', id: ids.depA, overrideAccess: true, depth: 0 })
      expect(String(stored.app)).toBe(String(stack.apps.A))
      expect(String(stored.workspace)).toBe(String(stack.workspaces.A))
    })

    it.each(cells(DEP_TARGETS, depDelete))('delete $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const disposable = await createDeployment(stack, stack.apps[workspaceOf(target)])
      await terminateOpenRuns(stack, [deploymentWorkflowId(String(disposable.id))])
      const result = await attempt(() => stack.payload.delete({ collection: 'deployments', id: disposable.id, user: user(actor), overrideAccess: false }))
      const left = await stack.payload.count({ collection: 'deployments', where: { id: { equals: disposable.id } }, overrideAccess: true })
      if (allowed) expectAllowed(result)
      else expectDenied(result)
      expect(left.totalDocs).toBe(allowed ? 0 : 1)
    })
  })

  describe('endpoints (REST through Payload\'s handler)', () => {
    const httpDenied = (actor: ActorName, readable: boolean) => (actor === 'anonymous' ? 401 : readable ? 403 : 404)

    it.each(cells(GEN_TARGETS, genRead))('POST /deployment-generators/:id/preview of $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const config = target === 'builtIn' ? { serviceName: 'auth-api', port: 8080 } : { name: actor }
      const res = await stack.rest(stack.actors[actor], 'POST', `/deployment-generators/${ids[target]}/preview`, { config })
      if (allowed) {
        expect(res.status).toBe(200)
        const files = res.body.files as { path: string; content: string }[]
        expect(files.length).toBe(1)
        if (target !== 'builtIn') expect(files[0]).toEqual({ path: 'hello.txt', content: `Hello ${actor}\n` })
      } else expect(res.status).toBe(httpDenied(actor, false))
    })

    it.each(cells(DEP_TARGETS, depUpdate))('POST /deployments/:id/regenerate of $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const workflowId = deploymentWorkflowId(String(ids[target]))
      await terminateOpenRuns(stack, [workflowId])
      const res = await stack.rest(stack.actors[actor], 'POST', `/deployments/${ids[target]}/regenerate`, {})
      if (allowed) {
        expect(res.status, JSON.stringify(res.body)).toBe(202)
        expect(res.body.workflowId).toBe(workflowId)
        expect(res.body.started).toBe(true)
      } else expect(res.status).toBe(httpDenied(actor, depRead[target].includes(actor)))
    })

    it.each(cells(DEP_TARGETS, depDelete))('POST /deployments/:id/destroy of $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const key = target === 'depA' ? 'depA2' : 'depB2'
      const workflowId = deploymentWorkflowId(String(ids[key]))
      await terminateOpenRuns(stack, [workflowId])
      const res = await stack.rest(stack.actors[actor], 'POST', `/deployments/${ids[key]}/destroy`, {})
      if (allowed) {
        expect(res.status, JSON.stringify(res.body)).toBe(202)
        const client = await stack.temporalClient()
        const run = await client.workflow.getHandle(workflowId).describe()
        expect(run.type).toBe('destroyDeploymentWorkflow')
      } else expect(res.status).toBe(httpDenied(actor, depRead[target].includes(actor)))
    })

    it('regenerate and destroy answer 409 while a run for the deployment is open', async () => {
      const workflowId = deploymentWorkflowId(String(ids.depA2))
      await terminateOpenRuns(stack, [workflowId])
      expect((await stack.rest(stack.actors.ownerA, 'POST', `/deployments/${ids.depA2}/destroy`, {})).status).toBe(202)
      expect((await stack.rest(stack.actors.ownerA, 'POST', `/deployments/${ids.depA2}/destroy`, {})).status).toBe(409)
      expect((await stack.rest(stack.actors.ownerA, 'POST', `/deployments/${ids.depA2}/regenerate`, {})).status).toBe(409)
      await terminateOpenRuns(stack, [workflowId])
    })
  })

  describe('REST and GraphQL agree with the Local API', () => {
    it.each(ACTORS.map((actor) => ({ actor })))('lists as $actor', async ({ actor }) => {
      const expectedGens = GEN_TARGETS.filter((t) => genRead[t].includes(actor)).map((t) => String(ids[t])).sort()
      const expectedDeps = DEP_TARGETS.filter((t) => depRead[t].includes(actor)).map((t) => String(ids[t])).sort()
      const known = (list: string[], keys: string[]) => list.filter((id) => keys.map((k) => String(ids[k as 'depA'])).includes(id)).sort()

      const gens = await stack.rest(stack.actors[actor], 'GET', '/deployment-generators?limit=0&depth=0')
      const deps = await stack.rest(stack.actors[actor], 'GET', '/deployments?limit=0&depth=0')
      const restGens = gens.status === 200 ? (gens.body.docs as { id: unknown }[]).map((d) => String(d.id)) : []
      const restDeps = deps.status === 200 ? (deps.body.docs as { id: unknown }[]).map((d) => String(d.id)) : []
      expect(known(restGens, GEN_TARGETS)).toEqual(expectedGens)
      expect(known(restDeps, DEP_TARGETS)).toEqual(expectedDeps)

      const gql = await stack.graphql(stack.actors[actor], '{ DeploymentGenerators(limit: 0) { docs { id } } Deployments(limit: 0) { docs { id } } }')
      const data = gql.data as { DeploymentGenerators?: { docs: { id: unknown }[] } | null; Deployments?: { docs: { id: unknown }[] } | null } | undefined
      expect(known((data?.DeploymentGenerators?.docs ?? []).map((d) => String(d.id)), GEN_TARGETS)).toEqual(expectedGens)
      expect(known((data?.Deployments?.docs ?? []).map((d) => String(d.id)), DEP_TARGETS)).toEqual(expectedDeps)
    })

    // GraphQL mutations go through the same collection and field access as everything else.
    const gqlLiteral = (v: unknown) => JSON.stringify(v)
    const gqlErrors = (r: { errors?: readonly { message: string }[] }) => (r.errors ?? []).map((e) => e.message).join('; ')

    it.each(cells(GEN_TARGETS, genWrite))('GraphQL updateDeploymentGenerator $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const description = unique(`graphql edit by ${actor}`)
      const result = await stack.graphql(
        stack.actors[actor],
        `mutation { updateDeploymentGenerator(id: ${gqlLiteral(ids[target])}, data: { description: ${gqlLiteral(description)} }) { id } }`,
      )
      const stored = await stack.payload.findByID({ collection: 'deployment-generators', id: ids[target], overrideAccess: true, depth: 0 })
      expect(stored.description === description, gqlErrors(result)).toBe(allowed)
      if (allowed) expect(result.errors ?? []).toEqual([])
      else expect(result.errors?.length ?? 0).toBeGreaterThan(0)
    })

    it.each(cells(DEP_TARGETS, depUpdate))('GraphQL updateDeployment worker fields of $target as $actor: only the service account writes them', async ({ target, actor }) => {
      const marker = unique(`graphql error by ${actor}`)
      const result = await stack.graphql(stack.actors[actor], `mutation { updateDeployment(id: ${gqlLiteral(ids[target])}, data: { lastError: ${gqlLiteral(marker)} }) { id } }`)
      const stored = await stack.payload.findByID({ collection: 'deployments', id: ids[target], overrideAccess: true, depth: 0 })
      expect(stored.lastError === marker, gqlErrors(result)).toBe(actor === 'service')
      if (stored.lastError === marker) await stack.payload.update({ collection: 'deployments', id: ids[target], data: { lastError: null }, overrideAccess: true })
    })

    it.each(cells(DEP_TARGETS, depDelete))('GraphQL deleteDeployment $target as $actor → $verdict', async ({ target, actor, allowed }) => {
      const disposable = await createDeployment(stack, stack.apps[workspaceOf(target)])
      await terminateOpenRuns(stack, [deploymentWorkflowId(String(disposable.id))])
      const result = await stack.graphql(stack.actors[actor], `mutation { deleteDeployment(id: ${gqlLiteral(disposable.id)}) { id } }`)
      const left = await stack.payload.count({ collection: 'deployments', where: { id: { equals: disposable.id } }, overrideAccess: true })
      expect(left.totalDocs, gqlErrors(result)).toBe(allowed ? 0 : 1)
      if (!allowed) expect(result.errors?.length ?? 0).toBeGreaterThan(0)
    })

    it('a person cannot write worker fields over REST; the service account can with its API key', async () => {
      const res = await stack.rest(stack.actors.memberA, 'PATCH', `/deployments/${ids.depA}`, { status: 'failed', lastError: 'nope' })
      expect(res.status).toBe(200)
      let stored = await stack.payload.findByID({ collection: 'deployments', id: ids.depA, overrideAccess: true, depth: 0 })
      expect(stored.lastError).not.toBe('nope')
      expect(stored.status).toBe('pending')
      const svc = await stack.rest(stack.actors.service, 'PATCH', `/deployments/${ids.depA}`, { status: 'generating' })
      expect(svc.status, JSON.stringify(svc.body)).toBe(200)
      stored = await stack.payload.findByID({ collection: 'deployments', id: ids.depA, overrideAccess: true, depth: 0 })
      expect(stored.status).toBe('generating')
      const populated = await stack.rest(stack.actors.service, 'GET', `/deployments/${ids.depA}?depth=1`)
      expect((populated.body.app as { id: unknown }).id).toBe(stack.apps.A)
      expect((populated.body.generator as { slug: string }).slug).toBe('docker-compose-local')
    })
  })
})
