// After the vote, the discuss phase in Chromium: the facilitator walks the ranked items one at a time (each in
// the spotlight on every screen, with its own time on the timer), forward and back; a participant on a phone,
// in Arabic, records a decision with an owner chosen among the board's people and a due date; drafting the map
// brings it into the opportunity lane and its owner into the owner lane, and the Markdown export says who owns it.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readOutcomes } from '../../shared/outcomes.js'
import { until } from '../helpers/clients.js'
import { SCREENSHOTS, newParticipant, screenshotPath, type Participant } from '../helpers/browser.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { act, type TestServer } from '../helpers/server.js'
import { votedWorkshop, type WorkshopScript } from '../helpers/votedWorkshop.js'
import { timerSeconds } from '../helpers/workshopUi.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

// An Arabic internet provider's service (seed 002): payment and support hurt most.
const SCRIPT: WorkshopScript = {
  title: 'رحلة مشترك الإنترنت المنزلي',
  stages: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'],
  people: ['سلمى', 'خالد'],
  notes: [
    ['a1', 0, 'touchpoint', 'شاهد إعلانًا على التلفزيون', 0],
    ['d1', 2, 'pain', 'طرق الدفع المتاحة قليلة', 0],
    ['d2', 2, 'pain', 'عملية الدفع مربكة للغاية', 1],
    ['e1', 3, 'pain', 'لم يرد أحد في الدردشة المباشرة', 0],
    ['e2', 3, 'feeling', 'شعر بالإحباط من طول الانتظار', 1],
  ],
  clusters: [
    ['k-pay', ['d1', 'd2'], 'صعوبات الدفع'],
    ['k-support', ['e1', 'e2'], 'بطء الدعم'],
  ],
  votes: [[0, 'k-pay'], [0, 'k-pay'], [1, 'k-pay'], [0, 'k-support'], [1, 'k-support'], [1, 'a1']],
}

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

async function wholly(l: Locator): Promise<boolean> {
  const b = await l.boundingBox()
  const v = l.page().viewportSize()!
  return !!b && b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= v.width + 0.5 && b.y + b.height <= v.height + 0.5
}

async function open(p: Participant, url: string) {
  await p.page.goto(url)
  await p.page.getByTestId('discuss').waitFor()
  await p.page.locator('[data-status="connected"]').waitFor()
}

describe('the discuss phase', () => {
  it('walks the ranking, records a decision with its owner, and the Markdown export says who owns it', { timeout: 150_000 }, async () => {
    const w = await votedWorkshop(server, SCRIPT)
    try {
      expect((await act(server.url, w.board.id, w.facilitator.token, { type: 'setPhase', phase: 'discuss' })).status).toBe(200)
      const fac = await newParticipant(browser, { name: 'Rana', viewport: { width: 1366, height: 768 } })
      const salma = await newParticipant(browser, { name: 'Salma', lang: 'ar', ...PHONE })
      await open(fac, w.board.facilitatorUrl)
      await open(salma, w.board.participantUrl)
      const item = (p: Participant) => p.page.getByTestId('discuss-item').locator('.discuss-title')

      // The discussion opens on the first ranked item, in the spotlight on every screen.
      await expect.poll(() => item(fac).textContent()).toBe('صعوبات الدفع')
      expect(await fac.page.locator('#discuss-heading').textContent()).toBe('Item 1 of 3')
      await expect.poll(() => item(salma).textContent()).toBe('صعوبات الدفع')
      expect(await salma.page.locator('#discuss-heading').textContent()).toBe('العنصر 1 من 3')
      const cluster = (p: Participant, id: string) => p.page.locator(`.cluster[data-cluster-id="${id}"]`)
      await expect.poll(() => cluster(salma, 'k-pay').getAttribute('class')).toContain('spotlit')

      // Next: the second item, spotlighted and brought into view on the phone, with its own time.
      await fac.page.getByLabel('Minutes per item').fill('4')
      await fac.page.getByRole('button', { name: 'Next item' }).click()
      await expect.poll(() => item(salma).textContent()).toBe('بطء الدعم')
      expect(await fac.page.locator('#discuss-heading').textContent()).toBe('Item 2 of 3')
      await expect.poll(() => cluster(salma, 'k-support').getAttribute('class')).toContain('spotlit')
      expect(await cluster(salma, 'k-pay').getAttribute('class')).not.toContain('spotlit')
      await expect.poll(async () => (await cluster(salma, 'k-support').locator('.cluster-head').boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0)
      await expect.poll(() => wholly(cluster(salma, 'k-support').locator('.cluster-head'))).toBe(true)
      await expect.poll(() => timerSeconds(salma.page)).toBeGreaterThan(200)
      expect(await timerSeconds(salma.page)).toBeLessThanOrEqual(240)
      await expect.poll(() => salma.page.getByTestId('announcer').textContent()).toContain('بطء الدعم')

      // Back to the first.
      await fac.page.getByRole('button', { name: 'Previous item' }).click()
      await expect.poll(() => item(salma).textContent()).toBe('صعوبات الدفع')
      expect(await fac.page.getByRole('button', { name: 'Previous item' }).isDisabled()).toBe(true)

      // Salma records a decision: its owner offered among the board's people, a due date.
      const form = salma.page.locator('.outcome-form')
      expect(await form.locator('datalist option[value="خالد"]').count()).toBe(1)
      await form.getByLabel('ما تقرَّر، أو ما يأتي بعد ذلك').fill('إضافة الدفع عند الاستلام')
      await form.getByLabel('المسؤول: فريق أو شخص').fill('خالد')
      await form.getByLabel('الموعد النهائي (اختياري)').fill('2025-06-30')
      await form.getByRole('button', { name: 'إضافة', exact: true }).click()
      await expect.poll(() => fac.page.getByTestId('outcomes').locator('.outcome-text').allTextContents()).toEqual(['إضافة الدفع عند الاستلام'])
      expect(await fac.page.getByTestId('outcomes').locator('.outcome-owner').textContent()).toBe('خالد')
      expect(await fac.page.getByTestId('outcomes').locator('.outcome-kind').textContent()).toBe('Decision')
      await until(() => readOutcomes(w.facilitator.doc).length === 1, 'the decision on the server')
      await salma.page.screenshot({ path: screenshotPath('discuss-phone-ar') })
      await fac.page.evaluate(() => scrollTo(0, 0))
      await fac.page.screenshot({ path: screenshotPath('discuss-1366-facilitator') })

      // Drafting the map brings the decision beside its item and its owner into the owner lane.
      await fac.page.getByRole('button', { name: 'Next: Map' }).click()
      await fac.page.getByTestId('promote-top').click()
      const decideStage = w.stageIds[2]!
      const cell = (lane: string) => fac.page.locator(`td.map-cell[data-stage="${decideStage}"][data-lane="${lane}"]`)
      await expect.poll(() => cell('opportunity').locator('.item-title-input').inputValue()).toBe('إضافة الدفع عند الاستلام')
      expect(await cell('opportunity').getByTestId('item-outcome').textContent()).toContain('Owner: خالد')
      expect(await cell('owner').locator('.item-title-input').inputValue()).toBe('خالد')
      await expect.poll(() => salma.page.locator(`td.map-cell[data-stage="${decideStage}"][data-lane="opportunity"] .item-title`).textContent())
        .toBe('إضافة الدفع عند الاستلام')

      // The Markdown export names the decision, its owner and due date.
      await fac.page.locator('.export-menu > summary').click()
      const [download] = await Promise.all([fac.page.waitForEvent('download'), fac.page.locator('.menu-item[data-format="md"]').click()])
      const dir = join(SCREENSHOTS, 'downloads')
      mkdirSync(dir, { recursive: true })
      const file = join(dir, `discuss-${download.suggestedFilename()}`)
      await download.saveAs(file)
      const md = readFileSync(file, 'utf8')
      expect(md).toMatch(/- [^\n]+: \*\*إضافة الدفع عند الاستلام\*\*\n {2}- [^\n:]+: خالد · [^\n:]+: 2025-06-30\n/)
      expect(md).toMatch(/- \*\*خالد\*\*\n {2}- إضافة الدفع عند الاستلام\n/)
      await fac.context.close()
      await salma.context.close()
    } finally {
      w.destroy()
    }
  })
})
