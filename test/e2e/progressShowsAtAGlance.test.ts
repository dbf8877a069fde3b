// Progress at a glance, in Chromium: a facilitator and two participants. While they write privately the
// facilitator's people list counts each person's notes (numbers only: no text reaches the page); after
// the reveal it counts them on the board; while voting it shows the votes each spent, not on what. A
// participant's "I'm done" shows in everyone's count ("1 of 2 done"), observers are counted apart, and a
// new phase clears the marks.
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNote, newParticipant, openBoard, screenshotPath, type Participant } from '../helpers/browser.js'
import { createBoard, joinBoard, type TestServer } from '../helpers/server.js'
import { currentPhase, nextPhase } from '../helpers/workshopUi.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const doneCount = (p: Participant) => p.page.getByTestId('done-count').textContent()
const doneToggle = (p: Participant) => p.page.getByRole('button', { name: 'I’m done' })
/** The facilitator's progress line for the person named `name`, as numbers. */
async function progressOf(page: Page, name: string) {
  const row = page.locator('.people-list li', { hasText: name }).getByTestId('person-progress')
  const [notes, votes, done] = await Promise.all(['data-notes', 'data-votes', 'data-done'].map((a) => row.getAttribute(a)))
  return { notes: Number(notes), votes: Number(votes), done: done === 'true' }
}
async function openPeople(p: Participant) {
  if (!(await p.page.locator('.people').evaluate((d) => (d as HTMLDetailsElement).open))) await p.page.locator('.people summary').click()
}

describe('progress at a glance', () => {
  it('counts notes, votes spent and done marks per person for the facilitator, and the done count for all', async () => {
    const board = await createBoard(server.url, { title: 'Marketplace clients', stages: ['Awareness', 'Decision'] })
    const viewport = { width: 1366, height: 768 }
    const rana = await newParticipant(browser, { name: 'Rana', viewport })
    const leila = await newParticipant(browser, { name: 'Leila', viewport })
    const omid = await newParticipant(browser, { name: 'Omid', viewport })
    await openBoard(rana, board.facilitatorUrl)
    await Promise.all([openBoard(leila, board.participantUrl), openBoard(omid, board.participantUrl)])
    const everyone = [rana, leila, omid]

    await nextPhase(rana.page, 'Ideate')
    for (const p of everyone) await expect.poll(() => doneCount(p)).toBe('0 of 2 done')
    // The facilitator waits for the room; only participants say they are done.
    expect(await doneToggle(rana).count()).toBe(0)

    // Private writing: the facilitator sees how many, never what.
    const secret = 'Abandons the cart when fees appear at checkout'
    await addNote(leila.page, 'Awareness', 'Sees an Instagram ad for the marketplace')
    await addNote(leila.page, 'Decision', secret)
    await addNote(omid.page, 'Awareness', 'يبحث في جوجل عن منصة عمل حر')
    await openPeople(rana)
    await expect.poll(() => progressOf(rana.page, 'Leila')).toEqual({ notes: 2, votes: 0, done: false })
    await expect.poll(() => progressOf(rana.page, 'Omid')).toEqual({ notes: 1, votes: 0, done: false })
    expect(await rana.page.locator('.people-list li', { hasText: 'Leila' }).getByTestId('person-progress').textContent()).toBe('2 notes')
    const page = await rana.page.content()
    for (const text of [secret, 'Instagram', 'جوجل']) expect(page).not.toContain(text)
    // Participants see no one's progress but the count.
    await openPeople(leila)
    expect(await leila.page.getByTestId('person-progress').count()).toBe(0)
    await leila.page.keyboard.press('Escape')

    // Leila is done writing: everyone's count says so; an observer is counted apart.
    await doneToggle(leila).click()
    await expect.poll(() => doneToggle(leila).getAttribute('aria-pressed')).toBe('true')
    for (const p of everyone) await expect.poll(() => doneCount(p)).toBe('1 of 2 done')
    await expect.poll(() => progressOf(rana.page, 'Leila')).toEqual({ notes: 2, votes: 0, done: true })
    await joinBoard(server.url, board.id, { observer: true })
    for (const p of everyone) await expect.poll(() => doneCount(p)).toBe('1 of 2 done and 1 watching')
    await rana.page.screenshot({ path: screenshotPath('progress-facilitator-ideate') })
    await leila.page.screenshot({ path: screenshotPath('progress-participant-done') })

    // A new phase: the notes are on the board, counted by author there, and nobody is done yet.
    await nextPhase(rana.page, 'Cluster')
    for (const p of everyone) await expect.poll(() => currentPhase(p.page)).toBe('Cluster')
    for (const p of everyone) await expect.poll(() => doneCount(p)).toBe('0 of 2 done and 1 watching')
    expect(await doneToggle(leila).getAttribute('aria-pressed')).toBe('false')
    await openPeople(rana)
    await expect.poll(() => progressOf(rana.page, 'Leila')).toEqual({ notes: 2, votes: 0, done: false })
    await expect.poll(() => progressOf(rana.page, 'Omid')).toEqual({ notes: 1, votes: 0, done: false })

    // Voting: the facilitator sees how many votes each spent, and nothing says on what.
    await nextPhase(rana.page, 'Vote')
    for (const p of everyone) await expect.poll(() => currentPhase(p.page)).toBe('Vote')
    const more = (p: Participant, name: string) => p.page.getByRole('button', { name: `Add a vote to “${name}”` })
    await more(leila, secret).click()
    await more(leila, secret).click()
    await more(omid, secret).click()
    await expect.poll(() => omid.page.getByTestId('votes-left').textContent()).toContain('4 of 5 votes left')
    await openPeople(rana)
    await expect.poll(() => progressOf(rana.page, 'Leila')).toEqual({ notes: 2, votes: 2, done: false })
    await expect.poll(() => progressOf(rana.page, 'Omid')).toEqual({ notes: 1, votes: 1, done: false })
    expect(await rana.page.locator('.people-list li', { hasText: 'Leila' }).getByTestId('person-progress').textContent()).toBe('2 notes2/5 votes')
    expect(await rana.page.locator('.tally').count()).toBe(0)
    await doneToggle(omid).click()
    for (const p of everyone) await expect.poll(() => doneCount(p)).toBe('1 of 2 done and 1 watching')
    await expect.poll(() => progressOf(rana.page, 'Omid')).toEqual({ notes: 1, votes: 1, done: true })
    await rana.page.screenshot({ path: screenshotPath('progress-facilitator-vote') })
    // Changing one's mind is a click too.
    await doneToggle(omid).click()
    for (const p of everyone) await expect.poll(() => doneCount(p)).toBe('0 of 2 done and 1 watching')
    for (const p of everyone) await p.context.close()
  })

  it('reads right to left in Arabic and Persian, and fits a phone', async () => {
    const board = await createBoard(server.url, { title: 'رحلة العميل', stages: ['الوعي', 'القرار'] })
    const host = await newParticipant(browser, { name: 'رنا', lang: 'ar', viewport: { width: 1366, height: 768 } })
    const sara = await newParticipant(browser, { name: 'سارا', lang: 'fa', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await openBoard(host, board.facilitatorUrl)
    await openBoard(sara, board.participantUrl)
    await host.page.getByRole('button', { name: 'التالي: توليد الأفكار' }).click()
    await expect.poll(() => sara.page.getByTestId('done-count').textContent()).toBe('۰ از ۱ نفر تمام کرده‌اند')
    await sara.page.getByRole('button', { name: 'تمام کردم' }).click()
    await expect.poll(() => host.page.getByTestId('done-count').textContent()).toBe('الانتهاء: 1 من 1')
    await host.page.locator('.people summary').click()
    await expect.poll(() => progressOf(host.page, 'سارا')).toEqual({ notes: 0, votes: 0, done: true })
    await host.page.screenshot({ path: screenshotPath('progress-facilitator-ar') })
    await sara.page.screenshot({ path: screenshotPath('progress-phone-fa') })
    const toggle = await sara.page.getByRole('button', { name: 'تمام کردم' }).boundingBox()
    expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(390)
    for (const p of [host, sara]) await p.context.close()
  })
})
