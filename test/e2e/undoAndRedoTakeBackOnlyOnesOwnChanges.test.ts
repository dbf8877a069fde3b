// Undo and redo of one's own changes in Chromium: Leila's text edits, moves and deletes are taken back
// and redone (keys, header buttons, and the "Note deleted — Undo" notice) while Omid edits his own notes at
// the same time; his edits survive, on both pages. In the vote phase her undo is refused with the rule's
// reason and her work stays; back in clustering the same step undoes. Notes written privately are taken back in
// the private document. Screenshots: the header buttons, the delete notice and the shortcut list in Arabic
// (RTL), on a desktop and on a 390×844 phone.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '../../shared/api.js'
import type { Action } from '../../shared/workshop.js'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, newParticipant, note, pickKind, openBoard, stage, type Participant } from '../helpers/browser.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { act, createBoard, joinBoard, type TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const SHOTS = '/tmp/shots-undo'
const texts = (p: Participant, stageName: string) => stage(p.page, stageName).locator('.note-text').allTextContents()
const announced = (page: Page) => page.getByTestId('announcer').textContent().then((t) => t?.replace(/\u200b/g, ''))
const notice = (page: Page) => page.getByTestId('undo-notice')
/** Both pages show `stageName` holding exactly these notes. */
const bothSee = (people: Participant[], stageName: string, want: string[]) =>
  Promise.all(people.map((p) => expect.poll(() => texts(p, stageName)).toEqual(want)))

async function facilitatorOf(board: CreateBoardResponse) {
  const { token } = await joinBoard(server.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  return async (action: Action) => {
    const res = await act(server.url, board.id, token, action)
    expect(res.status, `${action.type}: ${JSON.stringify(res.body)}`).toBe(200)
  }
}

/** Types at the end of a note's text and leaves the editor. */
async function typeInto(p: Participant, text: string, more: string) {
  await note(p.page, text).locator('.note-text').click()
  await p.page.locator('textarea.note-editor').press('End')
  await p.page.keyboard.type(more)
  await p.page.keyboard.press('Escape')
}

describe('undo and redo', () => {
  it("take back only one's own edits, moves and deletes while another person edits", async () => {
    const board = await createOpenBoard(server.url, { stages: ['Awareness', 'Consideration', 'Decision'] })
    const run = await facilitatorOf(board)
    const [leila, omid] = await Promise.all(['Leila', 'Omid'].map((name) => newParticipant(browser, { name })))
    await Promise.all([leila, omid].map((p) => openBoard(p!, board.participantUrl)))
    const people = [leila!, omid!]
    const L = leila!.page
    expect(await L.getByTestId('undo').isDisabled()).toBe(true)
    expect(await L.getByTestId('redo').isDisabled()).toBe(true)

    await addNote(L, 'Awareness', 'Searches for a freelancer', 'action')
    await addNote(omid!.page, 'Consideration', 'Reads reviews', 'action')
    await addNote(omid!.page, 'Consideration', 'Compares prices', 'touchpoint')
    await bothSee(people, 'Consideration', ['Reads reviews', 'Compares prices'])
    expect(await L.getByTestId('undo').isDisabled()).toBe(false)

    // Text: Leila adds to her note while Omid types into one of his and changes the kind of the other.
    await typeInto(leila!, 'Searches for a freelancer', ' on Google')
    await typeInto(omid!, 'Reads reviews', ' of sellers')
    await pickKind(note(omid!.page, 'Compares prices'), 'pain')
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])
    await note(L, 'on Google').focus()
    await L.keyboard.press('Control+z')
    await bothSee(people, 'Awareness', ['Searches for a freelancer'])
    expect(await announced(L)).toBe('Undone.')
    await bothSee(people, 'Consideration', ['Reads reviews of sellers', 'Compares prices'])
    for (const p of people) await expect.poll(() => note(p.page, 'Compares prices').getAttribute('class')).toContain('kind-pain')
    await L.keyboard.press('Control+Shift+z')
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])
    expect(await announced(L)).toBe('Redone.')

    // A move, taken back with the header's button and done again with Ctrl+Y, while Omid keeps typing.
    await note(L, 'on Google').focus()
    await L.keyboard.press('Alt+ArrowRight')
    await bothSee(people, 'Consideration', ['Searches for a freelancer on Google', 'Reads reviews of sellers', 'Compares prices'])
    await typeInto(omid!, 'Compares prices', ' on three sites')
    await L.getByTestId('undo').click()
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])
    await bothSee(people, 'Consideration', ['Reads reviews of sellers', 'Compares prices on three sites'])
    await note(L, 'on Google').focus()
    await L.keyboard.press('Control+y')
    await bothSee(people, 'Awareness', [])
    await L.getByTestId('undo').click()
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])

    // Omid's own undo takes back his typing only: Leila's note stays where she put it.
    await note(omid!.page, 'three sites').focus()
    await omid!.page.keyboard.press('Control+z')
    await bothSee(people, 'Consideration', ['Reads reviews of sellers', 'Compares prices'])
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])

    // Delete, then bring it back from the notice after Omid has changed his note meanwhile.
    const card = note(L, 'on Google')
    await card.getByRole('button', { name: 'Delete note' }).click()
    await bothSee(people, 'Awareness', [])
    await notice(L).waitFor()
    expect(await notice(L).locator('p').textContent()).toBe('Note deleted')
    expect(await announced(L)).toBe('Note deleted. To bring it back: Ctrl+Z, or Undo in the notice.')
    await typeInto(omid!, 'Reads reviews of sellers', ' and their ratings')
    await notice(L).getByRole('button', { name: 'Undo' }).click()
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])
    expect(await announced(L)).toBe('Note restored.')
    await expect.poll(() => notice(L).count()).toBe(0)
    for (const p of people) expect(await note(p.page, 'on Google').getAttribute('class')).toContain('kind-action')
    await bothSee(people, 'Consideration', ['Reads reviews of sellers and their ratings', 'Compares prices'])

    // Delete from the keyboard: focus goes to the stage's composer, where Ctrl+Z (nothing typed there yet) undoes
    // on the board; Ctrl+Shift+Z deletes it again, and the Undo button brings it back once more.
    await note(L, 'on Google').focus()
    await L.keyboard.press('Delete')
    await bothSee(people, 'Awareness', [])
    expect(await L.evaluate(() => document.activeElement?.className)).toBe('composer-text')
    await L.keyboard.press('Control+z')
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])
    await L.keyboard.press('Control+Shift+z')
    await bothSee(people, 'Awareness', [])
    await L.getByTestId('undo').click()
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])

    // She moves it again; in the vote phase, her undo of that move is refused with the reason, and nothing changes.
    await note(L, 'on Google').focus()
    await L.keyboard.press('Alt+ArrowRight')
    await bothSee(people, 'Consideration', ['Searches for a freelancer on Google', 'Reads reviews of sellers and their ratings', 'Compares prices'])
    await run({ type: 'setPhase', phase: 'vote' })
    await expect.poll(() => L.locator('.note.fixed').count()).toBe(3) // the board says notes no longer move
    await L.getByTestId('undo').click()
    const refusal = 'Nothing was undone. Notes cannot be added or changed in the Vote phase.'
    await expect.poll(() => notice(L).locator('p').textContent()).toBe(refusal)
    expect(await announced(L)).toBe(refusal)
    mkdirSync(SHOTS, { recursive: true })
    await L.screenshot({ path: `${SHOTS}/refused-en.png` })
    await L.keyboard.press('Control+z') // from anywhere outside a field, the same answer
    await L.waitForTimeout(300)
    await bothSee(people, 'Consideration', ['Searches for a freelancer on Google', 'Reads reviews of sellers and their ratings', 'Compares prices'])
    expect(await L.getByTestId('undo').isDisabled()).toBe(false) // the step is kept
    await run({ type: 'setPhase', phase: 'cluster' })
    await expect.poll(() => L.locator('.note.fixed').count()).toBe(0)
    await L.getByTestId('undo').click()
    await bothSee(people, 'Awareness', ['Searches for a freelancer on Google'])
    await bothSee(people, 'Consideration', ['Reads reviews of sellers and their ratings', 'Compares prices'])
    await Promise.all(people.map((p) => p.context.close()))
  })

  it('takes back notes written privately, in their own document, and once they are revealed what she does on the board', async () => {
    const board = await createBoard(server.url, { stages: ['Awareness', 'Decision'] })
    const run = await facilitatorOf(board)
    await run({ type: 'setPhase', phase: 'ideate' }) // writing privately, as a board starts
    const [sara, omid] = await Promise.all(['Sara', 'Omid'].map((name) => newParticipant(browser, { name })))
    await Promise.all([sara, omid].map((p) => openBoard(p!, board.participantUrl)))
    const S = sara!.page
    await addNote(S, 'Awareness', 'Abandons the cart at the shipping step', 'pain')
    await addNote(S, 'Awareness', 'Wants a mobile app', 'idea')
    const faceDown = async () => {
      const cards = omid!.page.getByTestId('face-down')
      return (await cards.count()) ? cards.getAttribute('data-count') : '0'
    }
    await expect.poll(faceDown).toBe('2')
    await typeInto(sara!, 'Wants a mobile app', ' to track orders')
    await note(S, 'track orders').focus()
    await S.keyboard.press('Control+z')
    await expect.poll(() => texts(sara!, 'Awareness')).toEqual(['Abandons the cart at the shipping step', 'Wants a mobile app'])
    await S.keyboard.press('Control+z')
    await expect.poll(() => texts(sara!, 'Awareness')).toEqual(['Abandons the cart at the shipping step'])
    await expect.poll(faceDown).toBe('1') // the server's private document lost it too
    await S.getByTestId('redo').click()
    await expect.poll(faceDown).toBe('2')
    // Revealed, the notes are on the board for everyone.
    await run({ type: 'revealNotes' })
    const both = ['Abandons the cart at the shipping step', 'Wants a mobile app']
    await expect.poll(() => texts(omid!, 'Awareness')).toEqual(both)
    // Her private steps went with the reveal: there is nothing to undo until she changes the board.
    await expect.poll(() => S.getByTestId('undo').isDisabled()).toBe(true)
    await note(S, 'mobile app').focus()
    await S.keyboard.press('Alt+ArrowRight')
    await expect.poll(() => texts(omid!, 'Decision')).toEqual(['Wants a mobile app'])
    await S.keyboard.press('Control+z')
    await expect.poll(() => texts(omid!, 'Awareness')).toEqual(both)
    // What she wrote privately has left her private document for the board: nothing is left there to undo.
    await S.keyboard.press('Control+z')
    expect(await announced(S)).toBe('Nothing of yours to undo.')
    await S.waitForTimeout(300)
    for (const p of [sara!, omid!]) expect(await texts(p, 'Awareness')).toEqual(both)
    await Promise.all([sara!, omid!].map((p) => p.context.close()))
  })

  it('shows the buttons and the delete notice right to left in Arabic, on a desktop and on a phone', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const board = await createOpenBoard(server.url, { title: 'رحلة العميل', stages: ['الوعي', 'البحث والمقارنة', 'القرار'] })
    for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const) {
      const p = await newParticipant(browser, { name: 'ليلى', lang: 'ar', viewport, deviceScaleFactor: 2, ...(name === 'phone' ? { isMobile: true, hasTouch: true } : {}) })
      await openBoard(p, board.participantUrl)
      const undo = p.page.getByTestId('undo')
      expect(await undo.getAttribute('aria-label')).toBe('تراجع')
      expect(await undo.getAttribute('title')).toBe('التراجع عن آخر تغيير (Ctrl+Z)')
      const text = `لم يرد الدعم الفني لمدة يومين ${name}`
      await addNote(p.page, 'الوعي', text, 'pain')
      await p.page.screenshot({ path: `${SHOTS}/header-ar-${name}.png` })
      await note(p.page, text).getByRole('button', { name: 'حذف الملاحظة' }).click()
      await notice(p.page).waitFor()
      expect(await notice(p.page).locator('p').textContent()).toBe('حُذفت الملاحظة')
      // The notice sits inside the screen, above the phone's stage pager.
      const box = (await notice(p.page).boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
      if (name === 'phone') expect(box.y + box.height).toBeLessThanOrEqual((await p.page.locator('.stage-strip').boundingBox())!.y)
      await p.page.screenshot({ path: `${SHOTS}/notice-ar-${name}.png` })
      await p.page.locator('.undo-buttons').screenshot({ path: `${SHOTS}/buttons-ar-${name}.png` })
      await notice(p.page).getByRole('button', { name: 'تراجع' }).click()
      await expect.poll(() => note(p.page, text).count()).toBe(1)
      await p.page.locator('.shortcuts summary').click()
      expect(await p.page.locator('.shortcuts li').last().textContent()).toContain('Ctrl+Shift+Z')
      await p.page.locator('.board-foot').screenshot({ path: `${SHOTS}/shortcuts-ar-${name}.png` })
      await p.context.close()
    }
  })
})
