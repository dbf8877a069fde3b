// One headless Chromium per test file (Debian's, never a downloaded one) and helpers to open boards
// in fresh contexts, each context being one participant with its own storage.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core'

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots')

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export interface Participant {
  context: BrowserContext
  page: Page
}

export interface ParticipantOptions extends BrowserContextOptions {
  /** Display name, stored before the page loads so the join dialog is skipped; null to see the dialog. */
  name?: string | null
  /** Interface language remembered in localStorage ('en', 'ar', 'fa'). */
  lang?: string
}

export async function newParticipant(browser: Browser, opts: ParticipantOptions = {}): Promise<Participant> {
  const { name = 'Tester', lang = 'en', ...contextOpts } = opts
  const context = await browser.newContext({ locale: 'en-US', ...contextOpts })
  await context.addInitScript(
    ([name, lang]) => {
      if (name !== null && !localStorage.getItem('touchpoint:name')) localStorage.setItem('touchpoint:name', name)
      if (!localStorage.getItem('touchpoint:lang')) localStorage.setItem('touchpoint:lang', lang!)
    },
    [name, lang] as const,
  )
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`))
  if (process.env.PAGE_LOG) page.on('console', (m) => console.log(`[page] ${m.text()}`))
  return { context, page }
}

/** Opens a board and waits until its stages are on screen and the socket is connected. */
export async function openBoard(p: Participant, url: string): Promise<void> {
  await p.page.goto(url)
  await p.page.locator('.stage').first().waitFor()
  await p.page.locator('[data-status="connected"]').waitFor()
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return join(SCREENSHOTS, `${name}.png`)
}

/** The stage column whose name is `name`. */
export const stage = (page: Page, name: string) =>
  page.locator('.stage').filter({ has: page.locator('h2', { hasText: name }) })

/** The note whose text contains `text`. */
export const note = (page: Page, text: string) => page.locator('.note').filter({ hasText: text })

/** Changes a note's kind as a keyboard user would: its kind button takes the focus and becomes a select. */
export async function pickKind(card: Locator, kind: string) {
  await card.locator('.kind-select button').focus()
  await card.locator('.kind-select select').selectOption(kind)
}

/** Writes a note through the stage's composer, as a user would. */
export async function addNote(page: Page, stageName: string, text: string, kind?: string) {
  const col = stage(page, stageName)
  await col.locator('.composer-text').click()
  if (kind) await col.locator(`.kind-chip input[value="${kind}"]`).check({ force: true })
  await col.locator('.composer-text').fill(text)
  await col.locator('.composer-text').press('Enter')
}
