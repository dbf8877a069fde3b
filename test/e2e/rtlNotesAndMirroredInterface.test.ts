// Arabic and Persian are the normal case: their notes read right to left beside English ones, long
// words wrap inside the column, and the Arabic or Persian interface mirrors the whole board.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, newParticipant, note, openBoard, screenshotPath, stage } from '../helpers/browser.js'
import type { TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const ARABIC = 'العميل يقارن بين المنصات ويقرأ تقييمات المستقلين قبل أن يقرر'
const PERSIAN = 'مشتری پیش از خرید نظرات دیگران را در شبکه‌های اجتماعی می‌خواند'
const ENGLISH = 'Reads reviews of freelancers before deciding'
const LONG = 'https://example.org/' + 'بدون-مسافة'.repeat(12)

describe('right-to-left', () => {
  it('renders Arabic and Persian notes RTL beside an English one, wrapping long words', async () => {
    const board = await createOpenBoard(server.url, { stages: ['Awareness', 'Consideration', 'Decision'] })
    const p = await newParticipant(browser, { name: 'Lina' })
    await openBoard(p, board.participantUrl)
    await addNote(p.page, 'Consideration', ARABIC, 'action')
    await addNote(p.page, 'Consideration', PERSIAN, 'feeling')
    await addNote(p.page, 'Consideration', ENGLISH, 'question')
    await addNote(p.page, 'Consideration', LONG, 'pain')

    const direction = (text: string) => note(p.page, text).locator('.note-text').evaluate((el) => getComputedStyle(el).direction)
    expect(await direction(ARABIC)).toBe('rtl')
    expect(await direction(PERSIAN)).toBe('rtl')
    expect(await direction(ENGLISH)).toBe('ltr')
    // Arabic text starts at the right edge of its note.
    const box = (await note(p.page, ARABIC).locator('.note-text').boundingBox())!
    const range = await note(p.page, ARABIC).locator('.note-text').evaluate((el) => {
      const r = document.createRange()
      r.selectNodeContents(el)
      const rects = [...r.getClientRects()]
      return { right: Math.max(...rects.map((x) => x.right)) }
    })
    expect(Math.abs(range.right - (box.x + box.width))).toBeLessThan(2)

    // The long unbroken word wraps: the note is no wider than its column.
    const col = (await stage(p.page, 'Consideration').boundingBox())!
    const long = (await note(p.page, 'example.org').boundingBox())!
    expect(long.width).toBeLessThanOrEqual(col.width)
    await stage(p.page, 'Consideration').screenshot({ path: screenshotPath('rtl-notes') })
    await p.context.close()
  })

  it('mirrors the Arabic interface, and the language choice is remembered', async () => {
    const board = await createOpenBoard(server.url, { stages: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'] })
    const p = await newParticipant(browser, { name: 'سلمى', viewport: { width: 1280, height: 800 } })
    await openBoard(p, board.facilitatorUrl)
    await addNote(p.page, 'الوعي', 'تشعر بالحاجة إلى مساعدة في إنجاز مهامها', 'feeling')
    await addNote(p.page, 'البحث والمقارنة', 'Compares three platforms', 'action')

    await p.page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar')
    expect(await p.page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar'])
    await expect.poll(() => p.page.getByRole('button', { name: 'دعوة' }).isVisible()).toBe(true)
    const [first, second] = await p.page.locator('.stage').evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().x))
    expect(first!).toBeGreaterThan(second!)
    // The board's strip starts at the right edge of the window.
    const right = await p.page.locator('.stage').first().evaluate((el) => el.getBoundingClientRect().right)
    expect(right).toBeGreaterThan(1280 - 40)
    await p.page.screenshot({ path: screenshotPath('arabic-ui') })

    await p.page.reload()
    await p.page.locator('.stage').first().waitFor()
    expect(await p.page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    expect(await p.page.locator('.connection').textContent()).toMatch(/متصل|جارٍ/)

    await p.page.getByLabel('اللغة').selectOption('fa')
    expect(await p.page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'fa'])
    await p.page.getByLabel('زبان').selectOption('en')
    expect(await p.page.evaluate(() => document.documentElement.dir)).toBe('ltr')
    await p.context.close()
  })

  it('chooses the interface language from the browser the first time', async () => {
    const p = await newParticipant(browser, { name: 'Ava', locale: 'fa-IR', lang: '' })
    await p.context.addInitScript(() => localStorage.removeItem('touchpoint:lang'))
    await p.page.goto(server.url)
    expect(await p.page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'fa'])
    // The default stages are offered in Persian.
    expect(await p.page.locator('.stage-inputs input').first().inputValue()).toBe('آگاهی')
    await p.context.close()
  })
})
