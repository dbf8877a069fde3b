// Three people on one board: every note added, edited, moved (by drag and drop) or deleted by one of
// them reaches the other two live; a remote edit does not move the caret of someone typing. (A note's text
// is its author's or the facilitator's, as the rule table says: the two typing at once are those two.)
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, launchBrowser, newParticipant, note, openBoard, stage, type Participant } from '../helpers/browser.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import type { CreateBoardResponse } from '../../shared/api.js'

let server: TestServer
let browser: Browser
let people: Participant[]
let board: CreateBoardResponse

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createOpenBoard(server.url, { title: 'رحلة العميل', stages: ['Awareness', 'Consideration', 'Decision'] })
  people = await Promise.all(['Leila', 'Omid', 'Sami'].map((name) => newParticipant(browser, { name })))
  await Promise.all(people.map((p) => openBoard(p, board.participantUrl)))
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const texts = (p: Participant, stageName: string) => stage(p.page, stageName).locator('.note-text').allTextContents()

describe('live board', () => {
  it('shows a new note to everyone, with its kind', async () => {
    const [a, b, c] = people
    await addNote(a!.page, 'Awareness', 'Sees a friend recommend the platform', 'touchpoint')
    // The author has it at once; the others get it live.
    expect(await texts(a!, 'Awareness')).toEqual(['Sees a friend recommend the platform'])
    for (const p of [b!, c!]) await expect.poll(() => texts(p, 'Awareness')).toEqual(['Sees a friend recommend the platform'])
    expect(await note(c!.page, 'recommend').locator('.kind-badge').textContent()).toBe('Touchpoint')
  })

  it('propagates edits, keeping a typing person’s caret in place', async () => {
    const [a, , c] = people
    const host = await newParticipant(browser, { name: 'Rana' })
    await openBoard(host, board.facilitatorUrl)
    await addNote(c!.page, 'Consideration', 'compares prices', 'action')
    await expect.poll(() => texts(a!, 'Consideration')).toEqual(['compares prices'])
    // Leila did not write it: she cannot start editing its text, and the note says why.
    await note(a!.page, 'compares prices').locator('.note-text').click()
    expect(await a!.page.locator('textarea.note-editor').count()).toBe(0)
    expect(await note(a!.page, 'compares prices').locator('.note-text').getAttribute('title')).toBe(
      'Only the person who wrote this note, or the facilitator, can change its text.',
    )

    // Sami, its author, starts typing at the end of the note while the facilitator types at its start.
    await note(c!.page, 'compares prices').locator('.note-text').click()
    const editor = c!.page.locator('textarea.note-editor')
    await editor.press('End')
    await expect.poll(() => a!.page.locator('.note .typing').textContent()).toBe('Sami is typing…')
    await note(host.page, 'compares prices').locator('.note-text').click({ position: { x: 1, y: 5 } })
    await host.page.locator('textarea.note-editor').press('Home')
    await host.page.keyboard.type('Often ')
    await expect.poll(() => editor.inputValue()).toBe('Often compares prices')
    await c!.page.keyboard.type(' and reviews')
    await c!.page.keyboard.press('Escape')
    await host.page.keyboard.press('Escape')
    for (const p of [...people, host]) await expect.poll(() => texts(p, 'Consideration')).toEqual(['Often compares prices and reviews'])
    await expect.poll(() => a!.page.locator('.note .typing').count()).toBe(0)
    await host.context.close()
  })

  it('moves a note by drag and drop for everyone', async () => {
    const [a, b] = people
    const card = note(b!.page, 'Often compares')
    const target = stage(b!.page, 'Decision').locator('.notes')
    const from = (await card.locator('.kind-badge').boundingBox())!
    const to = (await target.boundingBox())!
    await b!.page.mouse.move(from.x + 5, from.y + 5)
    await b!.page.mouse.down()
    for (let i = 1; i <= 8; i++) {
      await b!.page.mouse.move(from.x + ((to.x + 20 - from.x) * i) / 8, from.y + ((to.y + 4 - from.y) * i) / 8)
    }
    await b!.page.mouse.up()
    for (const p of [a!, b!]) {
      await expect.poll(() => texts(p, 'Decision')).toEqual(['Often compares prices and reviews'])
      expect(await texts(p, 'Consideration')).toEqual([])
    }
    expect(await b!.page.getByTestId('announcer').textContent()).toContain('Moved to Decision, position 1 of 1.')
  })

  it('lets only the author delete a note, and the deletion reaches everyone', async () => {
    const [a, b, c] = people
    expect(await note(b!.page, 'recommend').locator('.note-delete').count()).toBe(0)
    await note(a!.page, 'recommend').getByRole('button', { name: 'Delete note' }).click()
    for (const p of [a!, b!, c!]) await expect.poll(() => texts(p, 'Awareness')).toEqual([])
  })
})
