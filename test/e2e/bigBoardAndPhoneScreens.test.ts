// A full workshop board (200 notes) renders and stays usable, and the board works on a 375 px phone:
// the columns scroll sideways, a note can still be written. Screenshots are saved for a human to look at.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard, fillBoard } from '../helpers/boards.js'
import { addNote, newParticipant, openBoard, screenshotPath, stage } from '../helpers/browser.js'
import type { TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

describe('big boards and small screens', () => {
  it('renders a 200-note board', async () => {
    const board = await createOpenBoard(server.url, { title: 'Freelance marketplace: first-time clients' })
    await fillBoard(server.url, board, 200)
    const p = await newParticipant(browser, { name: 'Facilitator', viewport: { width: 1600, height: 1000 } })
    await openBoard(p, board.facilitatorUrl)
    await expect.poll(() => p.page.locator('.note').count(), { timeout: 10_000 }).toBe(200)
    expect(await stage(p.page, 'Awareness').locator('.stage-count').textContent()).toBe('40 notes')
    // Adding one more is on screen before the next frame.
    const inFrame = await p.page.evaluate(() => {
      const composer = document.querySelector<HTMLTextAreaElement>('.stage .composer-text')!
      composer.value = 'One more'
      composer.dispatchEvent(new Event('input', { bubbles: true }))
      composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
      return [...document.querySelectorAll('.note-text')].some((n) => n.textContent === 'One more')
    })
    expect(inFrame).toBe(true)
    await p.page.evaluate(() => scrollTo(0, 0))
    await p.page.screenshot({ path: screenshotPath('board-200-notes') })
    await p.context.close()
  })

  it('works on a 375 px phone screen', async () => {
    const board = await createOpenBoard(server.url, {
      title: 'رحلة عميل متجر إلكتروني',
      stages: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'],
    })
    await fillBoard(server.url, board, 12)
    const p = await newParticipant(browser, {
      name: 'علي',
      lang: 'ar',
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    await p.page.goto(server.url)
    await p.page.screenshot({ path: screenshotPath('phone-home') })
    await openBoard(p, board.participantUrl)
    // No horizontal overflow of the page itself: only the board strip scrolls.
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    const col = (await p.page.locator('.stage').first().boundingBox())!
    expect(col.width).toBeGreaterThan(300)
    expect(col.width).toBeLessThanOrEqual(375)
    await addNote(p.page, 'الوعي', 'يرى إعلانًا على تيك توك')
    await p.page.locator('.stage').first().locator('.note-text', { hasText: 'تيك توك' }).waitFor()
    await p.page.screenshot({ path: screenshotPath('phone-board') })
    await p.context.close()
  })
})
