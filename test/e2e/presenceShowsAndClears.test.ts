// Presence: everyone sees who is here (names and colours), where the others point on the board, and
// someone leaving disappears from the list and the board at once.
import * as decoding from 'lib0/decoding'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/schema.js'
import { createOpenBoard } from '../helpers/boards.js'
import { member, synced } from '../helpers/clients.js'
import { addNote, newParticipant, note, openBoard, type Participant } from '../helpers/browser.js'
import type { TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

/** The awareness client ids in each awareness frame (type 1) a page sends. */
function awarenessSent(p: Participant): number[][] {
  const sent: number[][] = []
  p.page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') return
      const d = decoding.createDecoder(new Uint8Array(payload))
      if (decoding.readVarUint(d) !== 1) return
      const u = decoding.createDecoder(decoding.readVarUint8Array(d))
      const ids: number[] = []
      for (let n = decoding.readVarUint(u); n > 0; n--) {
        ids.push(decoding.readVarUint(u))
        decoding.readVarUint(u) // clock
        decoding.readVarString(u) // state
      }
      sent.push(ids)
    }),
  )
  return sent
}

const names = (p: Participant) => p.page.locator('.people-list .person-name').allTextContents()

describe('presence', () => {
  it('lists people, shows their cursors, and clears them when they leave', async () => {
    const board = await createOpenBoard(server.url)
    const nadia = await newParticipant(browser, { name: 'نادیا', viewport: { width: 1400, height: 800 } })
    const tom = await newParticipant(browser, { name: 'Tom', viewport: { width: 1000, height: 700 } })
    await openBoard(nadia, board.participantUrl)
    await openBoard(tom, board.participantUrl)
    await addNote(nadia.page, 'Decision', 'Pays by card')

    await nadia.page.locator('.people summary').click()
    await expect.poll(() => names(nadia)).toEqual(['نادیا (you)', 'Tom'])
    await expect.poll(() => nadia.page.locator('.people-count').textContent()).toBe('2 people here')
    const dot = await nadia.page.locator('.people-list li', { hasText: 'Tom' }).evaluate((li) => getComputedStyle(li.querySelector('.person-dot')!).backgroundColor)
    expect(dot).toMatch(/^rgb/)

    // Tom points at the middle of the note; Nadia's window is wider, yet his cursor is over that note.
    const target = (await note(tom.page, 'Pays by card').boundingBox())!
    await tom.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2)
    await tom.page.mouse.move(target.x + target.width / 2 + 1, target.y + target.height / 2)
    const cursor = nadia.page.locator('.cursor', { hasText: 'Tom' })
    await cursor.waitFor()
    await nadia.page.waitForTimeout(200) // the cursor glides to its place
    const there = (await note(nadia.page, 'Pays by card').boundingBox())!
    const tip = (await cursor.locator('svg').boundingBox())!
    expect(Math.abs(tip.x - (there.x + there.width / 2))).toBeLessThan(4)
    expect(Math.abs(tip.y - (there.y + there.height / 2))).toBeLessThan(4)

    // Leaving the board's area hides the cursor.
    await tom.page.mouse.move(5, 5)
    await expect.poll(() => cursor.isVisible()).toBe(false)

    await tom.context.close()
    await expect.poll(() => names(nadia), { timeout: 5000 }).toEqual(['نادیا (you)'])
    await expect.poll(() => nadia.page.locator('.cursor').count()).toBe(0)
    await nadia.context.close()
  })

  it('shows who is typing in which note', async () => {
    const board = await createOpenBoard(server.url)
    const a = await newParticipant(browser, { name: 'Hoda' })
    const b = await newParticipant(browser, { name: 'Reza' })
    await openBoard(a, board.participantUrl)
    await openBoard(b, board.participantUrl)
    // Each types in a note of their own (a note's text is its author's, or the facilitator's).
    await addNote(a.page, 'Awareness', 'Reads a blog post')
    await addNote(b.page, 'Awareness', 'Asks a friend')
    await note(a.page, 'Asks a friend').waitFor()
    await note(b.page, 'Asks a friend').locator('.note-text').click()
    await expect.poll(() => note(a.page, 'Asks a friend').locator('.typing').textContent()).toBe('Reza is typing…')
    expect(await note(a.page, 'Reads a blog').locator('.typing').count()).toBe(0)
    await b.page.keyboard.press('Escape')
    await expect.poll(() => note(a.page, 'Asks a friend').locator('.typing').count()).toBe(0)
    await a.context.close()
    await b.context.close()
  })

  // The stock provider sends back every change it hears of, 200 people's cursors too; the server would only
  // drop them, since a connection speaks for its own client alone.
  it('sends only its own presence, never echoes the others', async () => {
    const board = await createOpenBoard(server.url)
    const sara = await newParticipant(browser, { name: 'Sara' })
    const sent = awarenessSent(sara)
    await openBoard(sara, board.participantUrl)
    const remote = await member(server.url, board.id, { name: 'Remote' })
    await synced(remote)
    const stageId = readBoard(remote.doc).stages[0]!.id
    const user = { id: remote.me, name: 'Remote', color: '#336699', role: 'participant' }
    for (let i = 0; i <= 20; i++) {
      remote.provider.awareness.setLocalState({ user, typing: null, cursor: { stageId, noteId: null, x: i / 20, y: 0.5 } })
      await new Promise((r) => setTimeout(r, 40))
    }
    await sara.page.locator('.cursor', { hasText: 'Remote' }).waitFor()
    // Her own pointer still goes out.
    const before = sent.length
    const col = (await sara.page.locator('.stage').first().boundingBox())!
    await sara.page.mouse.move(col.x + col.width / 2, col.y + col.height / 2)
    await sara.page.mouse.move(col.x + col.width / 2 + 5, col.y + col.height / 2)
    await expect.poll(() => sent.length).toBeGreaterThan(before)
    await sara.page.waitForTimeout(300)
    const ids = new Set(sent.flat())
    expect(ids.has(remote.provider.awareness.clientID)).toBe(false)
    expect(ids.size).toBeGreaterThanOrEqual(1)
    remote.destroy()
    await sara.context.close()
  })
})
