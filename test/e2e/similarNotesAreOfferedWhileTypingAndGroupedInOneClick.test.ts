// Similar notes in Chromium (issue 15): while someone types «کتاب» with Persian letters in the Arabic
// interface, the note with «كتاب» already on the board is offered under the field (on a wide screen and on a
// 390×844 phone) and leads to it; in the cluster phase the facilitator's suggested groups make a cluster
// for everyone in one click (moving a note from another stage), and a dismissed one stays dismissed.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '../../shared/api.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { launchBrowser, newParticipant, openBoard, screenshotPath, stage } from '../helpers/browser.js'
import { member, synced, until } from '../helpers/clients.js'
import { act, createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

const STAGES = ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء']
const NOTES: [id: string, stage: number, text: string][] = [
  ['book', 0, 'كتاب الإرشادات غير مفهوم'],
  ['ad', 0, 'عرف المنصة من إعلان على إنستغرام'],
  ['pay-1', 2, 'الدفع بالبطاقة فشل مرتين'],
  ['pay-2', 3, 'فشل الدفع بالبطاقه مرتين'],
  ['pay-3', 2, 'فشل الدفع بالبطاقة مرتين متتاليتين'],
  ['fee-1', 1, 'رسوم الشحن غير واضحة قبل الدفع'],
  ['fee-2', 1, 'رسوم الشحن غير واضحه قبل الدفع'],
  ['app', 4, 'يريد تطبيقًا للجوال'],
]

let server: TestServer
let browser: Browser
let board: CreateBoardResponse
let token: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { title: 'رحلة عميل متجر إلكتروني', stages: STAGES })
  ;({ token } = await joinBoard(server.url, board.id, { name: 'ميسّرة', facilitatorKey: board.facilitatorKey }))
  for (const action of [{ type: 'setPhase', phase: 'ideate' }, { type: 'setPrivateWriting', on: false }] as const) {
    expect((await act(server.url, board.id, token, action)).status).toBe(200)
  }
  const seeder = await member(server.url, board.id, { name: 'سارا', facilitatorKey: board.facilitatorKey })
  await synced(seeder)
  const stageIds = readBoard(seeder.doc).stages.map((s) => s.id)
  for (const [id, i, text] of NOTES) addNote(seeder.doc, { id, stageId: stageIds[i]!, kind: 'pain', text, authorId: seeder.me })
  await until(() => readBoard(seeder.doc).notes.length === NOTES.length, 'notes written')
  // Kept until the server has them all (another connection sees them).
  const check = await member(server.url, board.id, { name: 'check' })
  await synced(check)
  await until(() => readBoard(check.doc).notes.length === NOTES.length, 'notes stored', 10_000)
  seeder.destroy()
  check.destroy()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('similar notes', () => {
  it('offers the note with «كتاب» while «کتاب» is typed, and leads to it', async () => {
    const p = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport: { width: 1400, height: 900 } })
    await openBoard(p, board.participantUrl)
    const page = p.page
    const field = stage(page, 'الوعي').locator('.composer-text')
    await field.click()
    await field.pressSequentially('کتاب الارشادات')
    const offered = stage(page, 'الوعي').locator('.similar-note')
    await expect.poll(() => offered.count()).toBe(1)
    expect(await offered.getAttribute('data-similar-id')).toBe('book')
    expect(await offered.locator('.similar-note-text').textContent()).toBe('كتاب الإرشادات غير مفهوم')
    expect(await offered.locator('mark').allTextContents()).toEqual(['كتاب', 'الإرشادات'])
    expect(await offered.locator('.similar-note-stage').textContent()).toBe('في الوعي')
    // Nothing is offered for what no note says, and then the list takes no room in the form.
    const other = stage(page, 'الولاء').locator('.composer-text')
    await other.fill('الموظفون لطفاء')
    expect(await stage(page, 'الولاء').locator('.similar-note').count()).toBe(0)
    const [gap, between] = await stage(page, 'الولاء').locator('.composer').evaluate((form) => [
      parseFloat(getComputedStyle(form).rowGap),
      form.querySelector('.composer-kind')!.getBoundingClientRect().top - form.querySelector('.composer-text')!.getBoundingClientRect().bottom,
    ])
    expect(between).toBeCloseTo(gap, 0)
    await other.fill('')
    await field.focus()
    await page.screenshot({ path: screenshotPath('similar-notes-composer-arabic') })

    // Agreeing with it from there, instead of writing it again, reacts on that note for everyone.
    const agree = offered.locator('.reaction[data-reaction="agree"]')
    expect(await offered.locator('.reaction').count()).toBe(1)
    await agree.click()
    await expect.poll(() => page.locator('.note[data-note-id="book"] .reaction[data-reaction="agree"] .reaction-count').textContent()).toMatch(/^[1١]$/)
    expect(await agree.getAttribute('aria-pressed')).toBe('true')

    await field.focus()
    await offered.locator('.similar-note-go').click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-note-id'))).toBe('book')
    await p.context.close()
  })

  it('offers it on a 390×844 phone too, within the screen', async () => {
    const p = await newParticipant(browser, { name: 'امید', lang: 'ar', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    await openBoard(p, board.participantUrl)
    const page = p.page
    const field = stage(page, 'الوعي').locator('.composer-text')
    await field.tap()
    await field.pressSequentially('كتاب ارشادات')
    const offered = stage(page, 'الوعي').locator('.similar-note')
    await expect.poll(() => offered.count()).toBe(1)
    // Within the screen, scrolled into view above the stage pager.
    const pager = (await page.locator('.stage-strip').boundingBox())!
    await expect.poll(async () => (await offered.boundingBox())!.y + (await offered.boundingBox())!.height).toBeLessThanOrEqual(pager.y)
    const box = (await offered.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: screenshotPath('similar-notes-composer-phone') })
    await p.context.close()
  })

  it('lets the facilitator make a suggested group for everyone in one click, or dismiss one for good', async () => {
    expect((await act(server.url, board.id, token, { type: 'setPhase', phase: 'cluster' })).status).toBe(200)
    const f = await newParticipant(browser, { name: 'ميسّرة', lang: 'ar', viewport: { width: 1400, height: 900 } })
    const other = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport: { width: 1400, height: 900 } })
    await openBoard(f, board.facilitatorUrl)
    await openBoard(other, board.participantUrl)
    const panel = f.page.getByTestId('suggested-groups')
    await panel.waitFor()
    // Participants get no suggestions.
    expect(await other.page.getByTestId('suggested-groups').count()).toBe(0)
    const payment = panel.locator('.suggested-group').filter({ hasText: 'متتاليتين' })
    const fees = panel.locator('.suggested-group').filter({ hasText: 'رسوم الشحن' })
    await payment.waitFor()
    await fees.waitFor()
    expect(await panel.locator('.suggested-group').count()).toBe(2)
    const notesOf = async (s: typeof payment) => (await s.getAttribute('data-notes'))!.split(' ').sort()
    expect(await notesOf(payment)).toEqual(['pay-1', 'pay-2', 'pay-3'])
    expect(await notesOf(fees)).toEqual(['fee-1', 'fee-2'])
    // The payment notes are in two stages: the group goes where two of the three are.
    const where = await payment.locator('.suggested-group-where').textContent()
    expect(where).toMatch(/^من .*القرار.*التجربة.*، إلى القرار$/)
    expect(await fees.locator('.suggested-group-where').textContent()).toBe('في البحث والمقارنة')
    await f.page.screenshot({ path: screenshotPath('similar-groups-panel-arabic') })

    await payment.locator('.suggested-group-accept').click()
    const cluster = other.page.locator('.cluster').filter({ hasText: 'فشل الدفع بالبطاقه مرتين' })
    await cluster.waitFor()
    expect(await cluster.locator('.note').count()).toBe(3)
    expect(await stage(other.page, 'القرار').locator('.cluster').count()).toBe(1)
    expect(await stage(other.page, 'التجربة').locator('.note').count()).toBe(0)
    await expect.poll(() => payment.count()).toBe(0)

    // Dismissed: gone, and still gone after a reload.
    await fees.locator('.suggested-group-dismiss').click()
    await expect.poll(() => fees.count()).toBe(0)
    await f.page.reload()
    await f.page.locator('.stage').first().waitFor()
    await f.page.locator('.cluster').first().waitFor()
    expect(await f.page.getByTestId('suggested-groups').count()).toBe(0)
    expect(await other.page.locator('.cluster').count()).toBe(1)
    await f.context.close()
    await other.context.close()
  })
})
