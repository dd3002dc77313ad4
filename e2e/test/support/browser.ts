// Debian's Chromium driven by playwright-core (no browser download), one fresh profile per run.
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromiumPath } from '@orbit/testing'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'

export const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../.artifacts/screenshots')

export async function launchBrowser(): Promise<Browser> {
  // The folder holds this run's pictures only (numbered in step order).
  await rm(screenshotDir, { recursive: true, force: true })
  await mkdir(screenshotDir, { recursive: true })
  // playwright-core's launch() always uses a new temporary profile (a fresh --user-data-dir).
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  })
}

const foreign = new WeakMap<BrowserContext, string[]>()

/** Every URL a context asked for outside the app's origin (CDNs, avatars, fonts…), in order. */
export function foreignRequests(context: BrowserContext): string[] {
  return foreign.get(context) ?? []
}

/** A signed-in browser context (Payload's login form, as a person would). */
export async function signIn(browser: Browser, appUrl: string, email: string, password: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme, baseURL: appUrl })
  context.setDefaultTimeout(30_000)
  const origin = new URL(appUrl).origin
  const seen: string[] = []
  foreign.set(context, seen)
  context.on('request', (request) => {
    const url = new URL(request.url())
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin) seen.push(request.url())
  })
  const page = await context.newPage()
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
  return { context, page }
}

let counter = 0
/** Saves a full-page screenshot as .artifacts/screenshots/NN-name.png. */
export async function shot(page: Page, name: string): Promise<string> {
  counter += 1
  const path = join(screenshotDir, `${String(counter).padStart(2, '0')}-${name}.png`)
  // Finished transitions (the drawer slides in): the picture shows where the screen settles.
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}
