// A person's work is kept: what reaches the board when a rule of the moment no longer takes it (a note
// written offline that arrives after the board moved to voting, a keystroke in flight when it locked) is
// reverted on the board and kept for its writer, who finds it in "Kept for you" with a plain-words notice,
// after a reload too, and can post it again once the board takes notes.
//
// Decided: the facilitator "sees it is not on the board" in their own browser (the note never shows in
// the stage there) and in a stock client of the server's board (no note with that text).
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '../../shared/api.js'
import { readBoard } from '../../shared/schema.js'
import type { Action } from '../../shared/workshop.js'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, newParticipant, note, openBoard, stage, type Participant } from '../helpers/browser.js'
import { member, synced } from '../helpers/clients.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { act, joinBoard, type TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const SHOTS = '/tmp/shots'
const texts = (p: Participant, stageName: string) => stage(p.page, stageName).locator('.note-text').allTextContents()
const status = (p: Participant) => p.page.locator('.connection').getAttribute('data-status')
const drafts = (page: Page) => page.locator('[data-testid="drafts-panel"] .draft')

async function facilitatorOf(board: CreateBoardResponse) {
  const { token } = await joinBoard(server.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  return async (action: Action) => {
    const res = await act(server.url, board.id, token, action)
    expect(res.status, `${action.type}: ${JSON.stringify(res.body)}`).toBe(200)
  }
}

/** Notes of the server's board, as a stock client holding a facilitator token sees them. */
async function serverNotes(board: CreateBoardResponse): Promise<string[]> {
  const m = await member(server.url, board.id, { name: 'Check', facilitatorKey: board.facilitatorKey })
  try {
    await synced(m)
    return readBoard(m.doc).notes.map((n) => n.text)
  } finally {
    m.destroy()
  }
}

/** Opens "Kept for you" from its notice (which must be showing). */
async function openDrafts(page: Page) {
  await page.getByTestId('drafts-notice').waitFor({ timeout: 10_000 })
  await page.locator('.drafts-toggle').click()
  await page.getByTestId('drafts-panel').waitFor()
}

describe('work kept across refusals', () => {
  it('keeps a note written offline that reaches the board after it moved to voting', async () => {
    const board = await createOpenBoard(server.url, { stages: ['Awareness', 'Decision', 'Experience'] })
    const run = await facilitatorOf(board)
    const host = await newParticipant(browser, { name: 'Rana', viewport: { width: 1280, height: 860 } })
    const away = await newParticipant(browser, { name: 'Yasmin', viewport: { width: 1280, height: 860 } })
    await openBoard(host, board.facilitatorUrl)
    await openBoard(away, board.participantUrl)

    await away.context.setOffline(true)
    await expect.poll(() => status(away)).toBe('offline')
    await addNote(away.page, 'Decision', 'Compares the refund policy before paying', 'question')
    expect(await texts(away, 'Decision')).toEqual(['Compares the refund policy before paying'])
    await away.page.waitForTimeout(300) // kept in IndexedDB

    await run({ type: 'setPhase', phase: 'cluster' })
    await run({ type: 'setPhase', phase: 'vote' })
    await away.context.setOffline(false)
    await expect.poll(() => status(away)).toBe('connected')

    // The writer: gone from the board, kept for them, with a notice that stays until they look.
    await expect.poll(() => texts(away, 'Decision'), { timeout: 10_000 }).toEqual([])
    await openDrafts(away.page)
    await expect.poll(() => drafts(away.page).count()).toBe(1)
    const d = drafts(away.page).first()
    expect(await d.locator('.draft-text').textContent()).toBe('Compares the refund policy before paying')
    expect(await d.locator('.draft-text').getAttribute('dir')).toBe('auto')
    expect(await d.locator('.draft-stage').textContent()).toBe('Stage: Decision')
    expect(await d.locator('.draft-why').textContent()).toBe(
      'This note reached the board after it moved to the Vote phase, so it was kept here for you.',
    )
    // It cannot be posted in the vote phase, and the button says why.
    const post = d.locator('.draft-post')
    expect(await post.isDisabled()).toBe(true)
    expect(await post.getAttribute('title')).toBe('Notes cannot be added or changed in the Vote phase.')
    const describedBy = (await post.getAttribute('aria-describedby'))!
    expect(await away.page.locator(`[id="${describedBy}"]`).textContent()).toBe('Notes cannot be added or changed in the Vote phase.')
    expect(await away.page.getByTestId('drafts-notice').count()).toBe(0) // opened: seen
    mkdirSync(SHOTS, { recursive: true })
    await away.page.screenshot({ path: `${SHOTS}/drafts-en-desktop.png` })

    // The facilitator: not on the board, in their browser nor on the server.
    expect(await texts(host, 'Decision')).toEqual([])
    expect(await serverNotes(board)).not.toContain('Compares the refund policy before paying')
    expect(await host.page.locator('[data-testid="drafts"]').count()).toBe(0) // nothing kept for them
    // …but they are told, beside the person, that a note of theirs waits for later (a count, not the text).
    await host.page.locator('.people summary').click()
    const yasmin = host.page.locator('.people-list li', { hasText: 'Yasmin' })
    await expect.poll(() => yasmin.getByTestId('kept-count').textContent()).toBe('1 kept for later')
    await host.page.screenshot({ path: `${SHOTS}/kept-count-facilitator.png` })
    await host.page.keyboard.press('Escape')

    // (c) A reload keeps it; the notice, already seen, does not come back. Back in ideation, it is posted again.
    await away.page.reload()
    await away.page.locator('.stage').first().waitFor()
    await expect.poll(() => away.page.locator('.drafts-toggle').textContent(), { timeout: 10_000 }).toBe('Kept for you (1)')
    expect(await away.page.getByTestId('drafts-notice').count()).toBe(0)
    await away.page.locator('.drafts-toggle').click()
    expect(await drafts(away.page).locator('.draft-text').allTextContents()).toEqual(['Compares the refund policy before paying'])

    await run({ type: 'setPhase', phase: 'ideate' })
    await expect.poll(() => drafts(away.page).first().locator('.draft-post').isEnabled()).toBe(true)
    await drafts(away.page).first().locator('.draft-post').click()
    for (const p of [away, host]) await expect.poll(() => texts(p, 'Decision')).toEqual(['Compares the refund policy before paying'])
    await expect.poll(() => away.page.locator('[data-testid="drafts"]').count()).toBe(0)
    await expect.poll(() => host.page.getByTestId('kept-count').count()).toBe(0)
    await expect.poll(() => note(away.page, 'refund policy').getAttribute('class')).toContain('kind-question')
    await host.context.close()
    await away.context.close()
  })

  it('keeps the text of a keystroke in flight when the board locks', async () => {
    const board = await createOpenBoard(server.url)
    const run = await facilitatorOf(board)
    const p = await newParticipant(browser, { name: 'Omid' })
    await openBoard(p, board.participantUrl)
    await addNote(p.page, 'Experience', 'Support answered')
    await expect.poll(async () => (await serverNotes(board)).includes('Support answered')).toBe(true)

    // The keystrokes leave the device only after the lock: they are in flight when it happens.
    await note(p.page, 'Support answered').locator('.note-text').click()
    await p.context.setOffline(true)
    await expect.poll(() => status(p)).toBe('offline')
    await p.page.locator('textarea.note-editor').press('End')
    await p.page.keyboard.type(' within an hour')
    await run({ type: 'setLocked', locked: true })
    await p.context.setOffline(false)
    await expect.poll(() => status(p)).toBe('connected')

    // The editor closed with the lock; the board keeps what it had, the typed text is kept for the writer.
    await expect.poll(() => p.page.locator('textarea.note-editor').count()).toBe(0)
    await expect.poll(() => texts(p, 'Experience'), { timeout: 10_000 }).toEqual(['Support answered'])
    await openDrafts(p.page)
    const d = drafts(p.page).first()
    expect(await d.locator('.draft-text').textContent()).toBe('Support answered within an hour')
    expect(await d.locator('.draft-why').textContent()).toBe('The board was locked when this arrived, so it was kept here for you.')
    expect(await d.locator('.draft-post').getAttribute('title')).toBe('The board is locked: nothing can change until the facilitator unlocks it.')
    // While locked, the note's own controls say why too.
    const card = note(p.page, 'Support answered')
    expect(await card.locator('.note-delete').isDisabled()).toBe(true)
    expect(await card.locator('.note-text').getAttribute('title')).toBe('The board is locked: nothing can change until the facilitator unlocks it.')
    expect(await serverNotes(board)).toEqual(['Support answered'])

    // Thrown away after asking.
    await d.locator('.draft-discard').click()
    await p.page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click()
    await expect.poll(() => p.page.locator('[data-testid="drafts"]').count()).toBe(0)
    await p.context.close()
  })

  it('shows the kept notes in Arabic on a phone', async () => {
    const board = await createOpenBoard(server.url, { title: 'رحلة عميل منصة العمل الحر', stages: ['الوعي', 'البحث والمقارنة', 'القرار'] })
    const run = await facilitatorOf(board)
    const p = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await openBoard(p, board.participantUrl)
    await p.context.setOffline(true)
    await expect.poll(() => status(p)).toBe('offline')
    await addNote(p.page, 'الوعي', 'لم يرد الدعم الفني لمدة يومين', 'pain')
    await addNote(p.page, 'القرار', 'هل يمكنني استرداد المبلغ إذا لم يعجبني العمل؟', 'question')
    await p.page.waitForTimeout(300)
    await run({ type: 'setPhase', phase: 'cluster' })
    await run({ type: 'setPhase', phase: 'vote' })
    await p.context.setOffline(false)
    await expect.poll(() => status(p)).toBe('connected')
    await openDrafts(p.page)
    await expect.poll(() => drafts(p.page).count(), { timeout: 10_000 }).toBe(2)
    expect(await drafts(p.page).first().locator('.draft-why').textContent()).toContain('التصويت')
    // Nothing runs off the screen.
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await p.page.getByTestId('drafts').scrollIntoViewIfNeeded()
    await p.page.screenshot({ path: `${SHOTS}/drafts-ar-phone.png` })
    await p.context.close()
  })
})
