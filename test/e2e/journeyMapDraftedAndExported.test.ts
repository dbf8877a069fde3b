// From a voted workshop to the draft journey map in the browser: the facilitator frames the map, promotes the
// top clusters, scores the emotion of a stage and measures a touchpoint, then exports Markdown, CSV and PDF
// whose cells hold the right items; a participant sees the map read-only and rates the stages; a JSON export
// imported from the start page opens as a new board with the same map. In Persian and Arabic, the usual case.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMapItems } from '../../shared/journeyMap.js'
import { readEmotions, readRatings } from '../../shared/emotionCurve.js'
import { readFrame } from '../../shared/journeyMap.js'
import { until } from '../helpers/clients.js'
import { SCREENSHOTS, launchBrowser, newParticipant, screenshotPath, type Participant } from '../helpers/browser.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import { votedWorkshop, type VotedWorkshop, type WorkshopScript } from '../helpers/votedWorkshop.js'

let server: TestServer
let browser: Browser
const open: VotedWorkshop[] = []

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  open.forEach((w) => w.destroy())
  await browser?.close()
  await server?.close()
})

// A Persian online shop of cast-iron cookware (seed 004: start with one product and one segment).
const PERSIAN_SHOP: WorkshopScript = {
  title: 'فروشگاه آنلاین ظروف',
  stages: ['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری', 'تجربه', 'وفاداری'],
  people: ['نرگس', 'بهرام'],
  notes: [
    ['a1', 0, 'touchpoint', 'تبلیغ اینستاگرام درباره ظروف چدنی را دید', 0],
    ['a2', 0, 'touchpoint', 'دوستش فروشگاه را معرفی کرد', 1],
    ['c1', 1, 'question', 'آیا ارسال به شهرستان رایگان است؟', 0],
    ['c2', 1, 'question', 'ضمانت بازگشت کالا چند روز است؟', 1],
    ['c3', 1, 'pain', 'نظرات خریداران قبلی کم است', 0],
    ['d1', 2, 'pain', 'درگاه پرداخت دو بار خطا داد', 0],
    ['d2', 2, 'pain', 'کد تخفیف در سبد خرید اعمال نشد', 1],
    ['u1', 3, 'feeling', 'از کیفیت بسته‌بندی راضی بود', 0],
    ['l1', 4, 'idea', 'باشگاه مشتریان با امتیاز خرید', 1],
  ],
  clusters: [
    ['k-pay', ['d1', 'd2'], 'مشکلات پرداخت'],
    ['k-trust', ['c1', 'c2'], 'شفافیت ارسال و بازگشت'],
  ],
  votes: [
    [0, 'k-pay'], [0, 'k-pay'], [0, 'k-trust'], [0, 'a1'],
    [1, 'k-pay'], [1, 'k-trust'], [1, 'k-trust'], [1, 'c3'], [1, 'l1'],
  ],
}

// An Arabic internet provider's service (seed 002: live chat, FAQ, e-mail, confusing payment, abandoned carts).
const ARABIC_SERVICE: WorkshopScript = {
  title: 'رحلة مشترك الإنترنت المنزلي',
  stages: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'],
  people: ['سلمى', 'خالد'],
  notes: [
    ['a1', 0, 'touchpoint', 'شاهد إعلانًا على التلفزيون', 0],
    ['c1', 1, 'question', 'هل توجد رسوم خفية على الباقة؟', 0],
    ['c2', 1, 'question', 'كم تستغرق مدة التركيب؟', 1],
    ['d1', 2, 'pain', 'طرق الدفع المتاحة قليلة', 0],
    ['d2', 2, 'pain', 'عملية الدفع مربكة للغاية', 1],
    ['e1', 3, 'pain', 'لم يرد أحد في الدردشة المباشرة', 0],
    ['e2', 3, 'feeling', 'شعر بالإحباط من طول الانتظار', 1],
    ['l1', 4, 'idea', 'رسالة شكر عبر البريد الإلكتروني', 1],
  ],
  clusters: [
    ['k-price', ['c1', 'c2'], 'أسئلة الأسعار والتركيب'],
    ['k-pay', ['d1', 'd2'], 'صعوبات الدفع'],
    ['k-support', ['e1', 'e2'], 'بطء الدعم'],
  ],
  votes: [
    [0, 'k-pay'], [0, 'k-pay'], [0, 'k-support'], [0, 'k-price'],
    [1, 'k-support'], [1, 'k-support'], [1, 'k-pay'], [1, 'l1'],
  ],
}

/** Opens a board in the map phase: the map view shows by itself, and the socket is up. */
async function openMap(p: Participant, url: string) {
  await p.page.goto(url)
  await p.page.locator('.map-view').waitFor()
  await p.page.locator('[data-status="connected"]').waitFor()
}

const DOWNLOADS = join(SCREENSHOTS, 'downloads')

/** Exports through the menu and waits for the browser's download. */
async function exportAs(page: Page, format: string): Promise<{ file: string; download: Download }> {
  await page.locator('.export-menu > summary').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`.menu-item[data-format="${format}"]`).click()])
  mkdirSync(DOWNLOADS, { recursive: true })
  const file = join(DOWNLOADS, download.suggestedFilename())
  await download.saveAs(file)
  return { file, download }
}

const item = (page: Page, id: string) => page.locator(`.map-item[data-item-id="${id}"]`)
const cell = (page: Page, stageId: string, laneId: string) => page.locator(`td.map-cell[data-stage="${stageId}"][data-lane="${laneId}"]`)

/** CSV rows as arrays (no quoted commas in these fixtures), without the byte-order mark. */
const csvRows = (text: string) => text.replace(/^\uFEFF/, '').trim().split('\r\n').map((r) => r.split(','))

describe('the draft journey map', () => {
  it('a Persian workshop: framed, promoted, scored, measured and exported through the interface; participants rate', { timeout: 180_000 }, async () => {
    const w = await votedWorkshop(server, PERSIAN_SHOP)
    open.push(w)
    const [aware, consider, decide] = w.stageIds as [string, string, string]
    const fac = await newParticipant(browser, { name: 'مهسا', lang: 'fa', viewport: { width: 1440, height: 1000 } })
    await openMap(fac, w.board.facilitatorUrl)
    const page = fac.page
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    // The map phase opens the map; the switch says so.
    expect(await page.getByRole('button', { name: 'نقشه', exact: true }).getAttribute('aria-pressed')).toBe('true')

    // Frame the map.
    await page.getByLabel('عنوان نقشه', { exact: true }).fill('سفر خرید اول ظروف چدنی')
    await page.getByLabel('پرسونا', { exact: true }).fill('مریم، خریدار ظروف آشپزخانه')
    await page.getByLabel('دربارهٔ پرسونا', { exact: true }).fill('سی‌وپنج‌ساله، از موبایل خرید می‌کند')
    await page.getByLabel('هدف نقشه', { exact: true }).fill('کاهش رها کردن سبد خرید')
    await page.getByLabel('محدوده', { exact: true }).fill('خرید اول از وب‌سایت')

    // Promote the top three by votes: the two clusters (3 votes each) and the most voted lone note.
    await page.getByLabel('تعداد', { exact: true }).fill('3')
    await page.getByRole('button', { name: 'آوردن ۳ مورد پررأی به نقشه' }).click()
    await expect.poll(() => page.locator('.map-item').count()).toBe(3)
    await expect.poll(() => cell(page, decide, 'pain').locator('.item-title-input').inputValue()).toBe('مشکلات پرداخت')
    expect(await cell(page, consider, 'question').locator('.item-title-input').inputValue()).toBe('شفافیت ارسال و بازگشت')
    expect(await item(page, 'cluster:k-pay').locator('.item-votes').textContent()).toBe('۳ رأی')
    expect(await item(page, 'cluster:k-pay').locator('.item-notes li').allTextContents())
      .toEqual(['درگاه پرداخت دو بار خطا داد', 'کد تخفیف در سبد خرید اعمال نشد'])

    // Emotion scores: a good start, a bad decision.
    await page.getByLabel('امتیاز احساس در آگاهی', { exact: true }).selectOption('1')
    await page.getByLabel('امتیاز احساس در تصمیم‌گیری', { exact: true }).selectOption('-2')
    expect(await page.locator(`.score-cell[data-stage="${decide}"] .score-value`).getAttribute('data-score')).toBe('-2')
    expect(await page.locator('.curve svg circle').count()).toBe(2)

    // Measure the payment touchpoint with CES, through the item's tools.
    const pay = item(page, 'cluster:k-pay')
    await pay.locator('.item-tools > summary').click()
    await pay.getByLabel('سنجه', { exact: true }).selectOption('CES')
    await pay.getByLabel('مقدار هدف', { exact: true }).fill('2')
    await pay.getByLabel('مقدار فعلی', { exact: true }).fill('4')
    await expect.poll(() => pay.locator('.item-metric').textContent()).toContain('CES')

    // Everything reached the server before exporting.
    const doc = w.facilitator.doc
    await until(() => readMapItems(doc).find((i) => i.id === 'cluster:k-pay')?.metric?.current === 4 && readEmotions(doc)[decide] === -2 &&
      readFrame(doc).scope === 'خرید اول از وب‌سایت', 'the map on the server')
    await page.evaluate(() => scrollTo(0, 0)) // the sticky bar would otherwise show mid-page
    await page.screenshot({ path: screenshotPath('map-persian-rtl'), fullPage: true })

    // Markdown: each promoted cluster in its stage's section, with its notes.
    const md = readFileSync((await exportAs(page, 'md')).file, 'utf8')
    expect(md).toContain('مریم، خریدار ظروف آشپزخانه')
    expect(md).toContain('کاهش رها کردن سبد خرید')
    const section = (from: string, to: string) => md.slice(md.indexOf(`## ${from}`), md.indexOf(`## ${to}`))
    expect(section('تصمیم‌گیری', 'تجربه')).toContain('مشکلات پرداخت')
    expect(section('تصمیم‌گیری', 'تجربه')).toContain('درگاه پرداخت دو بار خطا داد')
    expect(section('بررسی و مقایسه', 'تصمیم‌گیری')).toContain('شفافیت ارسال و بازگشت')
    expect(section('آگاهی', 'بررسی و مقایسه')).toContain('تبلیغ اینستاگرام درباره ظروف چدنی را دید')

    // CSV: stage, lane (in Persian, the interface language), title, votes.
    const csvExport = await exportAs(page, 'csv')
    expect(csvExport.download.suggestedFilename()).toBe('سفر خرید اول ظروف چدنی.csv')
    const rows = csvRows(readFileSync(csvExport.file, 'utf8'))
    expect(rows[0]!.slice(0, 4)).toEqual(['stage', 'lane', 'title', 'votes'])
    const byTitle = new Map(rows.slice(1).map((r) => [r[2], r]))
    expect(byTitle.get('مشکلات پرداخت')!.slice(0, 4)).toEqual(['تصمیم‌گیری', 'نقاط درد', 'مشکلات پرداخت', '3'])
    expect(byTitle.get('مشکلات پرداخت')!.slice(5)).toEqual(['CES', '2', '4'])
    expect(byTitle.get('شفافیت ارسال و بازگشت')!.slice(0, 4)).toEqual(['بررسی و مقایسه', 'پرسش‌ها', 'شفافیت ارسال و بازگشت', '3'])
    expect(byTitle.get('تبلیغ اینستاگرام درباره ظروف چدنی را دید')!.slice(0, 4))
      .toEqual(['آگاهی', 'نقاط تماس', 'تبلیغ اینستاگرام درباره ظروف چدنی را دید', '1'])
    expect(rows).toHaveLength(4)

    // PDF: pdftotext gives right-to-left words in visual order, so compare single distinctive words.
    const pdf = await exportAs(page, 'pdf')
    expect(readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-')
    const text = spawnSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' })
    expect(text.error, 'pdftotext (poppler-utils) must be installed').toBeUndefined()
    const words = new Set(text.stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').split(/\s+/))
    for (const word of ['پرداخت', 'شفافیت', 'درگاه', 'آشپزخانه', 'اینستاگرام', 'CES']) expect(words.has(word), word).toBe(true)
    spawnSync('pdftoppm', ['-png', '-r', '70', '-singlefile', pdf.file, join(SCREENSHOTS, 'map-exported-pdf')])

    // A participant sees the map read-only, and rates the stages in the map phase.
    const narges = await newParticipant(browser, { name: 'نرگس', lang: 'fa', viewport: { width: 1280, height: 900 } })
    await openMap(narges, w.board.participantUrl)
    const np = narges.page
    await np.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
    await expect.poll(() => np.locator('.map-item').count()).toBe(3)
    expect(await np.locator('.frame-read').textContent()).toContain('مریم، خریدار ظروف آشپزخانه')
    expect(await np.locator('.map-view input, .map-view textarea, .item-tools, #top-n').count()).toBe(0)
    expect(await np.getByLabel('امتیاز احساس در آگاهی', { exact: true }).count()).toBe(0)
    expect(await np.locator('.item-title', { hasText: 'مشکلات پرداخت' }).count()).toBe(1)
    await np.getByTestId('rate-hint').waitFor()
    await np.getByLabel('امتیاز شما به بررسی و مقایسه', { exact: true }).selectOption('-1')
    // Where the facilitator set no score, the curve shows the participants' average; the facilitator's wins elsewhere.
    await np.getByLabel('امتیاز شما به آگاهی', { exact: true }).selectOption('-2')
    await expect.poll(() => page.locator(`.score-cell[data-stage="${consider}"] .score-value`).getAttribute('data-score')).toBe('-1')
    expect(await page.locator(`.score-cell[data-stage="${consider}"] .score-source`).textContent()).toBe('میانگین ۱ امتیاز')
    expect(await page.locator(`.score-cell[data-stage="${aware}"] .score-value`).getAttribute('data-score')).toBe('1')
    await until(() => Object.keys(readRatings(doc)).length === 2, 'both ratings on the server')
    const ratings = Object.entries(readRatings(doc)).map(([key, score]) => [...key.split(':'), score] as const)
    expect(new Set(ratings.map(([person]) => person)).size).toBe(1)
    expect(Object.fromEntries(ratings.map(([, stageId, score]) => [stageId, score]))).toEqual({ [aware]: -2, [consider]: -1 })
    // The participant was never cut off for a write it may not make (a 4403 reloads the page and clears this).
    expect(await np.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
    expect(await np.locator('[data-status="connected"]').count()).toBe(1)
    await narges.context.close()

    // Import: the JSON export, imported from the start page, is a new board with the same map.
    const json = await exportAs(page, 'json')
    await page.goto(`${server.url}/`)
    // A file that is not a board export is refused with the reason, and nothing is created.
    const bad = join(DOWNLOADS, 'not-a-board.json')
    writeFileSync(bad, '{"format":"touchpoint-board","version":1}')
    await page.getByLabel('وارد کردن تخته (JSON)', { exact: true }).setInputFiles(bad)
    await expect.poll(() => page.locator('.import-board [role="alert"]').textContent()).toMatch(/^تخته وارد نشد: این فایل تخته نیست/)
    await page.getByLabel('وارد کردن تخته (JSON)', { exact: true }).setInputFiles(json.file)
    await page.locator('#created-heading').waitFor()
    const link = await page.locator('#participant-link').inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/b/`))
    expect(link).not.toContain(w.board.id)
    await page.locator('.created a.button.primary').click()
    await page.locator('.map-view').waitFor()
    await expect.poll(() => page.locator('.map-item').count()).toBe(3)
    expect(await page.locator('.item-title-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort()))
      .toEqual(['تبلیغ اینستاگرام درباره ظروف چدنی را دید', 'شفافیت ارسال و بازگشت', 'مشکلات پرداخت'].sort())
    expect(await page.getByLabel('پرسونا', { exact: true }).inputValue()).toBe('مریم، خریدار ظروف آشپزخانه')
    await fac.context.close()
  })

  it('an Arabic service map in English and Arabic: mirrored columns, keyboard moves, and a phone screen', { timeout: 120_000 }, async () => {
    const w = await votedWorkshop(server, ARABIC_SERVICE)
    open.push(w)
    const [aware, consider, decide, use] = w.stageIds as [string, string, string, string]
    const fac = await newParticipant(browser, { name: 'Facilitator', lang: 'en', viewport: { width: 1440, height: 1000 } })
    await openMap(fac, w.board.facilitatorUrl)
    const page = fac.page
    await page.getByLabel('Persona', { exact: true }).fill('سلمى، موظفة تعمل من المنزل')
    await page.getByLabel('Goal of the map', { exact: true }).fill('معرفة أين يتوقف المشتركون الجدد')
    await page.getByLabel('How many', { exact: true }).fill('4')
    await page.getByRole('button', { name: 'Promote the top 4 by votes' }).click()
    await expect.poll(() => page.locator('.map-item').count()).toBe(4)
    expect(await page.locator('tbody th[scope="row"]').first().textContent()).toBe('Actions')
    await page.getByLabel('Emotion score for التجربة', { exact: true }).selectOption('-2')
    await page.getByLabel('Emotion score for الوعي', { exact: true }).selectOption('1')
    await page.getByLabel('Emotion score for القرار', { exact: true }).selectOption('-1')

    // Stages run left to right in English.
    const x = (stageId: string) => page.locator(`thead th[data-stage="${stageId}"]`).evaluate((el) => el.getBoundingClientRect().x)
    expect(await x(aware)).toBeLessThan(await x(consider))

    // Keyboard: the support cluster moves to the previous stage, then into the touchpoint lane, focus kept.
    const support = item(page, 'cluster:k-support')
    await support.locator('.item-tools > summary').focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Move “بطء الدعم” to the previous stage' }).focus()
    await page.keyboard.press('Enter')
    // Its notes (a pain and a feeling) put it in the earlier of their lanes: emotions.
    await expect.poll(() => cell(page, decide, 'emotion').locator('.map-item').count()).toBe(1)
    // Focus returns to the moved item's button once it has been drawn in its new cell: wait for it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move “بطء الدعم” to the previous stage')
    await page.getByRole('button', { name: 'Move “بطء الدعم” to the next stage' }).click()
    await item(page, 'cluster:k-support').getByLabel('Lane', { exact: true }).selectOption('touchpoint')
    await expect.poll(() => cell(page, use, 'touchpoint').locator('.map-item').count()).toBe(1)

    // A lane renamed by the team keeps its name in every language; the others follow the language.
    await page.locator('.map-tool > summary', { hasText: 'Lanes' }).click()
    await page.getByLabel('Name of lane 4', { exact: true }).fill('Channels')
    await page.getByLabel('Name of lane 4', { exact: true }).press('Tab')
    await expect.poll(() => page.locator('tr[data-lane="touchpoint"] th').textContent()).toBe('Channels')
    await page.locator('.map-tool > summary', { hasText: 'Lanes' }).click()
    await page.evaluate(() => scrollTo(0, 0)) // the sticky bar would otherwise show mid-page
    await page.screenshot({ path: screenshotPath('map-english'), fullPage: true })

    // Dragging an item by its grip drops it in another cell.
    await item(page, 'cluster:k-price').locator('.item-grip').dragTo(cell(page, aware, 'question'))
    await expect.poll(() => cell(page, aware, 'question').locator('.map-item').count()).toBe(1)

    // The print page opens in a tab of its own (and asks to print).
    await page.locator('.export-menu > summary').click()
    const [tab] = await Promise.all([fac.context.waitForEvent('page'), page.locator('.menu-item[data-format="html"]').click()])
    await expect.poll(() => tab.url()).toMatch(/^blob:/)
    await expect.poll(() => tab.locator('body').textContent()).toContain('صعوبات الدفع')
    await tab.close()

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar')
    await expect.poll(() => page.locator('tr[data-lane="pain"] th').textContent()).toBe('نقاط الألم')
    expect(await page.locator('tr[data-lane="touchpoint"] th').textContent()).toBe('Channels')
    // Mirrored: the first stage is now on the right, and so is the curve's first point.
    expect(await x(aware)).toBeGreaterThan(await x(consider))
    const points = await page.locator('.curve svg circle').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x))
    expect(points[0]!).toBeGreaterThan(points[1]!)

    await until(() => readMapItems(w.facilitator.doc).find((i) => i.id === 'cluster:k-support')?.laneId === 'touchpoint' &&
      readMapItems(w.facilitator.doc).find((i) => i.id === 'cluster:k-price')?.stageId === aware, 'the moves on the server')
    const rows = csvRows(readFileSync((await exportAs(page, 'csv')).file, 'utf8'))
    const byTitle = new Map(rows.slice(1).map((r) => [r[2], r]))
    expect(byTitle.get('صعوبات الدفع')!.slice(0, 4)).toEqual(['القرار', 'نقاط الألم', 'صعوبات الدفع', '3'])
    expect(byTitle.get('بطء الدعم')!.slice(0, 4)).toEqual(['التجربة', 'Channels', 'بطء الدعم', '3'])
    expect(byTitle.get('أسئلة الأسعار والتركيب')!.slice(0, 4)).toEqual(['الوعي', 'الأسئلة', 'أسئلة الأسعار والتركيب', '1'])
    await fac.context.close()

    // On a 375 px phone the page stays within the screen; the grid scrolls inside its own region.
    const phone = await newParticipant(browser, { name: 'خالد', lang: 'ar', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
    await openMap(phone, w.board.participantUrl)
    await expect.poll(() => phone.page.locator('.map-item').count()).toBe(4)
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    const scroll = await phone.page.locator('.map-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(scroll[0]!).toBeGreaterThan(scroll[1]!)
    await phone.page.getByLabel('تقييمك لمرحلة الولاء', { exact: true }).selectOption('2')
    await phone.page.evaluate(() => scrollTo(0, 0)) // the sticky bar would otherwise show mid-page
    await phone.page.screenshot({ path: screenshotPath('map-phone'), fullPage: true })
    await phone.context.close()
  })
})
