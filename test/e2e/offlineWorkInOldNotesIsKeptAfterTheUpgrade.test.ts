// A browser whose copy of a board (IndexedDB) still holds the notes in version 1 of the schema, with what was
// typed in them offline, opens the board after the server has upgraded it: it stays connected (no refusal, no
// reload), shows the board's notes, and keeps what it typed offline under "Kept for you", saying why.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard, addNote, readBoard } from '../../shared/schema.js'
import { writeSession } from '../../shared/sessionDoc.js'
import { hashSecret } from '../../server/workshop.js'
import { newParticipant, note } from '../helpers/browser.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { asVersion1, version1Text } from '../helpers/schemaV1.js'
import type { TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser
withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const SHOTS = '/tmp/shots'
const BOARD = 'board-kept-in-version-1'

/** The board as version 1 stored it: Rana (p1) wrote two notes while ideating. */
async function storeBoard() {
  const doc = new Y.Doc()
  let n = 0
  initBoard(doc, 'رحلة عميل منصة العمل الحر', ['الوعي', 'القرار'], () => `stage-${++n}`, 1, 'ar')
  addNote(doc, { id: 'n1', stageId: 'stage-1', kind: 'pain', text: 'الانتظار طويل', authorId: 'p1' }, 2)
  addNote(doc, { id: 'n2', stageId: 'stage-2', kind: 'idea', text: 'رسالة تأكيد', authorId: 'p1' }, 3)
  writeSession(doc, { phase: 'ideate', privateWriting: false })
  const v1 = asVersion1(doc)
  await server.store.createBoard({ id: BOARD, title: readBoard(v1).title, facilitatorKeyHash: hashSecret('key'), createdAt: 1 }, Y.encodeStateAsUpdate(v1))
  await server.store.addParticipant({
    id: 'p1', boardId: BOARD, name: 'رنا', color: '#000', role: 'participant', tokenHash: hashSecret('rana-token'), revoked: false, joinedAt: 1, ballot: {},
  })
  return v1
}

/** Puts `update` in this origin's IndexedDB as y-indexeddb keeps a board's copy. */
async function keepCopy(page: Page, update: Uint8Array) {
  await page.evaluate(
    ([name, bytes]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onupgradeneeded = () => {
          open.result.createObjectStore('updates', { autoIncrement: true })
          open.result.createObjectStore('custom')
        }
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite')
          tx.objectStore('updates').add(new Uint8Array(bytes))
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      }),
    [`touchpoint-board-${BOARD}`, [...update]] as const,
  )
}

describe('a copy of the board in version 1', () => {
  it('keeps what was typed offline in its notes once the upgraded board arrives, without a reload', async () => {
    const v1 = await storeBoard()
    // Rana's phone synced the board before the upgrade, then typed in her first note offline.
    const device = new Y.Doc()
    Y.applyUpdate(device, Y.encodeStateAsUpdate(v1))
    version1Text(device, 'n1').insert('الانتظار طويل'.length, ' جدًا عند الدفع')

    const rana = await newParticipant(browser, { name: 'رنا', lang: 'ar', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await rana.context.addInitScript(
      ([key, session]) => localStorage.setItem(key, session),
      [`touchpoint:session:${BOARD}`, JSON.stringify({ participantId: 'p1', token: 'rana-token', role: 'participant' })] as const,
    )
    await rana.page.goto(`${server.url}/health`) // this origin, without the board
    await keepCopy(rana.page, Y.encodeStateAsUpdate(device))
    await rana.page.goto(`${server.url}/b/${BOARD}`)
    await rana.page.locator('[data-status="connected"]').waitFor()
    await rana.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))

    // The board's notes as the server holds them; what was typed offline, kept for her with the reason.
    await expect.poll(() => note(rana.page, 'الانتظار طويل').locator('.note-text').textContent()).toBe('الانتظار طويل')
    await rana.page.getByTestId('drafts-notice').waitFor({ timeout: 10_000 })
    await rana.page.locator('.drafts-toggle').click()
    const drafts = rana.page.locator('[data-testid="drafts-panel"] .draft')
    await expect.poll(() => drafts.count()).toBe(1)
    expect(await drafts.first().getAttribute('data-code')).toBe('upgraded')
    expect(await drafts.first().locator('.draft-text').textContent()).toBe('الانتظار طويل جدًا عند الدفع')
    expect(await drafts.first().locator('.draft-why').textContent()).toBe(
      'حُدِّثت اللوحة أثناء انقطاع هذا الجهاز، ولم يصل إليها ما كُتب في هذه الملاحظة هنا، فحُفظ على هذا الجهاز.',
    )
    mkdirSync(SHOTS, { recursive: true })
    await rana.page.screenshot({ path: `${SHOTS}/upgraded-draft-ar-phone.png` })

    // Still the same page, still connected: nothing was refused.
    await rana.page.waitForTimeout(500)
    expect(await rana.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)
    expect(await rana.page.locator('.connection').getAttribute('data-status')).toBe('connected')
    await rana.context.close()
  })
})
