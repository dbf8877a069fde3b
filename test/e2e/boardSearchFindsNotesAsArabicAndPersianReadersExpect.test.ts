// Searching and filtering the board in Chromium: «كتاب» finds «کتاب» and back, a Latin digit finds a
// Persian one, the matched word is marked, kind, author and stage narrow the board, Escape gives the whole
// board back; a cluster found by its name shows its notes; in Arabic, right to left, and on a 390×844 phone.
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCluster, renameCluster } from '../../shared/clusters.js'
import { addNote, readBoard, type NoteKind } from '../../shared/schema.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { newParticipant, note, openBoard, screenshotPath, stage } from '../helpers/browser.js'
import { act, createBoard, type TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

type Written = [author: Member, stage: number, kind: NoteKind, text: string]

/** A board in the ideate phase, public writing, with notes written by the named people's own clients. */
async function boardWith(title: string, stages: string[], people: string[], notes: (m: Member[]) => Written[]) {
  const board = await createBoard(server.url, { title, stages })
  const facilitator = await member(server.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  for (const action of [{ type: 'setPhase', phase: 'ideate' }, { type: 'setPrivateWriting', on: false }] as const) {
    expect((await act(server.url, board.id, facilitator.token, action)).status).toBe(200)
  }
  const members = await Promise.all(people.map((name) => member(server.url, board.id, { name })))
  await Promise.all([facilitator, ...members].map(synced))
  const ids = readBoard(facilitator.doc).stages.map((s) => s.id)
  const written = notes(members)
  written.forEach(([m, s, kind, text], i) => addNote(m.doc, { id: `note-${i}`, stageId: ids[s]!, kind, text, authorId: m.me }))
  await until(() => readBoard(facilitator.doc).notes.length === written.length, 'the notes on the server')
  return { board, facilitator, members, done: () => [facilitator, ...members].forEach((m) => m.destroy()) }
}

const field = (page: Page) => page.getByRole('searchbox')
const filters = (page: Page) => page.getByRole('search')
const shownTexts = (page: Page) => page.locator('.note:not([hidden]) .note-text').allTextContents()
const count = (page: Page) => page.getByTestId('search-count').textContent()
const announced = (page: Page) => page.getByTestId('announcer').textContent().then((t) => t?.replace(/\u200b/g, ''))

describe('the board search', () => {
  it('finds notes across Arabic and Persian spellings and digits, narrows by kind, author and stage, and Escape restores the board', async () => {
    const b = await boardWith('Marketplace clients', ['Awareness', 'Consideration', 'Decision'], ['Sara', 'Omid'], ([sara, omid]) => [
      [sara!, 0, 'pain', 'کتاب راهنما پیدا نمی‌شود'],
      [omid!, 1, 'question', 'هل كتاب الدليل محدّث؟'],
      [omid!, 2, 'pain', 'ثبت‌نام ۳ روز طول کشید'],
      [sara!, 2, 'idea', 'Offer a 3 day trial'],
      [sara!, 1, 'feeling', 'Relieved by the live chat'],
      [omid!, 0, 'touchpoint', 'Help center article on refunds'],
    ])
    const p = await newParticipant(browser, { name: 'Lead', viewport: { width: 1280, height: 800 } })
    await openBoard(p, b.board.facilitatorUrl)
    const page = p.page
    await expect.poll(() => page.locator('.note').count()).toBe(6)

    // "/" from the board (not from a field) goes to the search; Arabic kaf finds the Persian and Arabic spellings.
    await note(page, 'Offer a 3 day trial').focus()
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    await page.keyboard.type('كتاب')
    expect(await shownTexts(page)).toEqual(['کتاب راهنما پیدا نمی‌شود', 'هل كتاب الدليل محدّث؟'])
    expect(await count(page)).toBe('2 of 6 notes')
    await expect.poll(() => note(page, 'راهنما').locator('mark').allTextContents()).toEqual(['کتاب'])
    await expect.poll(() => note(page, 'الدليل').locator('mark').allTextContents()).toEqual(['كتاب'])
    // …and screen readers hear the count once typing pauses.
    await expect.poll(() => announced(page)).toBe('2 of 6 notes')
    await page.screenshot({ path: screenshotPath('search-english') })

    // The other way round: the Persian spelling finds the Arabic one.
    await field(page).fill('کتاب')
    expect(await shownTexts(page)).toEqual(['کتاب راهنما پیدا نمی‌شود', 'هل كتاب الدليل محدّث؟'])
    // A Latin digit finds a Persian one; each word is marked.
    await field(page).fill('3 روز')
    expect(await shownTexts(page)).toEqual(['ثبت‌نام ۳ روز طول کشید'])
    await expect.poll(() => note(page, 'ثبت‌نام').locator('mark').allTextContents()).toEqual(['۳', 'روز'])
    expect(await stage(page, 'Awareness').locator('.stage-no-match').textContent()).toBe('No note here matches.')

    // Escape clears it all, gives the whole board back, and returns to the note one came from.
    await page.keyboard.press('Escape')
    expect(await shownTexts(page)).toHaveLength(6)
    expect(await page.locator('mark').count()).toBe(0)
    expect(await page.getByRole('search').count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Offer a 3 day trial')

    // Filters: kind, then author, then stage, each narrowing the board.
    await page.keyboard.press('Control+k')
    await filters(page).getByLabel('Kind').selectOption({ label: 'Pain point' })
    expect(await shownTexts(page)).toEqual(['کتاب راهنما پیدا نمی‌شود', 'ثبت‌نام ۳ روز طول کشید'])
    await filters(page).getByLabel('Written by').selectOption({ label: 'Omid' })
    expect(await shownTexts(page)).toEqual(['ثبت‌نام ۳ روز طول کشید'])
    await filters(page).getByLabel('Kind').selectOption({ label: 'Any kind' })
    await filters(page).getByLabel('Stage').selectOption({ label: 'Decision' })
    expect(await shownTexts(page)).toEqual(['ثبت‌نام ۳ روز طول کشید'])
    await filters(page).getByLabel('Written by').selectOption({ label: 'Any author' })
    expect(await shownTexts(page)).toEqual(['ثبت‌نام ۳ روز طول کشید', 'Offer a 3 day trial'])
    expect(await count(page)).toBe('2 of 6 notes')
    // With text too: all of them together.
    await field(page).fill('trial')
    expect(await shownTexts(page)).toEqual(['Offer a 3 day trial'])

    // A click on a marked word opens the editor with the caret there, counted over the whole text.
    const mark = note(page, 'Offer a 3 day trial').locator('mark')
    const at = (await mark.boundingBox())!
    await page.mouse.click(at.x + at.width - 1, at.y + at.height / 2)
    const editor = page.locator('.note-editor') // its text is in the field now, not in the card
    expect(await editor.evaluate((e: HTMLTextAreaElement) => e.selectionStart)).toBe('Offer a 3 day trial'.length)
    await page.keyboard.press('Escape')

    // A note one writes while searching stays in sight, though it does not match.
    await stage(page, 'Decision').locator('.composer-text').fill('Weekend support line')
    await stage(page, 'Decision').locator('.composer-text').press('Enter')
    expect(await shownTexts(page)).toEqual(['Offer a 3 day trial', 'Weekend support line'])

    // While a filter is on the row stays, to say so, wherever the focus goes; Escape from it clears everything.
    await note(page, 'Offer a 3 day trial').focus()
    expect(await count(page)).toBe('2 of 7 notes')
    await filters(page).getByLabel('Stage').focus()
    await page.keyboard.press('Escape')
    expect(await shownTexts(page)).toHaveLength(7)
    expect(await page.getByRole('search').count()).toBe(0)

    // Typing "/" in a note is writing, not searching; Ctrl+F is left to the browser.
    const composer = stage(page, 'Awareness').locator('.composer-text')
    await composer.click()
    await page.keyboard.type('A/B test')
    expect(await composer.inputValue()).toBe('A/B test')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('composer-text'))).toBe(true)
    const ctrlF = await page.evaluate(() => {
      const e = new KeyboardEvent('keydown', { key: 'f', code: 'KeyF', ctrlKey: true, bubbles: true, cancelable: true })
      document.body.dispatchEvent(e)
      return e.defaultPrevented
    })
    expect(ctrlF).toBe(false)
    await p.context.close()
    b.done()
  })

  it('shows a cluster found by its name with its notes, marks words in Arabic right to left, and fits a phone', async () => {
    const b = await boardWith('رحلة عميل متجر', ['الوعي', 'القرار', 'التجربة'], ['سارا', 'أميد'], ([sara, omid]) => [
      [sara!, 0, 'pain', 'کتاب راهنما پیدا نمی‌شود'],
      [omid!, 0, 'touchpoint', 'إعلان على إنستغرام'],
      [omid!, 1, 'question', 'هل كتاب الدليل محدّث؟'],
      [sara!, 2, 'feeling', 'شكرًا للدعم الفني'],
      [omid!, 2, 'pain', 'Refund took a week'],
      [sara!, 2, 'idea', 'دردشة مباشرة داخل التطبيق'],
    ])
    expect((await act(server.url, b.board.id, b.facilitator.token, { type: 'setPhase', phase: 'cluster' })).status).toBe(200)
    createCluster(b.facilitator.doc, 'after-sale', ['note-3', 'note-4'])
    renameCluster(b.facilitator.doc, 'after-sale', 'المساعدة بعد الشراء')

    const p = await newParticipant(browser, { name: 'مُيسِّر', lang: 'ar', viewport: { width: 1280, height: 800 } })
    await openBoard(p, b.board.participantUrl)
    const page = p.page
    await page.locator('.cluster').waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')

    // The cluster's name matches: it shows with every note it holds, the lone notes go.
    await page.keyboard.press('/')
    await page.keyboard.type('المساعده')
    expect(await shownTexts(page)).toEqual(['شكرًا للدعم الفني', 'Refund took a week'])
    expect(await page.locator('.cluster:not([hidden])').count()).toBe(1)
    // A note inside the cluster matches (ل + الدعم is written للدعم): the cluster shows with that note only.
    await field(page).fill('الدعم')
    expect(await shownTexts(page)).toEqual(['شكرًا للدعم الفني'])
    expect(await page.locator('.cluster:not([hidden])').count()).toBe(1)
    await expect.poll(() => note(page, 'للدعم').locator('mark').allTextContents()).toEqual(['لدعم'])
    // Nothing of the cluster matches: it goes too.
    await field(page).fill('كتاب')
    expect(await page.locator('.cluster:not([hidden])').count()).toBe(0)
    expect(await count(page)).toBe('2 من 6 ملاحظات')
    // The mark sits on the word, inside a paragraph that runs right to left.
    const marked = note(page, 'الدليل').locator('mark')
    expect(await marked.evaluate((m) => getComputedStyle(m.parentElement!).direction)).toBe('rtl')
    const [word, text] = [(await marked.boundingBox())!, (await note(page, 'الدليل').locator('.note-text').boundingBox())!]
    expect(word.width).toBeLessThan(text.width / 2)
    expect(word.x).toBeGreaterThan(text.x + text.width / 3) // the second word, so right of the middle
    await page.screenshot({ path: screenshotPath('search-arabic-rtl') })
    await p.context.close()

    // A 390×844 phone, in Persian: an icon button until opened; then the field takes the bar's width.
    const phone = await newParticipant(browser, {
      name: 'امید', lang: 'fa', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    })
    await openBoard(phone, b.board.participantUrl)
    expect(await field(phone.page).count()).toBe(0)
    await phone.page.getByRole('button', { name: 'جست‌وجو و فیلتر یادداشت‌ها' }).tap()
    await field(phone.page).fill('كتاب')
    expect(await shownTexts(phone.page)).toEqual(['کتاب راهنما پیدا نمی‌شود', 'هل كتاب الدليل محدّث؟'])
    const box = (await field(phone.page).boundingBox())!
    expect(box.width).toBeGreaterThan(200)
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await phone.page.locator('mark').first().waitFor()
    await phone.page.screenshot({ path: screenshotPath('search-phone') })
    // Closing it clears it: the whole board is back, the icon button again in its place.
    await phone.page.getByRole('button', { name: 'بستن جست‌وجو' }).tap()
    expect(await shownTexts(phone.page)).toHaveLength(6)
    expect(await field(phone.page).count()).toBe(0)
    expect(await phone.page.getByRole('button', { name: 'جست‌وجو و فیلتر یادداشت‌ها' }).isVisible()).toBe(true)
    await phone.context.close()
    b.done()
  })
})
