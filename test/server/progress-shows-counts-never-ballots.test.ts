// Progress at a glance, on the server: the `progress` root says how many votes each person spent and whether
// they are done with the phase, never on what they voted; only the server writes it, only when a number
// changes; observers cannot mark themselves done, and a new phase clears every mark.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { readProgress, readTally } from '../../shared/sessionDoc.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { act } from '../helpers/server.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest<Member>()

const closeCode = (m: Member) =>
  new Promise<number>((resolve) => m.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)))
const settle = () => new Promise((r) => setTimeout(r, 150))

/** How many transactions from the server changed the `progress` root of `doc`. */
function countProgressWrites(doc: Y.Doc) {
  const counter = { n: 0 }
  doc.getMap('progress').observe(() => counter.n++)
  return counter
}

/** A board in the vote phase with three lone notes, for Layla and Kaveh. */
async function votingBoard() {
  t.w = await workshop(t.srv, ['Layla', 'Kaveh'])
  await t.w.run({ type: 'setPhase', phase: 'ideate' })
  await t.w.run({ type: 'setPrivateWriting', on: false })
  const [layla] = t.w.people as [Member]
  await t.w.seesPhase(layla, 'ideate')
  const stageId = readBoard(layla.doc).stages[0]!.id
  const texts = ['يبحث في جوجل عن منصة عمل حر', 'سبد خرید را نیمه‌کاره رها می‌کند', 'Asks a friend']
  texts.forEach((text, i) => addNote(layla.doc, { id: `item-${i}`, stageId, kind: 'action', text, authorId: layla.me }))
  await until(() => t.w.facilitator.doc.getMap('notes').size === 3, 'notes on the board')
  await t.w.run({ type: 'setPhase', phase: 'vote' })
  await t.w.seesPhase(layla, 'vote')
  return t.w
}

describe('progress', () => {
  it('shows the votes each person spent to everyone, without which items, and writes only changes', async () => {
    await votingBoard()
    const [layla, kaveh] = t.w.people as [Member, Member]
    const writes = countProgressWrites(t.w.facilitator.doc)
    const vote = (itemId: string, delta: 1 | -1 = 1) => act(t.srv.url, t.w.id, layla.token, { type: 'vote', itemId, delta })
    for (const id of ['item-0', 'item-0', 'item-2']) expect((await vote(id)).status).toBe(200)
    for (const m of [t.w.facilitator, kaveh]) {
      await until(() => readProgress(m.doc)[layla.me]?.votes === 3, 'three votes spent')
      expect(readProgress(m.doc)).toEqual({ [layla.me]: { votes: 3, done: false } })
      expect(readTally(m.doc)).toEqual({})
      // Nothing on the board says which items got them.
      expect(JSON.stringify(m.doc.getMap('progress').toJSON())).not.toMatch(/item-/)
    }
    expect(writes.n).toBe(3)

    // A refused vote changes no number, so nothing is written.
    expect((await act(t.srv.url, t.w.id, layla.token, { type: 'vote', itemId: 'nope', delta: 1 })).status).toBe(409)
    expect((await vote('item-1', -1)).status).toBe(409)
    await settle()
    expect(writes.n).toBe(3)

    // Taking one back is seen too.
    expect((await vote('item-2', -1)).status).toBe(200)
    await until(() => readProgress(kaveh.doc)[layla.me]?.votes === 2, 'two votes spent')
    expect(writes.n).toBe(4)
  })

  it('records a participant done for the phase, refuses observers, and clears every mark on a new phase', async () => {
    t.w = await workshop(t.srv, ['Sara', 'Omid'])
    await t.w.run({ type: 'setPhase', phase: 'ideate' })
    const [sara, omid] = t.w.people as [Member, Member]
    const observer = await member(t.srv.url, t.w.id, { observer: true })
    t.extra.push(observer)
    await synced(observer)
    const writes = countProgressWrites(omid.doc)

    const refused = await act(t.srv.url, t.w.id, observer.token, { type: 'markDone', done: true })
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'observer'])
    expect((await act(t.srv.url, t.w.id, sara.token, { type: 'markDone', done: true })).status).toBe(200)
    await until(() => readProgress(omid.doc)[sara.me]?.done === true, 'Sara done')
    expect(readProgress(omid.doc)).toEqual({ [sara.me]: { votes: 0, done: true } })
    expect(readProgress(observer.doc)[observer.me]).toBeUndefined()

    // Saying it twice writes once; a bad body is refused by the schema.
    expect((await act(t.srv.url, t.w.id, sara.token, { type: 'markDone', done: true })).status).toBe(200)
    const bad = await act(t.srv.url, t.w.id, sara.token, { type: 'markDone', done: 'yes' } as never)
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'invalid_action'])
    await settle()
    expect(writes.n).toBe(1)

    await t.w.run({ type: 'setPhase', phase: 'cluster' })
    await until(() => !readProgress(omid.doc)[sara.me], 'the mark cleared')
    expect(readProgress(t.w.facilitator.doc)).toEqual({})
  })

  it('refuses a client that writes the progress root (4403): nothing of it is kept', async () => {
    t.w = await workshop(t.srv, ['Cheater', 'Honest'])
    await t.w.run({ type: 'setPhase', phase: 'vote' })
    const [cheater, honest] = t.w.people as [Member, Member]
    await t.w.seesPhase(cheater, 'vote')
    const closed = closeCode(cheater)
    cheater.doc.getMap('progress').set(cheater.me, { votes: 0, done: true })
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(readProgress(honest.doc)).toEqual({})
    expect(readProgress(t.w.facilitator.doc)).toEqual({})
  })
})
