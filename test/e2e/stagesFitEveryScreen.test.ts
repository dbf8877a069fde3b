// The stages on the screens workshops use: five fit a 1366×768 laptop in English, Arabic and Persian; eight
// scroll, with a strip of stage names that jumps to any and an overview of the whole board; a phone pages
// through them one by one (buttons and swipes) and keeps the phase row, its news and the message line in view
// when scrolled down; the map reads stage by stage on a phone; the "Group with…" dialog keeps its choices
// inside; a stage header counts face-down notes. Screenshots are saved for a human to look at.
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '../../shared/api.js'
import type { Action } from '../../shared/workshop.js'
import { createOpenBoard, fillBoard } from '../helpers/boards.js'
import { addNote, newParticipant, openBoard, screenshotPath, stage, type ParticipantOptions } from '../helpers/browser.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { addNote as writeNote, readBoard } from '../../shared/schema.js'
import { member, synced, until } from '../helpers/clients.js'
import { act, createBoard, joinBoard, type TestServer } from '../helpers/server.js'
import { votedWorkshop, type WorkshopScript } from '../helpers/votedWorkshop.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const STAGES = {
  en: ['Awareness', 'Consideration', 'Decision', 'Experience', 'Loyalty'],
  ar: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'],
  fa: ['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری', 'تجربه', 'وفاداری'],
}
const LAPTOP = { width: 1366, height: 768 }
const PHONE: ParticipantOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
const digits = (lang: string) => (n: number) => new Intl.NumberFormat(lang).format(n)

type Box = { x: number; y: number; width: number; height: number }
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!
const inViewport = (b: Box, vw: number, vh: number) => b.x >= -0.5 && b.x + b.width <= vw + 0.5 && b.y >= -0.5 && b.y + b.height <= vh + 0.5
const insideHorizontally = (b: Box, vw: number) => b.x >= -0.5 && b.x + b.width <= vw + 0.5
const pageScroll = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))

/** A board with the facilitator's token, moved through `phases` over the API, ready for the browser. */
async function boardIn(stages: string[], phases: Action[], notes = 0): Promise<{ board: CreateBoardResponse; run: (a: Action) => Promise<void> }> {
  const board = await createBoard(server.url, { title: 'Touchpoint', stages })
  const { token } = await joinBoard(server.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  const run = async (action: Action) => expect((await act(server.url, board.id, token, action)).status).toBe(200)
  await run({ type: 'setPhase', phase: 'ideate' })
  await run({ type: 'setPrivateWriting', on: false })
  if (notes) await fillBoard(server.url, board, notes)
  for (const a of phases) await run(a)
  return { board, run }
}

/** A finger drawn sideways across `on` by `dx` pixels, as touch events (Chromium's own). */
async function swipe(page: Page, on: Box, dx: number) {
  const cdp = await page.context().newCDPSession(page)
  const [x, y] = [Math.round(on.x + on.width / 2 - dx / 2), Math.round(on.y + on.height / 2)]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y }] })
    await page.waitForTimeout(16)
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

describe('stages on every screen', () => {
  for (const lang of ['en', 'ar', 'fa'] as const) {
    it(`fits five stages on a 1366×768 screen without scrolling sideways, in ${lang}`, async () => {
      const board = await createOpenBoard(server.url, { title: 'Touchpoint', stages: STAGES[lang] })
      await fillBoard(server.url, board, 15)
      // The facilitator's board is the widest: it has "Add a stage" after the last one.
      const p = await newParticipant(browser, { name: 'Facilitator', lang, viewport: LAPTOP })
      await openBoard(p, board.facilitatorUrl)
      const page = p.page
      await expect.poll(() => page.locator('.note').count()).toBe(15)
      const { scrollWidth, clientWidth } = await pageScroll(page)
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
      const row = await page.locator('.board').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }))
      expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth)
      for (let i = 0; i < 5; i++) expect(insideHorizontally(await box(page.locator('.stage').nth(i)), LAPTOP.width), `stage ${i + 1}`).toBe(true)
      expect(insideHorizontally(await box(page.locator('.add-stage')), LAPTOP.width)).toBe(true)
      // All in view: no strip.
      expect(await page.getByTestId('stage-strip').count()).toBe(0)
      await page.screenshot({ path: screenshotPath(`stages-five-1366-${lang}`) })
      await p.context.close()
    })
  }

  it('scrolls eight stages, with a strip that jumps to a stage and an overview of the whole board', async () => {
    const names = ['Discover', 'Research', 'Compare', 'Sign up', 'Onboard', 'First use', 'Support', 'Renew']
    const board = await createOpenBoard(server.url, { title: 'Eight stages', stages: names })
    await fillBoard(server.url, board, 24)
    const p = await newParticipant(browser, { name: 'Rana', viewport: LAPTOP })
    await openBoard(p, board.participantUrl)
    const page = p.page
    await expect.poll(() => page.locator('.note').count()).toBe(24)
    const strip = page.getByTestId('stage-strip')
    await strip.waitFor()
    const items = strip.locator('.strip-item')
    expect(await items.allTextContents()).toEqual(names.map((n, i) => `${i + 1}${n}`))
    const last = page.locator('.stage').nth(7)
    expect(insideHorizontally(await box(last), LAPTOP.width)).toBe(false)
    expect(await items.nth(0).getAttribute('aria-current')).toBe('true')
    expect(await items.nth(7).getAttribute('aria-current')).toBeNull()
    expect(await pageScroll(page).then((s) => s.scrollWidth <= s.clientWidth)).toBe(true) // only the row scrolls

    // A click brings the stage into view, and the strip marks it.
    await items.nth(7).click()
    await expect.poll(async () => insideHorizontally(await box(last), LAPTOP.width)).toBe(true)
    await expect.poll(() => items.nth(7).getAttribute('aria-current')).toBe('true')
    expect(await items.nth(0).getAttribute('aria-current')).toBeNull()
    await expect.poll(() => strip.getByTestId('strip-position').textContent()).toMatch(/–8 \/ 8$/)
    await page.screenshot({ path: screenshotPath('stages-eight-strip') })
    // Enter on a stage's name does the same, and so does "previous".
    await items.nth(0).focus()
    await items.nth(0).press('Enter')
    await expect.poll(async () => insideHorizontally(await box(page.locator('.stage').nth(0)), LAPTOP.width)).toBe(true)
    await items.nth(5).press('Enter')
    await expect.poll(async () => insideHorizontally(await box(page.locator('.stage').nth(5)), LAPTOP.width)).toBe(true)

    // The overview: every stage and every note on the screen at once; Escape returns.
    const toggle = page.getByTestId('overview-toggle')
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    for (let i = 0; i < 8; i++) {
      await expect.poll(async () => inViewport(await box(page.locator('.stage').nth(i)), LAPTOP.width, LAPTOP.height), { message: `stage ${i + 1}` }).toBe(true)
    }
    const notes = await page.locator('.note').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))
    expect(notes.filter((b) => !inViewport(b, LAPTOP.width, LAPTOP.height))).toEqual([])
    await page.screenshot({ path: screenshotPath('stages-eight-overview') })
    await page.keyboard.press('Escape')
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false')
    expect((await box(page.locator('.stage').nth(0))).width).toBeGreaterThanOrEqual(200)
    await toggle.click()
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await p.context.close()
  })

  it('pages through the stages on a phone in Persian, and keeps the phase row and the messages in view', async () => {
    const { board, run } = await boardIn(STAGES.fa, [{ type: 'setPhase', phase: 'cluster' }, { type: 'setPhase', phase: 'vote' }], 25)
    const p = await newParticipant(browser, { name: 'امید', lang: 'fa', ...PHONE })
    await openBoard(p, board.participantUrl)
    const page = p.page
    const fa = digits('fa')
    const now = page.getByTestId('strip-now')
    await expect.poll(() => now.locator('.strip-now-name').textContent()).toBe('آگاهی')
    expect(await page.getByTestId('strip-position').textContent()).toBe(`${fa(1)} / ${fa(5)}`)
    expect(await pageScroll(page).then((s) => s.scrollWidth)).toBeLessThanOrEqual(390)
    const col = (i: number) => page.locator('.stage').nth(i)
    expect(insideHorizontally(await box(col(0)), 390)).toBe(true)
    expect((await box(col(0))).width).toBeGreaterThan(330) // one stage per screen
    const pager = await box(page.getByTestId('stage-strip'))
    expect(inViewport(pager, 390, 844)).toBe(true)
    await page.screenshot({ path: screenshotPath('stages-phone-pager-fa') })

    // The next button, then a swipe, move one stage on.
    await page.getByRole('button', { name: 'مرحلهٔ بعدی' }).tap()
    await expect.poll(() => page.getByTestId('strip-position').textContent()).toBe(`${fa(2)} / ${fa(5)}`)
    expect(await now.locator('.strip-now-name').textContent()).toBe('بررسی و مقایسه')
    await expect.poll(async () => insideHorizontally(await box(col(1)), 390)).toBe(true)
    // Right to left: the next stage is on the left, so the finger moves to the right.
    await swipe(page, await box(col(1).locator('.stage-head')), 250)
    await expect.poll(() => page.getByTestId('strip-position').textContent()).toBe(`${fa(3)} / ${fa(5)}`)
    await expect.poll(async () => insideHorizontally(await box(col(2)), 390)).toBe(true)
    await page.waitForTimeout(600) // the fling and the snap come to rest
    await page.getByRole('button', { name: 'مرحلهٔ قبلی' }).tap()
    await expect.poll(() => page.getByTestId('strip-position').textContent()).toBe(`${fa(2)} / ${fa(5)}`)

    // Scrolled down to the last note of the stage: a refused vote is said where it can be seen, and the
    // phase row is still at the top.
    const lastNote = col(1).locator('.note').last()
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight))
    const plus = lastNote.getByRole('button', { name: /^افزودن یک رأی به/ })
    for (let i = 0; i < 3; i++) await plus.tap()
    await plus.tap({ force: true }) // a fourth on one item: refused (it stays pressable to say why)
    const message = page.getByTestId('workshop-message').locator('.message')
    await expect.poll(() => message.count()).toBe(1)
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300)
    const steps = page.locator('.phase-steps')
    expect(inViewport(await box(steps), 390, 844)).toBe(true)
    expect(await page.locator('.phase-step[aria-current="step"] .phase-name').textContent()).toBe('رأی‌گیری')
    const said = await box(message)
    expect(inViewport(said, 390, 844)).toBe(true)
    expect(said.y + said.height).toBeLessThanOrEqual(pager.y + 0.5) // above the pager, not under it
    await page.screenshot({ path: screenshotPath('stages-phone-scrolled-fa') })

    // The facilitator reveals the votes: the phase row says so, there at the top (opening the board was no news).
    expect(await page.getByTestId('phase-news').count()).toBe(0)
    await run({ type: 'revealVotes' })
    const news = page.getByTestId('phase-news')
    await expect.poll(() => news.textContent()).toBe('رأی‌ها آشکار شدند')
    expect(inViewport(await box(news), 390, 844)).toBe(true)
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300)
    await page.screenshot({ path: screenshotPath('stages-phone-revealed-fa') })
    await p.context.close()
  })

  it('reads the map stage by stage on a phone', async () => {
    const script: WorkshopScript = {
      title: 'فروشگاه آنلاین ظروف',
      stages: STAGES.fa,
      people: ['نرگس', 'بهرام'],
      notes: [
        ['a1', 0, 'touchpoint', 'تبلیغ اینستاگرام درباره ظروف چدنی را دید', 0],
        ['c1', 1, 'question', 'آیا ارسال به شهرستان رایگان است؟', 0],
        ['d1', 2, 'pain', 'درگاه پرداخت دو بار خطا داد', 0],
        ['d2', 2, 'pain', 'کد تخفیف در سبد خرید اعمال نشد', 1],
      ],
      clusters: [['k-pay', ['d1', 'd2'], 'مشکلات پرداخت']],
      votes: [[0, 'k-pay'], [0, 'a1'], [1, 'c1']],
    }
    const w = await votedWorkshop(server, script)
    try {
      const p = await newParticipant(browser, { name: 'مهسا', lang: 'fa', ...PHONE })
      await p.page.goto(w.board.facilitatorUrl)
      const page = p.page
      await page.locator('.map-view').waitFor()
      await page.getByLabel('تعداد', { exact: true }).fill('3')
      await page.getByRole('button', { name: 'آوردن ۳ مورد پررأی به نقشه' }).click()
      await expect.poll(() => page.locator('.map-item').count()).toBe(3)
      expect(await pageScroll(page).then((s) => s.scrollWidth)).toBeLessThanOrEqual(390)
      const region = page.locator('.map-scroll')
      await region.scrollIntoViewIfNeeded()
      const width = (await box(region)).width
      // Each stage is a whole screen wide, its name on top; no narrow column of lane names beside it.
      const heads = page.locator('.map-grid thead th')
      expect(await heads.count()).toBe(5)
      const first = await box(heads.nth(0))
      expect(first.width).toBeGreaterThan(width * 0.9)
      expect(insideHorizontally(first, 390)).toBe(true)
      // A lane's name is a row of its own above the lane's cell of this stage.
      const lane = page.locator('.map-grid tbody tr[data-lane="touchpoint"] th')
      const cell = page.locator(`td.map-cell[data-stage="${w.stageIds[0]}"][data-lane="touchpoint"]`)
      const [laneBox, cellBox] = [await box(lane), await box(cell)]
      expect(insideHorizontally(laneBox, 390)).toBe(true)
      expect(cellBox.y).toBeGreaterThanOrEqual(laneBox.y + laneBox.height - 1)
      expect(cellBox.width).toBeGreaterThan(width * 0.9)
      expect(await cell.locator('.map-item').count()).toBe(1)
      await page.screenshot({ path: screenshotPath('map-phone-stage-1'), fullPage: true })

      // The third stage, a swipe away: its pain points under their lane's name, still in view.
      await heads.nth(2).evaluate((el) => el.scrollIntoView({ inline: 'start', block: 'nearest' }))
      const pain = page.locator(`td.map-cell[data-stage="${w.stageIds[2]}"][data-lane="pain"]`)
      await expect.poll(async () => insideHorizontally(await box(pain), 390)).toBe(true)
      expect(insideHorizontally(await box(page.locator('.map-grid tbody tr[data-lane="pain"] th')), 390)).toBe(true)
      expect(await pain.locator('.map-item').count()).toBe(1)
      await pain.scrollIntoViewIfNeeded()
      await page.screenshot({ path: screenshotPath('map-phone-stage-3') })
      await p.context.close()
    } finally {
      w.destroy()
    }
  })

  it('keeps every "Group with…" choice inside the dialog, wrapped between words, in Arabic', async () => {
    // Notes as long as workshops write them: their labels are cut at 60 characters, longer than a line.
    const LONG = [
      'يبحث في جوجل عن منصة عمل حر موثوقة ويقارن بين ثلاث منصات مختلفة قبل التسجيل',
      'لم يرد فريق الدعم الفني على الرسالة لمدة يومين كاملين بعد مشكلة في عملية الدفع',
      'الحماس للمشروع الجديد كبير لكن القلق من جودة العمل ومن مواعيد التسليم أكبر',
      'هل يمكن استرداد المبلغ كاملًا إذا لم يكن العمل المسلَّم مطابقًا للوصف المتفق عليه؟',
      'اقتراح: دردشة مباشرة داخل التطبيق مع المستقل قبل الدفع لتوضيح تفاصيل المشروع',
    ]
    const { board, run } = await boardIn(STAGES.ar, [])
    const writer = await member(server.url, board.id, { name: 'ميسّرة', facilitatorKey: board.facilitatorKey })
    await synced(writer)
    const ids = readBoard(writer.doc).stages.map((st) => st.id)
    for (let i = 0; i < 20; i++) {
      writeNote(writer.doc, { id: `long-${i}`, stageId: ids[i % 5]!, kind: 'idea', text: `${LONG[i % 5]} (${i + 1})`, authorId: writer.me })
    }
    await until(() => readBoard(writer.doc).notes.length === 20, '20 notes')
    await run({ type: 'setPhase', phase: 'cluster' })
    const p = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport: { width: 1366, height: 900 } })
    await openBoard(p, board.participantUrl)
    const page = p.page
    await expect.poll(() => page.locator('.note').count()).toBe(20)
    await page.locator('.group-button').first().click()
    const dialog = page.locator('dialog.group-menu')
    await dialog.waitFor()
    const choices = dialog.locator('.group-choice')
    expect(await choices.count()).toBe(19)
    const d = await box(dialog)
    const outside = await choices.evaluateAll((els, d) =>
      els.flatMap((el, i) => {
        const r = el.getBoundingClientRect()
        return r.left < d.x - 0.5 || r.right > d.x + d.width + 0.5 || el.scrollWidth > el.clientWidth + 1 ? [i] : []
      }), d)
    expect(outside).toEqual([])
    // No word is cut in two: each word of a label lies on one line.
    const cut = await choices.evaluateAll((els) =>
      els.flatMap((el) => {
        const text = el.firstChild?.nodeType === Node.TEXT_NODE ? (el.firstChild as Text) : null
        if (!text) return []
        const words: string[] = []
        for (const m of text.data.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(text, m.index!)
          range.setEnd(text, m.index! + m[0].length)
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
          if (tops.size > 1) words.push(m[0])
        }
        return words
      }))
    expect(cut).toEqual([])
    // A label cut short ends at a word's end, then "…".
    for (const label of await choices.allTextContents()) {
      const start = label.match(/«(.*)…»/)?.[1]
      if (!start) continue
      const whole = LONG.find((l) => l.startsWith(start))
      expect(whole, label).toBeDefined()
      expect(/\s/.test(whole![start.length]!), label).toBe(true)
    }
    await page.screenshot({ path: screenshotPath('group-menu-arabic') })
    await p.context.close()
    writer.destroy()
  })

  it('counts face-down notes in the stage header', async () => {
    const board = await createBoard(server.url, { title: 'Touchpoint', stages: STAGES.ar })
    const { token } = await joinBoard(server.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
    expect((await act(server.url, board.id, token, { type: 'setPhase', phase: 'ideate' })).status).toBe(200)
    const viewport = { width: 1366, height: 768 }
    const writer = await newParticipant(browser, { name: 'Rana', viewport })
    const reader = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport })
    await Promise.all([openBoard(writer, board.participantUrl), openBoard(reader, board.participantUrl)])
    await expect.poll(() => writer.page.getByTestId('phase-hint').textContent()).toContain('Nobody sees your notes')
    for (const text of ['يرى إعلانًا على إنستغرام', 'صديق ينصح بالمنصة', 'يقارن الأسعار']) await addNote(writer.page, 'الوعي', text)
    const aware = stage(reader.page, 'الوعي')
    await expect.poll(() => aware.getByTestId('face-down').getAttribute('data-count')).toBe('3')
    const count = aware.getByTestId('stage-count')
    expect(await count.textContent()).not.toContain('لا ملاحظات')
    expect(await count.textContent()).toBe(`${digits('ar')(3)} ملاحظات، ${digits('ar')(3)} منها مقلوبة`)
    // A stage with nothing in it at all still says so.
    expect(await stage(reader.page, 'القرار').getByTestId('stage-count').textContent()).toBe('لا ملاحظات')
    // The writer's own private notes count too.
    expect(await stage(writer.page, 'الوعي').getByTestId('stage-count').textContent()).toBe('3 notes')
    await reader.page.screenshot({ path: screenshotPath('stage-header-face-down-arabic') })
    await Promise.all([writer.context.close(), reader.context.close()])
  })
})
