// Offline that survives a deploy: a board is open on one version of the client when a new version is deployed;
// the next visit finds it, and it installs and waits. Then the network goes (the page and its service worker
// reach nothing) and the page is reloaded: the board opens with its notes, the map view (a lazy chunk) opens
// too, and taking the new version, still offline, opens the board on it, since it was precached whole.
// The old worker, which found the files to keep with a regular expression over the page, failed here: a lazy
// chunk of a new build is named in no page, and a lazy chunk whose hash changed was never fetched before.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { build, type Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, launchBrowser, newParticipant, openBoard, stage } from '../helpers/browser.js'
import { startTestServer, tempDir } from '../helpers/server.js'

const BUILT = join(process.cwd(), 'dist', 'client')

/** The same source built again with one change to every module, so that every chunk gets a new hash, and a
 *  mark by which a page tells which build it runs. */
const newVersion = (): Plugin => ({
  name: 'test:new-version',
  transform(code, id) {
    if (!/\/client\/src\/.*\.[jt]sx?$/.test(id.split('?')[0]!)) return null
    return { code: `${code}\n;globalThis.__touchpointBuild = 'v2';\n`, map: null }
  },
})

/** The JavaScript files of a build that its page does not name: chunks loaded later (the map view, …). */
const lazyChunks = (dir: string) => {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  return readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') && !html.includes(f)).sort()
}

/** A deploy: the served directory's files replaced by those of another build, the server left running. */
function deploy(from: string, to: string) {
  for (const f of readdirSync(to)) rmSync(join(to, f), { recursive: true, force: true })
  cpSync(from, to, { recursive: true })
}

const buildOf = (page: Page) => page.evaluate(() => (globalThis as { __touchpointBuild?: string }).__touchpointBuild ?? 'v1')
const texts = (page: Page, name: string) => stage(page, name).locator('.note-text').allTextContents()
async function openMapView(page: Page) {
  await page.locator('.view-tab[data-view="map"]').click()
  await page.locator('.frame').waitFor({ timeout: 10_000 })
}

let browser: Browser
let nextBuild: string
beforeAll(async () => {
  browser = await launchBrowser()
  nextBuild = tempDir()
  await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'error', build: { outDir: nextBuild, emptyOutDir: true }, plugins: [newVersion()] })
}, 180_000)
afterAll(async () => {
  await browser?.close()
  if (nextBuild) rmSync(nextBuild, { recursive: true, force: true })
})

describe('offline, across a deploy', () => {
  it('reopens a board loaded before a deploy with the network gone, map view included, and then on the new version', { timeout: 120_000 }, async () => {
    const served = mkdtempSync(join(tmpdir(), 'touchpoint-served-'))
    cpSync(BUILT, served, { recursive: true })
    // The map view is a lazy chunk, and the new build's has another hash: a file the old version never fetched.
    const mapChunk = (dir: string) => lazyChunks(dir).filter((f) => f.startsWith('MapView-'))
    expect(mapChunk(served)).toHaveLength(1)
    expect(mapChunk(nextBuild)).toHaveLength(1)
    expect(mapChunk(nextBuild)).not.toEqual(mapChunk(served))

    const srv = await startTestServer({ clientDir: served })
    const p = await newParticipant(browser, { name: 'Samira' })
    try {
      // The worker and the page are asked for again each time (a deploy is seen at the next check); the files
      // named by their content are kept for a year.
      const workbox = readdirSync(served).find((f) => /^workbox-[0-9a-f]+\.js$/.test(f))
      expect(workbox, 'the Workbox runtime beside sw.js').toBeDefined()
      for (const [path, cache] of [
        ['/sw.js', 'no-cache'], ['/', 'no-cache'], ['/b/some-board', 'no-cache'],
        [`/${workbox}`, 'public, max-age=31536000, immutable'], [`/assets/${mapChunk(served)[0]}`, 'public, max-age=31536000, immutable'],
      ] as const) {
        const res = await fetch(srv.url + path)
        expect(res.status, path).toBe(200)
        expect(res.headers.get('cache-control'), path).toBe(cache)
        if (path.endsWith('.js')) expect(res.headers.get('content-type'), path).toMatch(/^text\/javascript/)
      }
      expect((await fetch(`${srv.url}/api/nothing`)).headers.get('cache-control')).not.toBe('public, max-age=31536000, immutable')

      const board = await createOpenBoard(srv.url)
      await openBoard(p, board.participantUrl)
      await addNote(p.page, 'Decision', 'السعر النهائي لم يكن واضحًا')
      await p.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 10_000 })
      await openMapView(p.page)
      await p.page.waitForTimeout(300) // IndexedDB writes are debounced by y-indexeddb
      expect(await buildOf(p.page)).toBe('v1')

      deploy(nextBuild, served)
      // The next visit, online, finds the new version: it installs beside the running one and waits for the
      // person, while the page stays on the version it had.
      await p.page.reload()
      await p.page.locator('[data-status="connected"]').waitFor()
      await p.page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting, null, { timeout: 30_000 })
      await p.page.locator('.update-prompt').waitFor()
      expect(await buildOf(p.page)).toBe('v1')

      // The network goes: the page and its service worker reach nothing (the server stops too).
      await p.context.setOffline(true)
      await srv.close()
      await p.page.reload()
      await expect.poll(() => texts(p.page, 'Decision'), { timeout: 10_000 }).toEqual(['السعر النهائي لم يكن واضحًا'])
      await expect.poll(() => p.page.locator('.connection').getAttribute('data-status')).toMatch(/reconnecting|offline|connecting/)
      expect(await buildOf(p.page)).toBe('v1')
      await openMapView(p.page)

      // Taking the new version, still offline: every file of it was precached when it installed.
      await p.page.locator('.update-prompt .button.primary').click()
      await expect.poll(() => buildOf(p.page), { timeout: 15_000 }).toBe('v2')
      await expect.poll(() => texts(p.page, 'Decision'), { timeout: 10_000 }).toEqual(['السعر النهائي لم يكن واضحًا'])
      await openMapView(p.page)
      await p.page.reload()
      await expect.poll(() => texts(p.page, 'Decision'), { timeout: 10_000 }).toEqual(['السعر النهائي لم يكن واضحًا'])
      expect(await buildOf(p.page)).toBe('v2')
    } finally {
      await p.context.close()
      await srv.close()
      rmSync(served, { recursive: true, force: true })
    }
  })
})
