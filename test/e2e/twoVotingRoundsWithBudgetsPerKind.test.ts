// A facilitator (English, laptop) and two participants (Arabic on a laptop, Persian on a phone) run two voting
// rounds in Chromium: the first with budgets per kind of note (2 votes for pain points, 1 for ideas), the second
// on the top 3 of the first. A vote over a kind's budget is explained in the voter's language; a click from the
// first round that arrives after the second began is refused and explained, not counted. Both rounds' results
// are shown side by side on a laptop and stacked on a phone, and both are in the Markdown and CSV exports.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../shared/clusters.js'
import { addNote, readBoard, type NoteKind } from '../../shared/schema.js'
import { readRounds, readSession, readTally } from '../../shared/sessionDoc.js'
import { SCREENSHOTS, newParticipant, openBoard, screenshotPath, type Participant } from '../helpers/browser.js'
import { member, synced, until } from '../helpers/clients.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { act, createBoard, type TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const arabicDigits = (s: string) => s.replace(/\d/g, (d) => new Intl.NumberFormat('ar').format(Number(d)))
const message = (p: Participant) => p.page.getByTestId('workshop-message').textContent()
const votesLeft = (p: Participant) => p.page.getByTestId('votes-left').textContent()
const dots = (p: Participant, itemId: string) => p.page.locator(`.vote-row[data-item-id="${itemId}"] .my-votes .dot`).count()
const plus = (p: Participant, itemId: string) => p.page.locator(`.vote-row[data-item-id="${itemId}"] .vote-more`)

// A freelancing marketplace's consideration and decision, in the words these teams use.
const NOTES: [id: string, stage: number, kind: NoteKind, text: string][] = [
  ['n-fees', 0, 'pain', 'الرسوم تظهر فقط عند الدفع'],
  ['n-reviews', 0, 'pain', 'Reviews of freelancers are hard to trust'],
  ['n-install', 0, 'question', 'هل يمكن الدفع على دفعات؟'],
  ['k1', 1, 'pain', 'درگاه پرداخت دو بار خطا داد'],
  ['k2', 1, 'pain', 'Checkout asks for an account first'],
  ['n-oneclick', 1, 'idea', 'دفع بنقرة واحدة'],
  ['n-app', 1, 'idea', 'A mobile app to follow projects'],
  ['n-relief', 2, 'feeling', 'ارتياح لأن التسليم الأول ممتاز'],
]

/** The facilitator's dialog for a new round, filled in and sent. */
async function startRound(page: Page, r: { name: string; budget: number; cap: number; kinds: Partial<Record<string, number | ''>>; top?: number }) {
  await page.getByRole('button', { name: 'New voting round…' }).click()
  const dialog = page.getByRole('dialog', { name: 'A new voting round' })
  await dialog.getByLabel('Name of the round').fill(r.name)
  await dialog.getByLabel('Votes per person').fill(String(r.budget))
  await dialog.getByLabel('Most on one item').fill(String(r.cap))
  for (const [kind, n] of Object.entries(r.kinds)) await dialog.getByLabel(kind, { exact: true }).fill(String(n))
  if (r.top) {
    await dialog.getByLabel('Only the top items of this round').check()
    await dialog.getByLabel('How many').fill(String(r.top))
  }
  await page.screenshot({ path: screenshotPath(`rounds-dialog-${r.top ? 'top' : 'all'}`) })
  await dialog.getByRole('button', { name: 'Start the round' }).click()
  await dialog.waitFor({ state: 'detached' })
}

describe('voting rounds', () => {
  it('two rounds with budgets per kind, the second on the top 3 of the first: both kept, shown and exported', { timeout: 180_000 }, async () => {
    const board = await createBoard(server.url, { title: 'Freelance marketplace: first project', stages: ['Consideration', 'Decision', 'Experience'], lang: 'en' })
    // The room is prepared over the API: notes written, one cluster made, the vote phase open.
    const prep = await member(server.url, board.id, { name: 'Rana', facilitatorKey: board.facilitatorKey })
    await synced(prep)
    const run = async (a: Parameters<typeof act>[3]) => expect((await act(server.url, board.id, prep.token, a)).status).toBe(200)
    await run({ type: 'setPhase', phase: 'ideate' })
    await run({ type: 'setPrivateWriting', on: false })
    await until(() => readSession(prep.doc).phase === 'ideate', 'ideate')
    const stageIds = readBoard(prep.doc).stages.map((s) => s.id)
    for (const [id, stage, kind, text] of NOTES) addNote(prep.doc, { id, stageId: stageIds[stage]!, kind, text, authorId: prep.me })
    await run({ type: 'setPhase', phase: 'cluster' })
    await until(() => readSession(prep.doc).phase === 'cluster', 'cluster')
    createCluster(prep.doc, 'c-checkout', ['k1', 'k2'], 'Checkout friction')
    await until(() => readBoard(prep.doc).clusters.length === 1, 'the cluster')
    await run({ type: 'setPhase', phase: 'vote' })

    const rana = await newParticipant(browser, { name: 'Rana', viewport: { width: 1366, height: 768 } })
    const leila = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport: { width: 1366, height: 768 } })
    const omid = await newParticipant(browser, {
      name: 'امید', lang: 'fa', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    })
    await openBoard(rana, board.facilitatorUrl)
    await Promise.all([openBoard(leila, board.participantUrl), openBoard(omid, board.participantUrl)])

    // ---- Round 1, on every item: 4 votes, at most 2 on one, 2 for pain points and 1 for ideas ----
    await startRound(rana.page, { name: 'Pains and ideas', budget: 4, cap: 2, kinds: { 'Pain point': 2, Idea: 1 } })
    await expect.poll(() => leila.page.getByTestId('round-name').textContent()).toBe('Pains and ideas')
    await expect.poll(() => votesLeft(leila)).toContain(arabicDigits('نقطة ألم: بقي 2 من 2'))
    expect(await votesLeft(leila)).toContain(arabicDigits('فكرة: بقي 1 من 1'))
    await plus(leila, 'c-checkout').click() // a cluster of two pain points counts as a pain point
    await plus(leila, 'n-fees').click()
    await expect.poll(() => votesLeft(leila)).toContain(arabicDigits('نقطة ألم: بقي 0 من 2'))
    expect(await plus(leila, 'n-reviews').getAttribute('aria-disabled')).toBe('true')
    await plus(leila, 'n-reviews').press('Enter') // a third pain point: explained here, never sent
    await expect.poll(() => message(leila)).toBe(arabicDigits('نفدت أصوات النوع «نقطة ألم» في هذه الجولة (الحد: 2).'))
    await plus(leila, 'n-oneclick').click()
    await expect.poll(() => dots(leila, 'n-oneclick')).toBe(1)
    await plus(leila, 'n-app').press('Enter')
    await expect.poll(() => message(leila)).toBe(arabicDigits('نفدت أصوات النوع «فكرة» في هذه الجولة (الحد: 1).'))
    await plus(leila, 'n-relief').click() // a feeling: held by the round's budget alone
    await expect.poll(() => votesLeft(leila)).toContain(arabicDigits('لم يبقَ لك أي صوت من 4'))
    await leila.page.evaluate(() => scrollTo(0, 0))
    await leila.page.screenshot({ path: screenshotPath('rounds-phase-bar-arabic') })

    await plus(omid, 'c-checkout').tap()
    await expect.poll(() => dots(omid, 'c-checkout')).toBe(1)
    await plus(omid, 'c-checkout').tap()
    await expect.poll(() => dots(omid, 'c-checkout')).toBe(2)
    await plus(omid, 'n-app').tap()
    await expect.poll(() => dots(omid, 'n-app')).toBe(1)
    expect(await omid.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await omid.page.evaluate(() => scrollTo(0, 0))
    await omid.page.screenshot({ path: screenshotPath('rounds-phase-bar-phone-persian') })

    // The same dialog on a co-facilitator's phone, in Arabic: it fits, and Escape closes it untouched.
    const phone = await newParticipant(browser, { name: 'سلمى', lang: 'ar', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await openBoard(phone, board.facilitatorUrl)
    await phone.page.getByRole('button', { name: 'جولة تصويت جديدة…' }).click()
    const arDialog = phone.page.getByRole('dialog', { name: 'جولة تصويت جديدة' })
    expect(await arDialog.getByLabel('اسم الجولة').inputValue()).toBe('الجولة 2')
    expect(await arDialog.getByLabel('نقطة ألم', { exact: true }).inputValue()).toBe('2')
    const box = (await arDialog.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    await phone.page.screenshot({ path: screenshotPath('rounds-dialog-phone-arabic') })
    await phone.page.keyboard.press('Escape')
    await arDialog.waitFor({ state: 'detached' })
    await phone.context.close()

    // A late click: Omid's vote on the relief note leaves while round 1 is open and arrives after round 2 began.
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    await omid.page.route('**/actions', async (route) => {
      await held
      await route.continue()
    })
    const sent = omid.page.waitForRequest('**/actions')
    await plus(omid, 'n-relief').tap()
    await sent

    // ---- Round 2, on the top 3 of round 1: 2 votes, at most 1 on one, 1 for pain points ----
    // The dialog offers this round's budgets per kind again; ideas go back to the round's budget alone.
    await startRound(rana.page, { name: 'Top 3', budget: 2, cap: 1, kinds: { 'Pain point': 1, Idea: '' }, top: 3 })
    await until(() => readRounds(prep.doc).length === 1 && readSession(prep.doc).round.id === 2, 'round 2 on the server')
    release()
    await expect.poll(() => message(omid)).toBe('این رأی برای دوری بود که تمام شده است. این دور تازه است؛ دوباره رأی دهید.')
    await omid.page.unroute('**/actions')
    // Round 1 was kept without the late vote; the top 3 in board order of the ties: the cluster, then the
    // fees (the first stage) and the one-click idea.
    expect(readRounds(prep.doc)[0]!.tally).toEqual({ 'c-checkout': 3, 'n-fees': 1, 'n-oneclick': 1, 'n-app': 1, 'n-relief': 1 })
    expect(readSession(prep.doc).round.items).toEqual(['c-checkout', 'n-fees', 'n-oneclick'])

    await expect.poll(() => leila.page.getByTestId('round-name').textContent()).toContain('Top 3')
    await expect.poll(() => votesLeft(leila)).toContain(arabicDigits('بقي لك صوتان من 2'))
    expect(await dots(leila, 'c-checkout')).toBe(0) // a new round, a new ballot
    expect(await plus(leila, 'n-app').count()).toBe(0) // not among the top 3: nothing to vote with
    await plus(leila, 'c-checkout').click()
    await expect.poll(() => dots(leila, 'c-checkout')).toBe(1)
    await plus(leila, 'n-fees').press('Enter')
    await expect.poll(() => message(leila)).toBe(arabicDigits('نفدت أصوات النوع «نقطة ألم» في هذه الجولة (الحد: 1).'))
    await plus(leila, 'n-oneclick').click()
    await expect.poll(() => dots(leila, 'n-oneclick')).toBe(1)
    await plus(omid, 'n-fees').tap()
    await expect.poll(() => dots(omid, 'n-fees')).toBe(1)
    await plus(omid, 'n-oneclick').tap()
    await expect.poll(() => dots(omid, 'n-oneclick')).toBe(1)

    // Round 1's results are on every screen already; round 2's join them when revealed.
    await expect.poll(() => leila.page.locator('.results-round').count()).toBe(1)
    await rana.page.getByRole('button', { name: 'Reveal the votes' }).click()
    await until(() => Object.keys(readTally(prep.doc)).length === 3, 'round 2 revealed')
    expect(readTally(prep.doc)).toEqual({ 'c-checkout': 1, 'n-fees': 1, 'n-oneclick': 2 })
    for (const p of [rana, leila, omid]) await expect.poll(() => p.page.locator('.results-round').count()).toBe(2)
    const columns = (p: Participant) => p.page.locator('.results-round')
    const firstOf = (p: Participant, i: number) => columns(p).nth(i).locator('.result').first().textContent()
    expect(await columns(leila).nth(0).locator('h3').textContent()).toBe('Pains and ideas')
    expect(await firstOf(leila, 0)).toContain('Checkout friction')
    expect(await firstOf(leila, 0)).toContain(arabicDigits('3 أصوات'))
    expect(await firstOf(leila, 1)).toContain('دفع بنقرة واحدة')
    // Side by side on a laptop (round 1 on the right in Arabic), stacked on a phone.
    const [l0, l1] = [(await columns(leila).nth(0).boundingBox())!, (await columns(leila).nth(1).boundingBox())!]
    expect(Math.abs(l0.y - l1.y)).toBeLessThan(2)
    expect(l0.x).toBeGreaterThan(l1.x)
    const [o0, o1] = [(await columns(omid).nth(0).boundingBox())!, (await columns(omid).nth(1).boundingBox())!]
    expect(o1.y).toBeGreaterThanOrEqual(o0.y + o0.height)
    expect(await omid.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    for (const [p, name] of [[leila, 'rounds-results-arabic'], [rana, 'rounds-results-english'], [omid, 'rounds-results-phone-persian']] as const) {
      await p.page.evaluate(() => scrollTo(0, 0))
      await p.page.screenshot({ path: screenshotPath(name), fullPage: p === omid })
    }

    // ---- The map: the top 3 of round 2 promoted, then exported; both rounds are in Markdown and CSV ----
    await run({ type: 'setPhase', phase: 'map' })
    const page = rana.page
    await page.locator('.map-view').waitFor()
    await page.getByLabel('How many', { exact: true }).fill('3')
    await page.getByRole('button', { name: 'Promote the top 3 by votes' }).click()
    await expect.poll(() => page.locator('.map-item').count()).toBe(3)
    await until(() => prep.doc.getMap('mapItems').size === 3, 'the map on the server')

    const md = await exportText(page, 'md')
    expect(md).toContain('## Voting rounds')
    expect(md).toContain('- **Pains and ideas:** 4 votes each, at most 2 on one item; Pain points: 2 · Ideas: 1')
    expect(md).toContain('- **Top 3:** 2 votes each, at most 1 on one item; the top 3 of the round before; Pain points: 1\n')
    expect(md).toContain('| # | Pains and ideas | Top 3 |')
    expect(md).toContain('| 1 | Checkout friction (3 votes) | دفع بنقرة واحدة (2 votes) |')

    const csv = (await exportText(page, 'csv')).replace(/^\uFEFF/, '').trim().split('\r\n').map((r) => r.split(','))
    expect(csv[0]!.slice(-2)).toEqual(['votes: Pains and ideas', 'votes: Top 3'])
    const row = (title: string) => csv.find((r) => r[2] === title)!
    expect(row('Checkout friction').slice(-2)).toEqual(['3', '1'])
    expect(row('دفع بنقرة واحدة').slice(-2)).toEqual(['1', '2'])
    expect(row('الرسوم تظهر فقط عند الدفع').slice(-2)).toEqual(['1', '1'])

    prep.destroy()
    for (const p of [rana, leila, omid]) await p.context.close()
  })
})

/** Exports through the map's menu and reads the downloaded file. */
async function exportText(page: Page, format: string): Promise<string> {
  await page.locator('.export-menu > summary').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`.menu-item[data-format="${format}"]`).click()])
  const dir = join(SCREENSHOTS, 'downloads')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `rounds-${download.suggestedFilename()}`)
  await download.saveAs(file)
  return readFileSync(file, 'utf8')
}
