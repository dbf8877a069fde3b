// Small things people tripped over on a real board: the composer says which kind a new note gets, a note's
// kind can be changed after it is written (by whoever may change the note), the grouping button says what it
// does, an Arabic stage name keeps its distance from the vote count in an English result, and an empty map
// title runs in the direction of the Arabic name it shows as its placeholder.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote as writeNote, readBoard } from '../../shared/schema.js'
import { member, synced, until } from '../helpers/clients.js'
import { addNote, launchBrowser, newParticipant, note, pickKind, openBoard, screenshotPath, stage, type Participant } from '../helpers/browser.js'
import { createOpenBoard } from '../helpers/boards.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import { votedWorkshop } from '../helpers/votedWorkshop.js'

let server: TestServer
let browser: Browser
const contexts: Participant[] = []

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await Promise.all(contexts.map((p) => p.context.close()))
  await browser?.close()
  await server?.close()
})

async function person(url: string, name: string, lang = 'en', viewport = { width: 1366, height: 768 }) {
  const p = await newParticipant(browser, { name, lang, viewport })
  contexts.push(p)
  await openBoard(p, url)
  return p
}

describe('notes and labels', () => {
  it('shows the kind a new note gets, and lets its author change the kind afterwards', async () => {
    const board = await createOpenBoard(server.url, { title: 'Freelance marketplace', stages: ['التجربة', 'Decision'] })
    const layla = await person(board.participantUrl, 'Layla')
    const omar = await person(board.participantUrl, 'Omar')
    const col = stage(layla.page, 'التجربة')

    // Before typing, the composer already says which kind the note will be.
    await expect.poll(() => col.locator('.composer-kind').innerText()).toContain('Action')
    await col.locator('.composer-text').click()
    await col.locator('.kind-chip input[value="pain"]').check({ force: true })
    await expect.poll(() => col.locator('.composer-kind').innerText()).toContain('Pain point')
    await addNote(layla.page, 'التجربة', 'The support chat never answered')
    const mine = note(layla.page, 'The support chat never answered')
    await expect.poll(() => mine.getAttribute('class')).toContain('kind-pain')

    // The kind reads like a badge and becomes a select under the mouse, so that the press opens it; it goes
    // back to a button when the mouse leaves.
    expect(await mine.locator('.kind-select button').innerText()).toBe('Pain point')
    await mine.locator('.kind-select').hover()
    expect(await mine.locator('.kind-select select').inputValue()).toBe('pain')
    await layla.page.mouse.move(0, 0)
    await expect.poll(() => mine.locator('.kind-select select').count()).toBe(0)
    // The author changes the kind; everyone sees it. Someone else's note shows its kind, not a select.
    await pickKind(mine, 'question')
    const theirs = note(omar.page, 'The support chat never answered')
    await expect.poll(() => theirs.getAttribute('class')).toContain('kind-question')
    expect(await theirs.locator('.kind-select').count()).toBe(0)
    expect(await theirs.locator('.kind-badge').innerText()).toContain('Question')
    // The composer remembers the last kind picked and keeps saying so.
    await expect.poll(() => col.locator('.composer-kind').innerText()).toContain('Pain point')
  })

  it('changes a note\'s kind with a tap on a phone', async () => {
    const board = await createOpenBoard(server.url, { stages: ['التجربة'] })
    const p = await newParticipant(browser, { name: 'Sara', lang: 'ar', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    contexts.push(p)
    await openBoard(p, board.participantUrl)
    await addNote(p.page, 'التجربة', 'الدفع فشل مرتين', 'pain')
    const card = note(p.page, 'الدفع فشل مرتين')
    // No hover comes before a tap: the tap itself puts the select in the button's place, with the focus.
    await card.locator('.kind-select button').tap()
    expect(await card.locator('.kind-select select').evaluate((el) => el === document.activeElement)).toBe(true)
    await card.locator('.kind-select select').selectOption('idea')
    await expect.poll(() => card.getAttribute('class')).toContain('kind-idea')
  })

  it('names the grouping button in words while clustering', async () => {
    const w = await votedWorkshopInCluster()
    const page = (await person(w.participantUrl, 'Rana', 'ar')).page
    const button = note(page, 'الدفع عبر البطاقة فشل مرتين').locator('.group-button')
    await button.waitFor()
    expect((await button.innerText()).trim()).toBe('تجميع')
    expect(await page.locator('.phase-hint, .phase-bar').first().innerText()).toContain('G')
  })

  it('searches the Group-with dialog as Arabic and Persian readers expect', async () => {
    const w = await votedWorkshopInCluster(['کتاب راهنمای پرداخت پیدا نشد', 'لا يوجد رقم هاتف للدعم'])
    const page = (await person(w.participantUrl, 'Rana', 'ar')).page
    await note(page, 'الدفع عبر البطاقة فشل مرتين').locator('.group-button').click()
    const dialog = page.locator('dialog.group-menu')
    await expect.poll(() => dialog.locator('.group-choice').count()).toBe(2)
    // Arabic kaf and yeh find the Persian spelling.
    await dialog.locator('.group-search').fill('كتاب')
    await expect.poll(() => dialog.locator('.group-choice').allInnerTexts()).toEqual([expect.stringContaining('کتاب راهنمای')])
    await dialog.screenshot({ path: screenshotPath('group-menu-search-arabic') })
    await dialog.locator('.group-search').fill('هاتف دعم')
    await expect.poll(() => dialog.locator('.group-choice').allInnerTexts()).toEqual([expect.stringContaining('رقم هاتف')])
    await dialog.locator('.group-search').fill('غير موجود')
    await expect.poll(() => dialog.locator('.group-choice').count()).toBe(0)
    expect(await dialog.locator('[role="status"]').innerText()).toContain('غير موجود')
  })

  it('keeps an Arabic stage name apart from the vote count in an English result, and an empty map title right to left', async () => {
    const w = await votedWorkshop(server, {
      title: 'رحلة مشترك الإنترنت المنزلي',
      stages: ['الوعي', 'التجربة'],
      people: ['سارة', 'خالد'],
      notes: [['n1', 1, 'pain', 'Live chat closes at five', 0]],
      clusters: [],
      votes: [[0, 'n1'], [1, 'n1'], [1, 'n1']],
    })
    // In the map phase the board opens on the map.
    const fac = await newParticipant(browser, { name: 'Facilitator', viewport: { width: 1366, height: 768 } })
    contexts.push(fac)
    await fac.page.goto(w.board.facilitatorUrl)
    await fac.page.locator('.view-tab[data-view="board"]').click()
    const row = fac.page.locator('.result').first()
    await row.waitFor()
    const gap = await row.evaluate((li) => {
      const stageName = li.querySelector('.result-stage bdi')!.getBoundingClientRect()
      const votes = li.querySelector('.result-votes')!.getBoundingClientRect()
      return votes.left - stageName.right
    })
    await row.screenshot({ path: screenshotPath('result-row-arabic-stage-in-english') })
    expect(gap).toBeGreaterThanOrEqual(4)

    await fac.page.locator('.view-tab[data-view="map"]').click()
    const title = fac.page.locator('#frame-title')
    await title.waitFor()
    expect(await title.inputValue()).toBe('')
    expect(await title.getAttribute('placeholder')).toBe('رحلة مشترك الإنترنت المنزلي')
    expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
    await title.fill('Home internet')
    expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr')
    w.destroy()
  })
})

/** A board in the cluster phase with an Arabic note on it, and `more` notes beside it. */
async function votedWorkshopInCluster(more: string[] = []) {
  const board = await createOpenBoard(server.url, { title: 'متجر إلكتروني', stages: ['الدفع'] })
  const writer = await member(server.url, board.id, { name: 'سارة' })
  await synced(writer)
  const stageId = readBoard(writer.doc).stages[0]!.id
  writeNote(writer.doc, { id: 'p1', stageId, kind: 'pain', text: 'الدفع عبر البطاقة فشل مرتين', authorId: writer.me })
  more.forEach((text, i) => writeNote(writer.doc, { id: `m${i}`, stageId, kind: 'question', text, authorId: writer.me }))
  const fac = await member(server.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  await until(() => readBoard(fac.doc).notes.length === 1 + more.length, 'the notes on the board')
  const res = await fetch(`${server.url}/api/boards/${board.id}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fac.token}` },
    body: JSON.stringify({ type: 'setPhase', phase: 'cluster' }),
  })
  expect(res.status).toBe(200)
  writer.destroy()
  fac.destroy()
  return board
}
