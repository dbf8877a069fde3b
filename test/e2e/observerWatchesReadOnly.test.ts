// The view-only link: an observer joins without giving a name, sees the board change live, is told the view
// is read only, and has no way to change anything, in any phase.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, newParticipant, note, openBoard, stage } from '../helpers/browser.js'
import { act, joinBoard, type TestServer } from '../helpers/server.js'
import { currentPhase } from '../helpers/workshopUi.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

/** Anything on the board that would change it. */
const editingControls = '.board button, .board textarea, .board input, .board select, .facilitator-controls, .vote-button, .group-button'

describe('observer', () => {
  it('watches the board live through the view-only link and cannot change it', async () => {
    const board = await createOpenBoard(server.url, { title: 'رحلة العميل', stages: ['Awareness', 'Decision'] })
    const host = await newParticipant(browser, { name: 'Rana' })
    await openBoard(host, board.facilitatorUrl)

    // The share dialog hands out the view-only link.
    await host.page.getByRole('button', { name: 'Share' }).click()
    const viewUrl = await host.page.getByLabel('View-only link', { exact: true }).inputValue()
    expect(viewUrl).toBe(`${board.participantUrl}?view`)
    await host.page.getByRole('button', { name: 'Close' }).click()

    // No name is asked; the badge says what this is.
    const watcher = await newParticipant(browser, { name: null })
    await openBoard(watcher, viewUrl)
    const page = watcher.page
    expect(await page.getByLabel('Your name').count()).toBe(0)
    expect(await page.getByTestId('view-only').textContent()).toBe('View only')
    await expect.poll(() => page.getByTestId('phase-hint').textContent()).toContain('You are watching the Ideate phase live')
    expect(await page.locator('.composer').count()).toBe(0)
    expect(await page.locator(editingControls).count()).toBe(0)

    // Changes arrive live; the notes stay read only.
    await addNote(host.page, 'Decision', 'يدفع بالبطاقة بعد قراءة سياسة الاسترداد', 'action')
    const card = note(page, 'سياسة الاسترداد')
    await card.waitFor()
    await card.locator('.note-text').click()
    expect(await page.locator('textarea').count()).toBe(0)
    await card.focus()
    await page.keyboard.press('Delete')
    await page.keyboard.press('Alt+ArrowLeft')
    expect(await stage(page, 'Decision').locator('.note-text').allTextContents()).toEqual(['يدفع بالبطاقة بعد قراءة سياسة الاسترداد'])
    expect(await card.getAttribute('class')).toContain('read-only')

    // Observers are not listed as people, and nothing changes when they try: still only one person here.
    await expect.poll(() => host.page.locator('.people-count').textContent()).toBe('1 person here')

    // Through clustering and voting, still nothing to press; the revealed tally shows.
    const { token } = await joinBoard(server.url, board.id, { name: 'Bot', facilitatorKey: board.facilitatorKey })
    for (const phase of ['cluster', 'vote'] as const) {
      expect((await act(server.url, board.id, token, { type: 'setPhase', phase })).status).toBe(200)
      await expect.poll(() => currentPhase(page)).toBe(phase === 'cluster' ? 'Cluster' : 'Vote')
      expect(await page.locator(editingControls).count()).toBe(0)
    }
    const noteId = await card.getAttribute('data-note-id')
    expect((await act(server.url, board.id, token, { type: 'vote', itemId: noteId!, delta: 1 })).status).toBe(200)
    expect((await act(server.url, board.id, token, { type: 'revealVotes' })).status).toBe(200)
    await expect.poll(() => card.locator('.tally').textContent()).toBe('1 vote')
    expect(await page.locator('.results-list').innerText()).toContain('سياسة الاسترداد')
    expect(await page.locator(editingControls).count()).toBe(0)
    await host.context.close()
    await watcher.context.close()
  }, 60_000)
})
