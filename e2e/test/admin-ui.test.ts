// Issue 5 acceptance: the admin UI shipped by @orbit/payload-plugin-deployments, driven in
// Debian's Chromium (playwright-core) against the BUILT Orbit app with the real worker, a
// Temporal dev server and a bare git repository. Steps run in order and build on each other;
// every step leaves a screenshot in .artifacts/screenshots/.
import { randomBytes } from 'node:crypto'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { foreignRequests, launchBrowser, shot, signIn } from './support/browser.js'
import { rest, startStack } from './support/stack.js'
import type { Stack } from './support/stack.js'

type Doc = { id: number | string; [key: string]: unknown }

const password = () => randomBytes(12).toString('hex')
const admin = { email: 'admin@orbit.test', password: password() }
const memberA = { email: 'dev-a@orbit.test', password: password() }
const memberB = { email: 'dev-b@orbit.test', password: password() }
const ownerA = { email: 'lead-a@orbit.test', password: password() }

/** The workspace generator the platform admin creates in step 1. */
const SITE_SCHEMA = {
  type: 'object',
  required: ['siteName', 'port'],
  properties: {
    siteName: { type: 'string', title: 'Site name', description: 'Lowercase letters, digits and hyphens', pattern: '^[a-z0-9-]+$', examples: ['shop'] },
    port: { type: 'integer', title: 'Listen port', default: 8081, minimum: 1, maximum: 65535 },
    tier: { type: 'string', title: 'Tier', enum: ['dev', 'prod'], default: 'dev' },
  },
}
const SITE_TEMPLATE = '# tier: {{tier}}\nserver {\n  listen {{port}};\n  server_name {{siteName}}.local;\n}\n'

let stack: Stack
let browser: Browser
let request: ReturnType<typeof rest>
let adminAuth: string
let workspaceA: Doc
let appDoc: Doc
const contexts: BrowserContext[] = []
let current: Page | undefined

async function login(email: string, pw: string): Promise<string> {
  const res = await request<{ token: string }>('POST', '/api/users/login', { body: { email, password: pw } })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`)
  return `JWT ${res.body.token}`
}

async function created(res: { status: number; body: { doc?: Doc } }, what: string): Promise<Doc> {
  if (res.status !== 201 || !res.body.doc) throw new Error(`creating ${what}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc
}

/**
 * Replaces the content of a Monaco editor (Payload's json/code fields) the way a person pastes
 * text in: select all, then paste from the clipboard (typing would trigger Monaco's
 * auto-closing brackets and auto-indent).
 */
async function fillMonaco(page: Page, fieldSelector: string, text: string): Promise<void> {
  const editor = page.locator(`${fieldSelector} .monaco-editor`).first()
  await editor.waitFor()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.appUrl })
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

/** Picks an option in one of Payload's react-select inputs. */
async function pickOption(page: Page, fieldSelector: string, text: string): Promise<void> {
  await page.locator(`${fieldSelector} .rs__control`).click()
  await page.locator('.rs__option', { hasText: text }).first().click()
}

/** A page signed in as `user`; its context is closed after the suite and shot if its step fails. */
async function signedIn(user: { email: string; password: string }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const { context, page } = await signIn(browser, stack.appUrl, user.email, user.password, colorScheme)
  contexts.push(context)
  current = page
  return page
}

/** Polls a status badge and records every status it shows until `until` (or the timeout). */
async function watchStatus(page: Page, selector: string, until: string, timeoutMs = 90_000): Promise<string[]> {
  const seen: string[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = await page.locator(selector).first().getAttribute('data-status').catch(() => null)
    if (status && seen[seen.length - 1] !== status) seen.push(status)
    if (status === until) return seen
    if (status === 'failed') throw new Error(`deployment failed; statuses seen: ${seen.join(' → ')}; page says: ${await page.locator('[data-field=last-error], .orbit-error-text').first().textContent().catch(() => '')}`)
    if (Date.now() > deadline) throw new Error(`status did not reach ${until} within ${timeoutMs} ms; seen: ${seen.join(' → ')}\nworker:\n${stack.worker.output().slice(-3000)}`)
    await page.waitForTimeout(100)
  }
}

beforeAll(async () => {
  stack = await startStack()
  request = rest(stack.appUrl)
  // Set-up over REST (what the UI tests rely on, not what they test): users, workspaces, an app.
  const first = await request<{ token: string }>('POST', '/api/users/first-register', { body: { ...admin, name: 'Platform Admin' } })
  if (first.status !== 200) throw new Error(`first-register: ${first.status} ${JSON.stringify(first.body)}`)
  adminAuth = await login(admin.email, admin.password)
  workspaceA = await created(await request('POST', '/api/workspaces', { auth: adminAuth, body: { name: 'Team A' } }), 'workspace A')
  const workspaceB = await created(await request('POST', '/api/workspaces', { auth: adminAuth, body: { name: 'Team B' } }), 'workspace B')
  for (const [user, ws, name, role] of [
    [memberA, workspaceA, 'Dev A', 'member'],
    [ownerA, workspaceA, 'Lead A', 'owner'],
    [memberB, workspaceB, 'Dev B', 'member'],
  ] as const) {
    const doc = await created(await request('POST', '/api/users', { auth: adminAuth, body: { ...user, name } }), user.email)
    await created(await request('POST', '/api/workspace-members', { auth: adminAuth, body: { user: doc.id, workspace: ws.id, role } }), `membership ${user.email}`)
    // Member A also owns workspace B: owning one workspace must not offer Destroy in another.
    if (user === memberA) {
      await created(await request('POST', '/api/workspace-members', { auth: adminAuth, body: { user: doc.id, workspace: workspaceB.id, role: 'owner' } }), 'membership A in B')
    }
  }
  await created(
    await request('POST', '/api/users', {
      auth: adminAuth,
      body: { email: 'worker@orbit.test', password: password(), name: 'Worker', roles: ['service'], enableAPIKey: true, apiKey: stack.serviceKey },
    }),
    'service account',
  )
  appDoc = await created(
    await request('POST', '/api/apps', { auth: adminAuth, body: { name: 'shop-api', workspace: workspaceA.id, repositoryUrl: `file://${stack.repo.path}`, branch: 'main' } }),
    'app',
  )
  await stack.startWorker()
  browser = await launchBrowser()
})

afterEach(async (ctx) => {
  // A failing step leaves a picture of what the browser showed.
  if (ctx.task.result?.state === 'fail' && current) await shot(current, `FAILED-${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined)
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await browser?.close()
  await stack?.stop()
})

describe('admin UI in a real browser', () => {
  let generatorId: string
  let deploymentId: string

  it('1. a platform admin creates a workspace generator and test-renders it (sees the file)', async () => {
    const page = await signedIn(admin)
        await page.goto('/admin/collections/deployment-generators/create')
    await page.locator('#field-name').fill('Static site (Nginx)')
    await page.locator('#field-slug').fill('static-site-nginx')
    await page.locator('#field-description').fill('An nginx server block for a static site')
    await pickOption(page, '#field-executorType', 'Docker Compose')

    // configSchema: Payload's JSON editor; the plugin's live check reports on it as we type.
    await fillMonaco(page, '#field-configSchema', '{ "type": "object", "required": ["nope"] }')
    await expect.poll(() => page.getByTestId('orbit-schema-check').textContent()).toContain('"nope" is not one of the properties')
    await shot(page, 'admin-generator-schema-problem')
    await fillMonaco(page, '#field-configSchema', JSON.stringify(SITE_SCHEMA, null, 2))
    await expect.poll(() => page.getByTestId('orbit-schema-check').textContent()).toContain('Valid JSON Schema: 3 inputs, 2 required')

    await page.getByRole('button', { name: /Add Template file/i }).click()
    await page.locator('#field-templateFiles__0__path').fill('nginx/{{siteName}}.conf')
    await fillMonaco(page, '#field-templateFiles__0__content', SITE_TEMPLATE)
    await page.locator('#field-icon').fill('🌐')
    await pickOption(page, '#field-workspace', 'Team A')
    await shot(page, 'admin-generator-filled')

    await page.locator('#action-save').click()
    await page.waitForURL(/\/deployment-generators\/(?!create)[^/]+$/, { timeout: 60_000 })
    generatorId = page.url().split('/').pop()!
    const stored = await request<Doc>('GET', `/api/deployment-generators/${generatorId}`, { auth: adminAuth })
    expect(stored.body).toMatchObject({ slug: 'static-site-nginx', isBuiltIn: false, configSchema: SITE_SCHEMA, templateFiles: [{ path: 'nginx/{{siteName}}.conf', content: SITE_TEMPLATE }] })
    expect(String((stored.body.workspace as Doc)?.id ?? stored.body.workspace)).toBe(String(workspaceA.id))

    // Test render: the generated form, prefilled from default (port, tier) and example (siteName).
    const panel = page.getByTestId('orbit-test-render')
    await panel.scrollIntoViewIfNeeded()
    await expect.poll(() => panel.getByLabel('Site name').inputValue()).toBe('shop')
    expect(await panel.getByLabel('Listen port').inputValue()).toBe('8081')
    expect(await panel.getByLabel('Tier').evaluate((el) => el.tagName)).toBe('SELECT')
    await panel.getByLabel('Tier').selectOption('prod')
    const before = await request<{ totalDocs: number }>('GET', '/api/deployments?limit=0', { auth: adminAuth })
    await panel.locator('button[data-action=test-render]').click()
    const file = page.locator('[data-testid=orbit-preview-files] [data-file="nginx/shop.conf"]')
    await file.waitFor()
    const content = await file.locator('pre').textContent()
    expect(content).toContain('listen 8081;')
    expect(content).toContain('server_name shop.local;')
    expect(content).toContain('# tier: prod')
    await file.scrollIntoViewIfNeeded()
    await shot(page, 'admin-generator-test-render')

    // A value the template cannot take shows on its input; still nothing stored.
    await panel.getByLabel('Site name').fill('Not Valid!')
    await panel.locator('button[data-action=test-render]').click()
    await expect.poll(() => panel.locator('.orbit-field--error').first().textContent()).toContain('must match pattern')
    await shot(page, 'admin-generator-test-render-error')
    const after = await request<{ totalDocs: number }>('GET', '/api/deployments?limit=0', { auth: adminAuth })
    expect(after.body.totalDocs).toBe(before.body.totalDocs)
  })

  it('2. a workspace member adds a deployment through the picker and the schema form; status reaches Generated live; the commit is in the bare repo', async () => {
    const page = await signedIn(memberA)
        const commitsBefore = await stack.repo.log()
    await page.goto(`/admin/collections/apps/${appDoc.id}`)
    const panel = page.getByTestId('orbit-deployments-panel')
    await panel.waitFor()
    await expect.poll(() => panel.textContent()).toContain('No deployments yet')
    await panel.locator('button[data-action=add-deployment]').click()

    // The picker: the built-in and Team A's own generator, grouped by category.
    const builtIn = page.locator('button[data-generator=docker-compose-local]')
    await builtIn.waitFor()
    await expect(page.locator('button[data-generator=static-site-nginx]').count()).resolves.toBe(1)
    const groups = await page.locator('.orbit-picker__group h4').allTextContents()
    expect(groups).toEqual(['Local development', 'Custom'])
    await shot(page, 'member-generator-picker')
    await builtIn.focus()
    await page.keyboard.press('Enter') // keyboard reachable

    // The form generated from docker-compose-local's schema.
    const drawer = page.locator('.orbit-drawer-body')
    await drawer.getByLabel('Service name').waitFor()
    expect(await drawer.getByLabel('Port').inputValue()).toBe('8080') // default
    expect(await drawer.getByLabel('Port').getAttribute('type')).toBe('number')
    expect(await drawer.locator('label', { hasText: 'Service name' }).locator('.orbit-required').count()).toBe(1)
    await drawer.getByLabel('Deployment name').fill('shop-api-local')
    await drawer.getByLabel('Service name').fill('shop-api')
    await drawer.getByRole('button', { name: 'Add Environment' }).click()
    await drawer.getByLabel('Name', { exact: false }).last().fill('LOG_LEVEL')
    await drawer.getByLabel('Value').last().fill('debug')
    await drawer.getByRole('button', { name: 'Add Volumes' }).click()
    await drawer.locator('input[id^="orbit-config_volumes_0"]').fill('./data:/var/lib/data')
    await shot(page, 'member-add-deployment-form')
    await drawer.locator('button[data-action=create-deployment]').click()

    const badge = `[data-deployment="shop-api-local"] [data-status]`
    await page.locator(badge).waitFor()
    await shot(page, 'member-deployment-created')
    const seen = await watchStatus(page, badge, 'generated')
    expect(seen[0]).toMatch(/pending|generating/)
    expect(seen.at(-1)).toBe('generated')
    // No reload happened: the same document is still loaded.
    await shot(page, 'member-deployment-generated')

    const commits = await stack.repo.log()
    expect(commits.length).toBe(commitsBefore.length + 1)
    const compose = await stack.repo.show('docker-compose.yml')
    expect(compose).toContain('"shop-api":')
    expect(compose).toContain('"8080:8080"')
    expect(compose).toContain('LOG_LEVEL=debug')
    expect(compose).toContain('./data:/var/lib/data')
    const card = page.locator('[data-deployment="shop-api-local"]')
    await expect.poll(() => card.locator('[data-field=commit]').textContent()).toBe(commits[0]!.slice(0, 10))
    // Members re-generate; destroying is for the workspace's owners and admins, so it is not offered
    // (member A owns workspace B, which must not count here).
    expect(await card.locator('button[data-action=regenerate]').count()).toBe(1)
    expect(await card.locator('button[data-action=destroy]').count()).toBe(0)
    const list = await request<{ docs: Doc[] }>('GET', `/api/deployments?where[name][equals]=shop-api-local`, { auth: adminAuth })
    deploymentId = String(list.body.docs[0]!.id)
    expect(list.body.docs[0]).toMatchObject({ status: 'generated', commitSha: commits[0] })

    // The deployments list shows status and health as the same badges.
    await page.goto('/admin/collections/deployments')
    const row = page.locator('.collection-list tbody tr', { hasText: 'shop-api-local' })
    await row.locator('[data-status]').waitFor()
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('generated')
    expect(await row.locator('[data-status]').textContent()).toBe('Generated')
    expect(await row.locator('[data-health]').getAttribute('data-health')).toBe('unknown')
    // Relationship cells load after the table: wait for the generator's name before the picture.
    await expect.poll(() => row.textContent()).toContain('Docker Compose (Local Dev)')
    await shot(page, 'member-deployments-list')
  })

  it('3. Re-generate after changing a field: the status cycles and a new commit appears', async () => {
    const page = await signedIn(memberA)
        const commitsBefore = await stack.repo.log()
    await page.goto(`/admin/collections/deployments/${deploymentId}`)
    // The deployment's config is edited through the same generated form, not raw JSON.
    const port = page.locator('#orbit-edit-config_port')
    await port.waitFor()
    expect(await port.inputValue()).toBe('8080')
    await expect(page.getByTestId('orbit-temporal-link').getAttribute('href')).resolves.toBe(
      `http://127.0.0.1:${stack.temporal.uiPort}/namespaces/${stack.temporal.namespace}/workflows/deployment-${deploymentId}`,
    )
    await port.fill('9090')
    await page.locator('#action-save').click()
    await expect.poll(async () => (await request<Doc>('GET', `/api/deployments/${deploymentId}`, { auth: adminAuth })).body.config, { timeout: 30_000 }).toMatchObject({ port: 9090 })
    await shot(page, 'member-deployment-config-edited')

    const info = page.getByTestId('orbit-run-info')
    const regenerate = info.locator('button[data-action=regenerate]')
    await expect.poll(() => regenerate.isEnabled()).toBe(true)
    await regenerate.click()
    const badge = '[data-testid=orbit-run-info] [data-status]'
    await expect.poll(() => page.locator(badge).getAttribute('data-status'), { timeout: 10_000 }).not.toBe('generated')
    // While the run is open, both actions are disabled.
    const openStatus = await page.locator(badge).getAttribute('data-status')
    if (openStatus === 'pending' || openStatus === 'generating') expect(await regenerate.isDisabled()).toBe(true)
    await shot(page, 'member-regenerate-running')
    const seen = await watchStatus(page, badge, 'generated')
    expect(seen.at(-1)).toBe('generated')
    await shot(page, 'member-regenerate-generated')

    const commits = await stack.repo.log()
    expect(commits.length).toBe(commitsBefore.length + 1)
    expect(await stack.repo.show('docker-compose.yml')).toContain('"9090:9090"')
    // The form's own worker fields follow the live box without a reload (and leave nothing to save).
    await expect.poll(() => page.locator('#field-commitSha').inputValue()).toBe(commits[0])
    expect(await page.locator('#field-status').textContent()).toContain('Generated')
    expect(await page.locator('#action-save').isDisabled()).toBe(true)
  })

  it('4. a bad value shows an error on that field and creates nothing', async () => {
    const page = await signedIn(memberA)
        const before = await request<{ totalDocs: number }>('GET', '/api/deployments?limit=0', { auth: adminAuth })
    await page.goto(`/admin/collections/apps/${appDoc.id}`)
    await page.getByTestId('orbit-deployments-panel').locator('button[data-action=add-deployment]').click()
    await page.locator('button[data-generator=docker-compose-local]').click()
    const drawer = page.locator('.orbit-drawer-body')
    await drawer.getByLabel('Deployment name').fill('bad-one')
    await drawer.getByLabel('Service name').fill('Bad Name!')
    await drawer.getByLabel('Port').fill('70000')
    await drawer.locator('button[data-action=create-deployment]').click()
    const portError = drawer.locator('#orbit-config_port__error')
    await portError.waitFor()
    expect(await portError.textContent()).toContain('must be <= 65535')
    expect(await drawer.locator('#orbit-config_serviceName__error').textContent()).toContain('must match pattern')
    // The error is tied to its input for assistive technology.
    expect(await drawer.getByLabel('Port').getAttribute('aria-describedby')).toContain('orbit-config_port__error')
    await shot(page, 'member-bad-value')
    // Fixing one field clears its error while the other stays.
    await drawer.getByLabel('Port').fill('8080')
    await expect.poll(() => drawer.locator('#orbit-config_port__error').count()).toBe(0)
    expect(await drawer.locator('#orbit-config_serviceName__error').count()).toBe(1)

    // An error only the server finds lands on its field too: the platform admin tightens the
    // generator's schema while this form is open (the browser still has the old one).
    await drawer.getByRole('button', { name: 'Change generator' }).click()
    await page.locator('button[data-generator=static-site-nginx]').click()
    await drawer.getByLabel('Deployment name').fill('site-too-high')
    await drawer.getByLabel('Site name').fill('shop')
    const tightened = structuredClone(SITE_SCHEMA)
    tightened.properties.port.maximum = 9000
    const patch = await request('PATCH', `/api/deployment-generators/${generatorId}`, { auth: adminAuth, body: { configSchema: tightened } })
    expect(patch.status, JSON.stringify(patch.body)).toBe(200)
    await drawer.getByLabel('Listen port').fill('9500')
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/deployments')
    await drawer.locator('button[data-action=create-deployment]').click()
    // The server is what refuses it: a 400 naming config.port (said in full if it ever is not).
    const answer = await answered
    const answerBody = await answer.text()
    expect({ status: answer.status(), sent: answer.request().postDataJSON()?.config, body: answerBody }).toMatchObject({ status: 400, sent: { port: 9500 } })
    expect(answerBody).toContain('config.port')
    const serverError = drawer.locator('#orbit-config_port__error')
    await serverError.waitFor()
    expect(await serverError.textContent()).toMatch(/9000/)
    expect(await drawer.getByTestId('orbit-create-error').textContent()).toContain('check the highlighted fields')
    await shot(page, 'member-server-error-on-field')
    // Editing the field takes the server's error away (it was about the old value).
    await drawer.getByLabel('Listen port').fill('8500')
    await expect.poll(() => drawer.locator('#orbit-config_port__error').count()).toBe(0)
    await request('PATCH', `/api/deployment-generators/${generatorId}`, { auth: adminAuth, body: { configSchema: SITE_SCHEMA } })

    const after = await request<{ totalDocs: number }>('GET', '/api/deployments?limit=0', { auth: adminAuth })
    expect(after.body.totalDocs).toBe(before.body.totalDocs)
  })

  it('5. a member of another workspace sees neither the generator nor the deployment', async () => {
    const page = await signedIn(memberB)
        await page.goto('/admin/collections/deployment-generators')
    await page.locator('.collection-list, .table, table').first().waitFor()
    const generators = await page.locator('main, .collection-list').first().textContent()
    expect(generators).toContain('Docker Compose (Local Dev)')
    expect(generators).not.toContain('Static site (Nginx)')
    await shot(page, 'other-workspace-generators')
    await page.goto('/admin/collections/deployments')
    await page.locator('.collection-list').first().waitFor()
    expect(await page.locator('.collection-list').first().textContent()).not.toContain('shop-api-local')
    await shot(page, 'other-workspace-deployments')
    await page.goto(`/admin/collections/deployments/${deploymentId}`)
    await page.waitForLoadState('networkidle')
    const body = (await page.locator('body').textContent()) ?? ''
    expect(body).not.toContain('shop-api-local')
    expect(body).not.toContain('9090')
    await shot(page, 'other-workspace-deployment-direct-url')
    // And the same over the API the UI uses.
    const authB = await login(memberB.email, memberB.password)
    expect((await request('GET', `/api/deployments/${deploymentId}`, { auth: authB })).status).toBe(404)
    expect((await request('GET', `/api/deployment-generators/${generatorId}`, { auth: authB })).status).toBe(404)
  })

  it('a workspace owner adds a person to the workspace by email (they cannot browse users)', async () => {
    const newcomer = await created(await request('POST', '/api/users', { auth: adminAuth, body: { email: 'newcomer@orbit.test', password: password(), name: 'Newcomer' } }), 'newcomer')
    const page = await signedIn(ownerA)
        await page.goto('/admin/collections/workspace-members/create')
    await page.locator('#field-email').fill('newcomer@orbit.test')
    await pickOption(page, '#field-workspace', 'Team A')
    await shot(page, 'owner-add-member-by-email')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/workspace-members\/(?!create)[^/]+$/, { timeout: 60_000 })
    const id = page.url().split('/').pop()!
    const stored = await request<Doc>('GET', `/api/workspace-members/${id}?depth=0`, { auth: adminAuth })
    expect(stored.body).toMatchObject({ user: newcomer.id, workspace: workspaceA.id, role: 'member', email: 'newcomer@orbit.test' })
    await page.goto('/admin/collections/workspace-members')
    await expect.poll(() => page.locator('.collection-list').first().textContent()).toContain('newcomer@orbit.test')
    await expect.poll(() => page.locator('.collection-list tbody tr', { hasText: 'newcomer@orbit.test' }).textContent()).toContain('Team A')
    await shot(page, 'owner-members-list')
    // Owners create apps in their workspace from the admin as well (the create view opens).
    await page.goto('/admin/collections/apps/create')
    await page.locator('#field-name').waitFor()
    expect(await page.locator('#field-branch').inputValue()).toBe('main')
  })

  it('the panel in the dark theme (Payload CSS variables)', async () => {
    const page = await signedIn(memberA, 'dark')
        await page.goto(`/admin/collections/apps/${appDoc.id}`)
    await page.locator('[data-deployment="shop-api-local"] [data-status=generated]').waitFor()
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark')
    await page.getByTestId('orbit-deployments-panel').scrollIntoViewIfNeeded()
    await shot(page, 'member-panel-dark')
  })
  it('with many generators the picker offers a search that narrows the cards', async () => {
    // Five more workspace generators (over REST, as the platform admin) take the picker past its
    // search threshold; they are removed again at the end.
    const extra: string[] = []
    try {
      for (const n of ['alpha', 'beta', 'gamma', 'delta', 'epsilon']) {
        const res = await request<{ doc: Doc }>('POST', '/api/deployment-generators', {
          auth: adminAuth,
          body: {
            name: `Queue worker ${n}`,
            description: `A ${n} queue consumer`,
            executorType: 'docker-compose',
            category: 'custom',
            workspace: workspaceA.id,
            configSchema: { type: 'object', properties: {} },
            templateFiles: [{ path: `workers/${n}.txt`, content: n }],
          },
        })
        expect(res.status, JSON.stringify(res.body)).toBe(201)
        extra.push(String(res.body.doc.id))
      }
      const page = await signedIn(memberA)
            await page.goto(`/admin/collections/apps/${appDoc.id}`)
      await page.getByTestId('orbit-deployments-panel').locator('button[data-action=add-deployment]').click()
      const drawer = page.locator('.orbit-drawer-body')
      const cards = drawer.locator('button[data-generator]')
      const search = drawer.getByLabel('Search generators')
      await search.waitFor()
      expect(await cards.count()).toBe(7)
      await search.fill('nginx')
      await expect.poll(() => cards.count()).toBe(1)
      expect(await cards.first().getAttribute('data-generator')).toBe('static-site-nginx')
      await shot(page, 'member-generator-search')
      await search.fill('consumer')
      await expect.poll(() => cards.count()).toBe(5)
      await search.fill('kafka')
      await expect.poll(() => cards.count()).toBe(0)
      expect(await drawer.textContent()).toContain('No generator matches “kafka”.')
    } finally {
      for (const id of extra) await request('DELETE', `/api/deployment-generators/${id}`, { auth: adminAuth })
    }
  })

  it('a workspace owner destroys it after a confirmation; the status reaches Destroyed live', async () => {
    const page = await signedIn(ownerA)
        await page.goto(`/admin/collections/apps/${appDoc.id}`)
    const card = page.locator('[data-deployment="shop-api-local"]')
    await card.locator('[data-status=generated]').waitFor()
    await card.locator('button[data-action=destroy]').click()
    const confirm = page.locator('.confirmation-modal')
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('Destroy “shop-api-local”?')
    await shot(page, 'member-destroy-confirmation')
    await confirm.locator('#confirm-action').click()
    const seen = await watchStatus(page, '[data-deployment="shop-api-local"] [data-status]', 'destroyed')
    expect(seen.at(-1)).toBe('destroyed')
    expect(await card.locator('button[data-action=destroy]').isDisabled()).toBe(true)
    await shot(page, 'member-destroyed')
  })

  it('every page above loaded from Orbit alone: no CDN, avatar service or other origin was asked', () => {
    expect(contexts.length).toBeGreaterThan(5)
    expect(contexts.flatMap((c) => foreignRequests(c))).toEqual([])
  })
})
