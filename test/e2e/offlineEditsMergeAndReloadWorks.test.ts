// Offline: edits made without a network are kept on the device and merge with everyone else's when the
// network is back; and a reload while the server is down still opens the board from IndexedDB, with what
// others wrote as well as one's own.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, newParticipant, openBoard, stage, type Participant } from '../helpers/browser.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const texts = (p: Participant, stageName: string) => stage(p.page, stageName).locator('.note-text').allTextContents()
const status = (p: Participant) => p.page.locator('.connection').getAttribute('data-status')

describe('offline', () => {
  it('merges edits made offline with those made meanwhile by others', async () => {
    const board = await createOpenBoard(server.url)
    const away = await newParticipant(browser, { name: 'Yasmin' })
    const here = await newParticipant(browser, { name: 'Dariush' })
    await openBoard(away, board.participantUrl)
    await openBoard(here, board.participantUrl)

    await away.context.setOffline(true)
    await expect.poll(() => status(away)).toBe('offline')
    expect(await away.page.locator('.connection').textContent()).toContain('Offline')
    await addNote(away.page, 'Experience', 'لم يصل الطلب في موعده')
    await addNote(here.page, 'Experience', 'Support answered within an hour')
    await away.page.waitForTimeout(300)
    expect(await texts(here, 'Experience')).toEqual(['Support answered within an hour'])

    await away.context.setOffline(false)
    await expect.poll(() => status(away)).toBe('connected')
    for (const p of [away, here]) {
      await expect.poll(async () => (await texts(p, 'Experience')).sort()).toEqual(['Support answered within an hour', 'لم يصل الطلب في موعده'])
    }
    await away.context.close()
    await here.context.close()
  })

  it('shows the board on a reload while the server is down', async () => {
    const down = await startTestServer()
    try {
      const board = await createOpenBoard(down.url)
      const p = await newParticipant(browser, { name: 'Farah' })
      await openBoard(p, board.participantUrl)
      await addNote(p.page, 'Loyalty', 'يوصي صديقه بالمنصة')
      // Someone else's note reaches this device from the server: it is kept as the bytes that came.
      const other = await newParticipant(browser, { name: 'Omid' })
      await openBoard(other, board.participantUrl)
      await addNote(other.page, 'Loyalty', 'دوباره از همین فروشگاه می‌خرد')
      await expect.poll(async () => (await texts(p, 'Loyalty')).length).toBe(2)
      await other.context.close()
      // The service worker must hold the app shell before the server goes away.
      await p.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 10_000 })
      await p.page.waitForTimeout(300) // IndexedDB writes are debounced by y-indexeddb
      await down.close()

      await p.page.reload()
      await expect.poll(async () => (await texts(p, 'Loyalty')).sort(), { timeout: 5000 }).toEqual(['دوباره از همین فروشگاه می‌خرد', 'يوصي صديقه بالمنصة'].sort())
      await expect.poll(() => status(p)).toMatch(/reconnecting|offline|connecting/)
      await p.context.close()
    } finally {
      await down.close()
    }
  })
})
