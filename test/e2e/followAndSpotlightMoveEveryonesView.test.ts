// The facilitator leads the room in Chromium, with two participants: one on a 1366 screen that cannot show all
// eight stages, one on a phone. "Bring everyone here" and the spotlight move the others' views (what is in their
// viewport says so), on the board and on the map; "follow me" follows the facilitator's moves until each person
// leaves it, with Stop or by scrolling away themselves.
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard, fillBoard } from '../helpers/boards.js'
import { newParticipant, note, openBoard, screenshotPath, stage, type Participant } from '../helpers/browser.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { act, joinBoard, type TestServer } from '../helpers/server.js'
import { Finger } from '../helpers/touch.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const STAGES = ['Awareness', 'Research', 'Comparison', 'Decision', 'Onboarding', 'First use', 'Support', 'Loyalty']
const LAPTOP = { width: 1366, height: 768 }
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

type Box = { x: number; y: number; width: number; height: number }
const viewportOf = (page: Page) => page.viewportSize()!
/** The box across the screen's width, and some of it down the screen. */
async function stageSeen(page: Page, name: string): Promise<boolean> {
  const b = await stage(page, name).boundingBox()
  const v = viewportOf(page)
  return !!b && b.x >= -0.5 && b.x + b.width <= v.width + 0.5 && b.y < v.height && b.y + b.height > 0
}
/** The whole box on screen. */
async function wholly(l: Locator): Promise<boolean> {
  const b: Box | null = await l.boundingBox()
  const v = viewportOf(l.page())
  return !!b && b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= v.width + 0.5 && b.y + b.height <= v.height + 0.5
}
/** The facilitator jumps to a stage with the stage strip, as a person would. */
async function jump(p: Participant, name: string) {
  await p.page.getByTestId('stage-strip').locator('.strip-item', { hasText: name }).click()
  await expect.poll(() => stageSeen(p.page, name)).toBe(true)
}

describe('leading the room', () => {
  it('brings everyone here, spotlights a note, and has everyone follow until each leaves', async () => {
    const board = await createOpenBoard(server.url, { title: 'Freelance marketplace', stages: STAGES })
    await fillBoard(server.url, board, 16) // seed-i in stage i % 8; seed-8 is "Help center article on refunds"
    const rana = await newParticipant(browser, { name: 'Rana', viewport: LAPTOP })
    const leila = await newParticipant(browser, { name: 'Leila', viewport: LAPTOP })
    const omid = await newParticipant(browser, { name: 'Omid', ...PHONE })
    await openBoard(rana, board.facilitatorUrl)
    await Promise.all([openBoard(leila, board.participantUrl), openBoard(omid, board.participantUrl)])
    const others = [leila, omid]
    for (const p of [rana, ...others]) expect(await stageSeen(p.page, 'Loyalty')).toBe(false)

    // "Bring everyone here": the facilitator goes to the last stage; the others' views go there too.
    await jump(rana, 'Loyalty')
    await rana.page.getByTestId('summon').click()
    for (const p of others) await expect.poll(() => stageSeen(p.page, 'Loyalty'), { timeout: 8000 }).toBe(true)
    expect(await stageSeen(leila.page, 'Awareness')).toBe(false)
    await expect.poll(() => omid.page.getByTestId('strip-position').textContent()).toBe('8 / 8')
    await expect.poll(() => leila.page.getByTestId('announcer').textContent()).toContain('Rana brought everyone to Loyalty.')
    await omid.page.screenshot({ path: screenshotPath('lead-phone-brought-here') })

    // The spotlight: a note of the first stage, highlighted and brought into view on every screen, and said.
    await jump(rana, 'Awareness')
    const refunds = (p: Participant) => note(p.page, 'Help center article on refunds')
    await rana.page.screenshot({ path: screenshotPath('lead-facilitator-1366') })
    await refunds(rana).getByRole('button', { name: 'Spotlight “Help center article on refunds” on every screen' }).click()
    for (const p of others) {
      await expect.poll(() => refunds(p).getAttribute('class')).toContain('spotlit')
      await expect.poll(() => wholly(refunds(p)), { timeout: 8000 }).toBe(true)
      await expect.poll(() => p.page.getByTestId('announcer').textContent()).toContain('In the spotlight now: Help center article on refunds.')
      expect(await p.page.getByTestId('spotlight-bar').textContent()).toContain('Help center article on refunds')
    }
    expect(await stageSeen(leila.page, 'Loyalty')).toBe(false)
    await leila.page.screenshot({ path: screenshotPath('lead-spotlight-1366') })
    await omid.page.screenshot({ path: screenshotPath('lead-spotlight-phone') })
    await rana.page.getByRole('button', { name: 'Release the spotlight', exact: true }).click()
    for (const p of others) await expect.poll(() => p.page.locator('.note.spotlit').count()).toBe(0)

    // "Follow me": both follow as the facilitator moves, and say so.
    await rana.page.getByTestId('follow-me').click()
    for (const p of others) await expect.poll(() => p.page.getByTestId('follow-bar').textContent()).toContain('Following Rana')
    await jump(rana, 'Support')
    for (const p of others) await expect.poll(() => stageSeen(p.page, 'Support'), { timeout: 8000 }).toBe(true)
    await expect.poll(() => omid.page.getByTestId('strip-position').textContent()).toBe('7 / 8')
    await leila.page.screenshot({ path: screenshotPath('lead-following-1366') })

    // Leila stops; Omid keeps following.
    await leila.page.getByRole('button', { name: 'Stop following' }).click()
    await expect.poll(() => leila.page.getByTestId('follow-bar').count()).toBe(0)
    await jump(rana, 'Awareness')
    await expect.poll(() => stageSeen(omid.page, 'Awareness'), { timeout: 8000 }).toBe(true)
    await new Promise((r) => setTimeout(r, 800))
    expect(await stageSeen(leila.page, 'Awareness')).toBe(false)
    expect(await stageSeen(leila.page, 'Support')).toBe(true)

    // Omid swipes to the next stage himself: he leaves, and stays where he went.
    const finger = await Finger.on(omid.page)
    const col = (await stage(omid.page, 'Awareness').boundingBox())!
    await finger.down({ x: 300, y: col.y + 60 })
    await finger.move({ x: 40, y: col.y + 60 })
    await finger.up()
    await expect.poll(() => omid.page.getByTestId('follow-bar').count()).toBe(0)
    await expect.poll(() => omid.page.getByTestId('strip-position').textContent()).toBe('2 / 8')
    await jump(rana, 'Loyalty')
    await new Promise((r) => setTimeout(r, 800))
    expect(await omid.page.getByTestId('strip-position').textContent()).toBe('2 / 8')

    // A new "follow me" is followed again, by everyone.
    await rana.page.getByTestId('follow-me').click()
    await expect.poll(() => rana.page.getByTestId('follow-me').getAttribute('aria-pressed')).toBe('false')
    await rana.page.getByTestId('follow-me').click()
    for (const p of others) await expect.poll(() => p.page.getByTestId('follow-bar').count()).toBe(1)
    for (const p of others) await expect.poll(() => stageSeen(p.page, 'Loyalty'), { timeout: 8000 }).toBe(true)
    // Scrolling away with the wheel leaves too.
    await leila.page.mouse.move(600, 500)
    await leila.page.mouse.wheel(-900, 0)
    await expect.poll(() => leila.page.getByTestId('follow-bar').count()).toBe(0)
    await rana.page.getByTestId('follow-me').click()
    await expect.poll(() => omid.page.getByTestId('follow-bar').count()).toBe(0)

    // On the map, "bring everyone here" brings everyone to the facilitator's cell.
    const cohost = await joinBoard(server.url, board.id, { name: 'Co-host', facilitatorKey: board.facilitatorKey })
    expect((await act(server.url, board.id, cohost.token, { type: 'setPhase', phase: 'map' })).status).toBe(200)
    for (const p of [rana, ...others]) await p.page.locator('.map-scroll').waitFor()
    const lastStage = await rana.page.locator('.map-grid thead th[data-stage]').last().getAttribute('data-stage')
    const cell = (p: Participant) => p.page.locator(`td.map-cell[data-stage="${lastStage}"][data-lane="owner"]`)
    await cell(rana).scrollIntoViewIfNeeded()
    await cell(rana).click()
    for (const p of others) expect(await wholly(cell(p))).toBe(false)
    await rana.page.getByTestId('summon').click()
    for (const p of others) await expect.poll(() => wholly(cell(p)), { timeout: 8000 }).toBe(true)
    await omid.page.screenshot({ path: screenshotPath('lead-map-cell-phone') })
    for (const p of [rana, ...others]) await p.context.close()
  }, 120_000)
})
