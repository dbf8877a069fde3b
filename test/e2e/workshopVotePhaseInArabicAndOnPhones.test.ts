// The vote phase as most of our users see it: in Arabic (mirrored: the phases run right to left, votes
// counted in Arabic) and on a 375 px phone in Persian, where nothing overflows the screen and voting works
// by touch. Screenshots are saved for a human to look at.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '../../shared/api.js'
import { createCluster, renameCluster } from '../../shared/clusters.js'
import { readBoard } from '../../shared/schema.js'
import { fillBoard } from '../helpers/boards.js'
import { launchBrowser, newParticipant, openBoard, screenshotPath } from '../helpers/browser.js'
import { member, synced, until } from '../helpers/clients.js'
import { act, createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser
let board: CreateBoardResponse
let token: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, {
    title: 'رحلة عميل منصة العمل الحر',
    stages: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'],
  })
  ;({ token } = await joinBoard(server.url, board.id, { name: 'ميسّرة', facilitatorKey: board.facilitatorKey }))
  const run = async (action: Parameters<typeof act>[3]) => expect((await act(server.url, board.id, token, action)).status).toBe(200)
  await run({ type: 'setPhase', phase: 'ideate' })
  await run({ type: 'setPrivateWriting', on: false })
  await fillBoard(server.url, board, 12)
  // Two clusters in the first stage, as the team would have made them.
  const f = await member(server.url, board.id, { name: 'ميسّرة', facilitatorKey: board.facilitatorKey })
  await synced(f)
  createCluster(f.doc, 'c-ads', ['seed-0', 'seed-5'])
  renameCluster(f.doc, 'c-ads', 'البحث والإعلانات')
  createCluster(f.doc, 'c-support', ['seed-10'])
  const check = await member(server.url, board.id, { name: 'check', facilitatorKey: board.facilitatorKey })
  await synced(check)
  await until(() => readBoard(check.doc).clusters.length === 2, 'clusters stored', 10_000)
  f.destroy()
  check.destroy()
  await run({ type: 'setPhase', phase: 'cluster' })
  await run({ type: 'setPhase', phase: 'vote' })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the vote phase in Arabic and on phones', () => {
  it('mirrors the phase bar and counts votes in Arabic', async () => {
    const p = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport: { width: 1400, height: 900 } })
    await openBoard(p, board.participantUrl)
    const page = p.page
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    await expect.poll(() => page.locator('.phase-step[aria-current="step"] .phase-name').textContent()).toBe('التصويت')
    // Phases run right to left: the first one is rightmost.
    const steps = page.locator('.phase-step')
    const [first, second] = [(await steps.nth(0).boundingBox())!, (await steps.nth(1).boundingBox())!]
    expect(first.x).toBeGreaterThan(second.x)

    const more = (name: string) => page.getByRole('button', { name: `إضافة صوت إلى «${name}»` })
    await more('البحث والإعلانات').click()
    await expect.poll(() => page.getByTestId('votes-left').textContent()).toContain('بقي لك 4 أصوات من 5'.replace(/\d/g, (d) => new Intl.NumberFormat('ar').format(Number(d))))
    await more('البحث والإعلانات').click()
    await more('لم يرد الدعم الفني لمدة يومين').click()
    await expect.poll(() => page.locator('.cluster').first().locator('.my-votes .dot').count()).toBe(2)
    await page.screenshot({ path: screenshotPath('workshop-vote-arabic') })

    // Revealed: the ranking reads right to left too.
    expect((await act(server.url, board.id, token, { type: 'revealVotes' })).status).toBe(200)
    await page.getByTestId('results').waitFor()
    expect(await page.locator('.results-list li').first().textContent()).toContain('البحث والإعلانات')
    await page.screenshot({ path: screenshotPath('workshop-results-arabic') })
    await p.context.close()
  })

  it('fits a 375 px phone and votes by touch, in Persian', async () => {
    // The ranking was revealed above, which closes voting: the facilitator opens it again.
    expect((await act(server.url, board.id, token, { type: 'reopenVoting' })).status).toBe(200)
    const p = await newParticipant(browser, {
      name: 'امید',
      lang: 'fa',
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    await openBoard(p, board.participantUrl)
    const page = p.page
    await expect.poll(() => page.locator('.phase-step[aria-current="step"] .phase-name').textContent()).toBe('رأی‌گیری')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    const plus = page.getByRole('button', { name: 'افزودن یک رأی به «البحث والإعلانات»' })
    await plus.tap()
    await expect.poll(() => page.locator('.cluster').first().locator('.my-votes .dot').count()).toBe(1)
    const box = (await plus.boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(32) // a finger-sized target
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.screenshot({ path: screenshotPath('workshop-vote-phone') })
    await p.context.close()
  })
})
