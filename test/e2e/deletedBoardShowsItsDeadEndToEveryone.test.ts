// The facilitator deletes a board (a menu, then a confirmation): a participant's open page shows the deleted
// page at once, in their language, and so does a reload and a fresh visit (answered 410). A participant has no
// such control.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, newParticipant, note, openBoard, screenshotPath } from '../helpers/browser.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import type { TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

describe('deleting a board', () => {
  it('shows everyone on it, and everyone who comes later, that it was deleted', { timeout: 60_000 }, async () => {
    const board = await createOpenBoard(server.url, { title: 'رحلة عميل المتجر' })
    const fac = await newParticipant(browser, { name: 'Rana', viewport: { width: 1366, height: 768 } })
    const guest = await newParticipant(browser, { name: 'كريم', lang: 'ar', viewport: { width: 1366, height: 768 } })
    await openBoard(fac, board.facilitatorUrl)
    await openBoard(guest, board.participantUrl)
    await addNote(guest.page, 'Awareness', 'إعلان على إنستغرام')
    await note(fac.page, 'إعلان على إنستغرام').waitFor()

    // Only the facilitator has the board's options.
    expect(await guest.page.locator('.board-menu').count()).toBe(0)

    // A menu, then a question whose default is Cancel: cancelling keeps the board.
    const options = fac.page.locator('.board-menu > summary[aria-label="Board options"]')
    await options.click()
    await fac.page.getByRole('button', { name: /^Delete this board/ }).click()
    const dialog = fac.page.getByRole('dialog', { name: /^Delete “.*رحلة عميل المتجر.*” for everyone\?$/ })
    await dialog.waitFor()
    expect(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true)
    await fac.page.screenshot({ path: screenshotPath('delete-confirm-1366-en') })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await fac.page.getByRole('dialog').count()).toBe(0)
    expect((await fetch(`${server.url}/api/boards/${board.id}`)).status).toBe(200)

    await options.click()
    await fac.page.getByRole('button', { name: /^Delete this board/ }).click()
    await fac.page.getByRole('dialog').getByRole('button', { name: 'Delete the board' }).click()

    // The participant's open page says so at once, in Arabic; the facilitator's too.
    await guest.page.getByTestId('deleted').waitFor({ timeout: 3000 })
    expect(await guest.page.getByRole('heading', { level: 1 }).textContent()).toBe('حُذفت هذه اللوحة')
    expect(await guest.page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await guest.page.screenshot({ path: screenshotPath('board-deleted-1366-ar') })
    await fac.page.getByTestId('deleted').waitFor()
    expect(await fac.page.getByRole('heading', { level: 1 }).textContent()).toBe('This board was deleted')

    // A reload gets it too, and stops there: no socket keeps retrying.
    let sockets = 0
    guest.page.on('websocket', () => sockets++)
    await guest.page.reload()
    await guest.page.getByTestId('deleted').waitFor()
    await guest.page.waitForTimeout(1500)
    expect(sockets).toBeLessThanOrEqual(2) // the board's and the private document's, each once
    // This browser forgot it: the start page no longer lists it.
    await guest.page.goto(server.url)
    await guest.page.locator('.create-form').waitFor()
    expect(await guest.page.locator(`.known-board[data-board="${board.id}"]`).count()).toBe(0)

    // Someone who comes later, on a phone, is answered 410 with the same page in their language.
    const late = await newParticipant(browser, { name: 'سارا', lang: 'fa', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const res = await late.page.goto(board.participantUrl)
    expect(res?.status()).toBe(410)
    await late.page.getByTestId('deleted').waitFor()
    expect(await late.page.getByRole('heading', { level: 1 }).textContent()).toBe('این تخته حذف شده است')
    await late.page.screenshot({ path: screenshotPath('board-deleted-phone-fa') })
    for (const p of [fac, guest, late]) await p.context.close()
  })
})
