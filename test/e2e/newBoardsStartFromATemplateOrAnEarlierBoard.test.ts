// The start page: a board from a journey template (its stages and starter lanes, in Arabic), a board from one of
// my earlier boards (its stages, lanes and frame, none of its notes), and the list of boards this browser made or
// joined, where forgetting one takes it off this browser.
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { setFrame } from '../../shared/journeyMap.js'
import { LANE_NAMES, addLane, renameLane } from '../../shared/lanes.js'
import { addNote, readBoard, renameStage } from '../../shared/schema.js'
import { TEMPLATES } from '../../shared/templates.js'
import { createOpenBoard } from '../helpers/boards.js'
import { newParticipant, openBoard, screenshotPath, type Participant } from '../helpers/browser.js'
import { member, synced, until } from '../helpers/clients.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import type { TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents()
const laneNames = (page: Page) => texts(page, '.map-grid tbody tr[data-lane] th')

/** Creates the board the form describes and opens it from the links page. */
async function createAndOpen(p: Participant) {
  await p.page.locator('.create-form button[type="submit"]').click()
  await p.page.locator('#created-heading').waitFor()
  const url = await p.page.locator('#participant-link').inputValue()
  await p.page.locator('.created a.button.primary').click()
  await p.page.locator('.stage').first().waitFor()
  return url.split('/').pop()!
}

describe('a new board', () => {
  it('starts from a template, with its stages and starter lanes in Arabic', async () => {
    const p = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport: { width: 1366, height: 768 } })
    await p.page.goto(server.url)
    const purchase = TEMPLATES.purchase
    await p.page.getByLabel(new RegExp(purchase.name.ar)).check()
    // The preview shows what it starts with before anything is made.
    const preview = p.page.locator('.template-preview[data-template="purchase"]')
    expect(await preview.locator('.preview-stages li').allTextContents()).toEqual(purchase.stages.ar)
    expect(await preview.locator('.preview-lanes li').allTextContents()).toEqual(['القنوات', 'نقاط الانسحاب', 'الأجهزة'])
    expect(await p.page.locator('.stage-inputs').count()).toBe(0)
    await p.page.screenshot({ path: screenshotPath('home-template-1366-ar'), fullPage: true })

    await createAndOpen(p)
    await expect.poll(() => texts(p.page, '.stage h2')).toEqual(purchase.stages.ar)
    expect(await p.page.locator('.board-title').textContent()).toBe(purchase.title.ar)
    await p.page.locator('.view-tab[data-view="map"]').click()
    await p.page.locator('.map-grid').waitFor()
    const lanes = await laneNames(p.page)
    expect(lanes.slice(0, 6)).toEqual([LANE_NAMES.ar.action, LANE_NAMES.ar.need, LANE_NAMES.ar.question, 'القنوات', 'الأجهزة', LANE_NAMES.ar.emotion])
    expect(lanes).toContain('نقاط الانسحاب')
    await p.page.screenshot({ path: screenshotPath('template-map-1366-ar') })
    await p.context.close()
  })

  it('starts from one of my boards: its stages, lanes and frame, none of its notes; the list shows made and joined boards, and forgets one', async () => {
    // An earlier board, framed and filled, that this browser facilitates.
    const earlier = await createOpenBoard(server.url, { title: 'First-time buyers', stages: ['Discover', 'Compare', 'Pay'] })
    const fac = await member(server.url, earlier.id, { name: 'Setup', facilitatorKey: earlier.facilitatorKey })
    await synced(fac)
    const stages = readBoard(fac.doc).stages
    renameStage(fac.doc, stages[1]!.id, 'Compare prices')
    setFrame(fac.doc, { personaName: 'Maryam, buys cookware online', goal: 'Fewer abandoned carts' })
    renameLane(fac.doc, 'touchpoint', 'Channels')
    addLane(fac.doc, 'device', 'Devices', 4)
    addNote(fac.doc, { id: 'n1', stageId: stages[2]!.id, kind: 'pain', text: 'The payment page failed twice', authorId: fac.me })
    const check = await member(server.url, earlier.id, { observer: true })
    await synced(check)
    await until(() => check.doc.getMap('notes').has('n1') && check.doc.getMap('lanes').has('device'), 'the earlier board on the server')
    check.destroy()
    fac.destroy()
    // And one this browser joins as a participant.
    const joined = await createOpenBoard(server.url, { title: 'A colleague’s workshop' })

    const p = await newParticipant(browser, { name: 'Rana' })
    await openBoard(p, earlier.facilitatorUrl)
    await openBoard(p, joined.participantUrl)
    await p.page.goto(server.url)

    // The list: both boards, most recently opened first, each with its role.
    const list = p.page.locator('.known-board')
    await expect.poll(() => list.locator('.known-title').allTextContents()).toEqual(['A colleague’s workshop', 'First-time buyers'])
    expect(await list.locator('.known-role').allTextContents()).toEqual(['Participant', 'Facilitator'])

    // Only a board this browser facilitates can be started from.
    await p.page.getByLabel(/^One of my boards/).check()
    const select = p.page.getByLabel('Board to start from')
    expect(await select.locator('option').allTextContents()).toEqual(['First-time buyers'])
    await p.page.getByLabel('Map name').fill('Second round')
    const copyId = await createAndOpen(p)
    await expect.poll(() => texts(p.page, '.stage h2')).toEqual(['Discover', 'Compare prices', 'Pay'])
    expect(await p.page.locator('.note').count()).toBe(0)
    expect(await p.page.locator('.board-title').textContent()).toBe('Second round')
    await p.page.locator('.view-tab[data-view="map"]').click()
    await p.page.locator('.map-grid').waitFor()
    const lanes = await laneNames(p.page)
    expect(lanes.slice(3, 5)).toEqual(['Channels', 'Devices'])
    expect(await p.page.getByLabel('Persona', { exact: true }).inputValue()).toBe('Maryam, buys cookware online')
    expect(await p.page.getByLabel('Goal of the map', { exact: true }).inputValue()).toBe('Fewer abandoned carts')
    expect(await p.page.locator('.map-item').count()).toBe(0)

    // Back home, the new board heads the list; forgetting the joined one takes it (and its membership) off this browser.
    await p.page.goto(server.url)
    await expect.poll(() => list.locator('.known-title').allTextContents()).toEqual(['Second round', 'A colleague’s workshop', 'First-time buyers'])
    await p.page.screenshot({ path: screenshotPath('home-my-boards-1366-en'), fullPage: true })
    await p.page.getByRole('button', { name: 'Forget “A colleague’s workshop” on this browser' }).click()
    await expect.poll(() => list.locator('.known-title').allTextContents()).toEqual(['Second round', 'First-time buyers'])
    expect(await p.page.evaluate((id) => localStorage.getItem(`touchpoint:session:${id}`), joined.id)).toBeNull()
    // Forgetting a board this browser facilitates drops its key: it can no longer be started from here.
    await p.page.getByRole('button', { name: 'Forget “First-time buyers” on this browser' }).click()
    expect(await p.page.evaluate((id) => localStorage.getItem(`touchpoint:facilitator:${id}`), earlier.id)).toBeNull()
    await p.page.reload()
    await expect.poll(() => list.locator('.known-title').allTextContents()).toEqual(['Second round'])
    await p.page.getByLabel(/^One of my boards/).check()
    expect(await p.page.getByLabel('Board to start from').locator('option').allTextContents()).toEqual(['Second round'])
    // The boards themselves are still there.
    for (const id of [joined.id, earlier.id, copyId]) expect((await fetch(`${server.url}/api/boards/${id}`)).status).toBe(200)
    await p.context.close()
  })

  it('lists my boards and templates on a phone, in Persian', async () => {
    const board = await createOpenBoard(server.url, { title: 'سفر خرید اینترنتی' })
    const p = await newParticipant(browser, { name: 'مهسا', lang: 'fa', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await openBoard(p, board.facilitatorUrl)
    await p.page.goto(server.url)
    await p.page.getByLabel(new RegExp(TEMPLATES.onboarding.name.fa)).check()
    await p.page.locator('.template-preview').waitFor()
    await p.page.locator('.known-board').first().waitFor()
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await p.page.screenshot({ path: screenshotPath('home-phone-fa'), fullPage: true })
    await p.context.close()
  })
})
