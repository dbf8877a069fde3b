// The screens people see, compared pixel by pixel with baselines a person looked at and approved
// (test/e2e/baselines/): the board at 1366×768 in English and in Arabic, a phone at 390×844 in Persian, and
// the map. Each is also checked with axe-core: no serious or critical accessibility violation.
// After an intended change of the layout: UPDATE_BASELINES=1 npx vitest run <this file>, then look at every
// image it wrote before committing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import pixelmatch from 'pixelmatch'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '../../shared/api.js'
import { readMapItems } from '../../shared/journeyMap.js'
import { promoteTopN } from '../../shared/mapItems.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, synced, until } from '../helpers/clients.js'
import { createOpenBoard } from '../helpers/boards.js'
import { launchBrowser, newParticipant, screenshotPath } from '../helpers/browser.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import { votedWorkshop } from '../helpers/votedWorkshop.js'

const BASELINES = join(import.meta.dirname, 'baselines')
const UPDATE = process.env.UPDATE_BASELINES === '1'
/** Anti-aliasing differs a little between runs; a moved column or a missing label differs by far more. */
const MAX_DIFF_RATIO = 0.005
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Notes as a workshop writes them, the same on every run. */
const NOTES: Record<'en' | 'ar' | 'fa', [number, 'action' | 'touchpoint' | 'question' | 'feeling' | 'pain' | 'idea', string][]> = {
  en: [
    [0, 'touchpoint', 'Saw an ad for the platform on Instagram'],
    [0, 'question', 'Is there a free trial for small teams?'],
    [1, 'pain', 'The pricing page does not say what happens after the trial ends, so they leave to compare elsewhere'],
    [2, 'action', 'Signs up with a work e-mail'],
    [3, 'feeling', 'Relieved when the first invoice was paid on time'],
    [4, 'idea', 'A referral reward for inviting another team'],
  ],
  ar: [
    [0, 'touchpoint', 'رأى إعلانًا للمنصة على إنستغرام'],
    [0, 'question', 'هل توجد تجربة مجانية للفرق الصغيرة؟'],
    [1, 'pain', 'صفحة الأسعار لا توضح ما يحدث بعد انتهاء التجربة، فيغادر للمقارنة في مكان آخر'],
    [2, 'action', 'يسجل ببريد العمل'],
    [3, 'feeling', 'ارتياح عند دفع أول فاتورة في موعدها'],
    [4, 'idea', 'مكافأة لمن يدعو فريقًا آخر'],
  ],
  fa: [
    [0, 'touchpoint', 'تبلیغ پلتفرم را در اینستاگرام دید'],
    [0, 'question', 'آیا برای تیم‌های کوچک دورهٔ آزمایشی رایگان هست؟'],
    [1, 'pain', 'صفحهٔ قیمت‌ها نمی‌گوید پس از پایان دورهٔ آزمایشی چه می‌شود'],
    [2, 'action', 'با ایمیل کاری ثبت‌نام می‌کند'],
    [3, 'feeling', 'از پرداخت به‌موقع اولین صورتحساب خیالش راحت شد'],
    [4, 'idea', 'پاداش معرفی برای دعوت یک تیم دیگر'],
  ],
}
const STAGES = {
  en: ['Awareness', 'Consideration', 'Decision', 'Experience', 'Loyalty'],
  ar: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'],
  fa: ['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری', 'تجربه', 'وفاداری'],
}
const TITLES = { en: 'Freelance marketplace', ar: 'منصة العمل الحر', fa: 'بازار کار آزاد' }

async function boardWithNotes(lang: 'en' | 'ar' | 'fa'): Promise<CreateBoardResponse> {
  const board = await createOpenBoard(server.url, { title: TITLES[lang], stages: STAGES[lang] })
  const writer = await member(server.url, board.id, { name: 'Writer' })
  await synced(writer)
  const stageIds = readBoard(writer.doc).stages.map((s) => s.id)
  NOTES[lang].forEach(([stage, kind, text], i) =>
    addNote(writer.doc, { id: `n${i}`, stageId: stageIds[stage]!, kind, text, authorId: writer.me }, 1_700_000_000_000 + i))
  // Kept by the server once another client receives them.
  const reader = await member(server.url, board.id, { name: 'Reader' })
  await until(() => readBoard(reader.doc).notes.length === NOTES[lang].length, 'the notes on the server')
  reader.destroy()
  writer.destroy()
  return board
}

async function settle(page: Page) {
  // Still frames: no caret blink, no transitions, fonts loaded.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }' })
  await page.evaluate(() => document.fonts.ready)
  await page.mouse.move(0, 0)
  await new Promise((r) => setTimeout(r, 300))
}

function compare(name: string, shot: Buffer) {
  const file = join(BASELINES, `${name}.png`)
  writeFileSync(screenshotPath(`baseline-actual-${name}`), shot)
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE && process.env.CI) throw new Error(`no baseline for ${name}: run with UPDATE_BASELINES=1 and review it`)
    mkdirSync(BASELINES, { recursive: true })
    writeFileSync(file, shot)
    return
  }
  const want = PNG.sync.read(readFileSync(file))
  const got = PNG.sync.read(shot)
  expect({ width: got.width, height: got.height }, `${name}: size`).toEqual({ width: want.width, height: want.height })
  const diff = new PNG({ width: want.width, height: want.height })
  const differing = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: 0.1 })
  const ratio = differing / (want.width * want.height)
  if (ratio > MAX_DIFF_RATIO) writeFileSync(screenshotPath(`baseline-diff-${name}`), PNG.sync.write(diff))
  expect(ratio, `${name}: share of differing pixels (diff in test-results/screenshots)`).toBeLessThanOrEqual(MAX_DIFF_RATIO)
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: AXE })
  const found = await page.evaluate(async () => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] }
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Result[]; passes: Result[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return {
      passed: r.passes.length,
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    }
  })
  // A check that ran no rules would find nothing wrong with anything.
  expect(found.passed).toBeGreaterThan(10)
  return found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

async function look(url: string, lang: 'en' | 'ar' | 'fa', viewport: { width: number; height: number }, ready: (p: Page) => Promise<void>, fullPage = false) {
  const p = await newParticipant(browser, { name: 'Mona', lang, viewport, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) })
  try {
    await p.page.goto(url)
    await ready(p.page)
    await p.page.locator('[data-status="connected"]').waitFor()
    await settle(p.page)
    const shot = await p.page.screenshot({ fullPage })
    const violations = await axeViolations(p.page)
    return { shot, violations }
  } finally {
    await p.context.close()
  }
}

const onBoard = async (page: Page) => {
  await page.locator('.note').nth(5).waitFor()
}

describe('screens against their reviewed baselines', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`the board at 1366×768 in ${lang}`, async () => {
      const board = await boardWithNotes(lang)
      const { shot, violations } = await look(board.participantUrl, lang, { width: 1366, height: 768 }, onBoard)
      compare(`board-1366-${lang}`, shot)
      expect(violations).toEqual([])
    })
  }

  it('the board on a 390×844 phone in Persian', async () => {
    const board = await boardWithNotes('fa')
    const { shot, violations } = await look(board.participantUrl, 'fa', { width: 390, height: 844 }, async (page) => {
      await page.locator('.note').first().waitFor()
    })
    compare('board-phone-fa', shot)
    expect(violations).toEqual([])
  })

  it('the map at 1366×768 in Arabic', async () => {
    const w = await votedWorkshop(server, {
      title: 'رحلة مشترك الإنترنت المنزلي',
      stages: ['الوعي', 'الاشتراك', 'التجربة'],
      people: ['سارة', 'خالد'],
      notes: [
        ['a1', 0, 'touchpoint', 'إعلان على فيسبوك عن سرعة 100 ميغابت', 0],
        ['s1', 1, 'pain', 'نموذج الاشتراك طويل ومربك', 1],
        ['s2', 1, 'pain', 'طلب صورة الهوية مرتين', 0],
        ['e1', 2, 'idea', 'محادثة مباشرة بدل البريد الإلكتروني', 1],
      ],
      clusters: [['k1', ['s1', 's2'], 'تعقيد الاشتراك']],
      votes: [[0, 'k1'], [1, 'k1'], [1, 'e1']],
    })
    try {
      promoteTopN(w.facilitator.doc, 2)
      await until(() => readMapItems(w.people[0]!.doc).length === 2, 'the promoted items on the map')
      const { shot, violations } = await look(w.board.participantUrl, 'ar', { width: 1366, height: 768 }, async (page) => {
        await page.locator('.map-item').nth(1).waitFor()
      }, true) // the whole map, down to the lanes the items went to
      compare('map-1366-ar', shot)
      expect(violations).toEqual([])
    } finally {
      w.destroy()
    }
  })
})
