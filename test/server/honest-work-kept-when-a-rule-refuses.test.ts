// What a rule of the moment (phase, lock, reveal) does not take costs nobody their work: the writer keeps
// their socket, the board is reverted by the server so every client converges without a reload, and what
// they wrote waits in their drafts. Votes close at the reveal and survive going back a phase.
import { describe, expect, it } from 'vitest'
import { readDrafts } from '../../shared/drafts.js'
import { addNote, moveNote, noteText, readBoard, setNoteText } from '../../shared/schema.js'
import { readSession } from '../../shared/sessionDoc.js'
import { stockClient, synced, until, type Member, type StockClient } from '../helpers/clients.js'
import { settle } from '../helpers/crafted.js'
import { act } from '../helpers/server.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest()

const stage = (m: StockClient, i = 0) => readBoard(m.doc).stages[i]!.id
const own = async (m: Member) => {
  const c = stockClient(t.srv.wsUrl, `${t.w.id}/private`, { token: m.token })
  t.extra.push(c)
  await synced(c)
  return c
}
const dropped = (m: StockClient) => {
  let closed = false
  m.provider.on('connection-close', () => (closed = true))
  return () => closed
}

async function openIdeate() {
  t.w = await workshop(t.srv, ['Sara', 'Omid'])
  await t.w.run({ type: 'setPhase', phase: 'ideate' })
  await t.w.run({ type: 'setPrivateWriting', on: false })
  const [sara, omid] = t.w.people as [Member, Member]
  await until(() => !readSession(sara.doc).privateWriting && readSession(sara.doc).phase === 'ideate', 'open ideate')
  return { sara, omid }
}

describe('honest work a rule of the moment does not take', () => {
  it('a note written offline reaches the board after it moved to vote: kept in its writer\'s drafts, socket kept', async () => {
    const { sara } = await openIdeate()
    const mine = await own(sara)
    sara.provider.disconnect()
    addNote(sara.doc, { id: 'offline-1', stageId: stage(sara), kind: 'pain', text: 'كتبتها بلا اتصال', authorId: sara.me })
    await t.w.run({ type: 'setPhase', phase: 'vote' })
    const wasDropped = dropped(sara)
    sara.provider.connect()
    await until(() => readDrafts(mine.doc).length === 1, 'the draft')
    expect(readDrafts(mine.doc)[0]).toMatchObject({ id: 'offline-1', text: 'كتبتها بلا اتصال', kind: 'pain', code: 'phase' })
    // Reverted on the board: her own copy converges without a reload, and nobody else ever shows it.
    await until(() => !sara.doc.getMap('notes').has('offline-1'), 'her copy to converge')
    await settle()
    expect(t.w.facilitator.doc.getMap('notes').has('offline-1')).toBe(false)
    expect(wasDropped()).toBe(false)
    expect(sara.provider.wsconnected).toBe(true)
    // The facilitator is told how many of her notes wait, and no more once she has dealt with them.
    await until(() => t.w.facilitator.doc.getMap('kept').get(sara.me) === 1, 'the count for the facilitator')
    mine.doc.getMap('drafts').delete('offline-1')
    await until(() => !t.w.facilitator.doc.getMap('kept').has(sara.me), 'the count to clear')
  })

  it('a keystroke in flight when the board locks: the text as she typed it is in her drafts', async () => {
    const { sara } = await openIdeate()
    addNote(sara.doc, { id: 's1', stageId: stage(sara), kind: 'idea', text: 'يحتاج', authorId: sara.me })
    await until(() => t.w.facilitator.doc.getMap('notes').has('s1'), 'her note')
    const mine = await own(sara)
    sara.provider.disconnect()
    setNoteText(sara.doc, 's1', 'يحتاج دليلًا')
    await t.w.run({ type: 'setLocked', locked: true })
    sara.provider.connect()
    await until(() => readDrafts(mine.doc).length === 1, 'the draft')
    expect(readDrafts(mine.doc)[0]).toMatchObject({ id: 's1', text: 'يحتاج دليلًا', code: 'locked' })
    await until(() => noteText(sara.doc, 's1')?.toString() === 'يحتاج', 'her copy to converge')
    expect(noteText(t.w.facilitator.doc, 's1')!.toString()).toBe('يحتاج')
  })

  it('a move while locked is reverted everywhere, and other roots in the same update are kept', async () => {
    const { sara } = await openIdeate()
    addNote(sara.doc, { id: 's1', stageId: stage(sara), kind: 'idea', text: 'نقل', authorId: sara.me })
    await until(() => t.w.facilitator.doc.getMap('notes').has('s1'), 'her note')
    await t.w.run({ type: 'setLocked', locked: true })
    await until(() => readSession(sara.doc).locked, 'the lock')
    moveNote(sara.doc, 's1', stage(sara, 1), 0)
    await until(() => readBoard(sara.doc).notes[0]!.stageId === stage(sara, 0), 'the move to be reverted')
    expect(readBoard(t.w.facilitator.doc).notes[0]!.stageId).toBe(stage(sara, 0))
  })

  it('a private note written after the reveal, while the board takes none, goes to drafts', async () => {
    t.w = await workshop(t.srv, ['Sara'])
    const [sara] = t.w.people as [Member]
    await t.w.run({ type: 'setPhase', phase: 'ideate' })
    const mine = await own(sara)
    mine.provider.disconnect()
    addNote(mine.doc, { id: 'late', stageId: stage(sara), kind: 'idea', text: 'خصوصية متأخرة', authorId: sara.me })
    await t.w.run({ type: 'setPhase', phase: 'vote' })
    mine.provider.connect()
    await until(() => readDrafts(mine.doc).length === 1, 'the draft')
    expect(readDrafts(mine.doc)[0]).toMatchObject({ id: 'late', code: 'phase' })
    expect(t.w.facilitator.doc.getMap('notes').has('late')).toBe(false)
    expect(mine.doc.getMap('notes').has('late')).toBe(false)
  })
})

describe('voting closes at the reveal', () => {
  it('refuses a vote after revealVotes until reopened; going back a phase and forward keeps every vote', async () => {
    const { sara } = await openIdeate()
    addNote(sara.doc, { id: 'constructor', stageId: stage(sara), kind: 'idea', text: 'a', authorId: sara.me })
    addNote(sara.doc, { id: '__proto__', stageId: stage(sara), kind: 'idea', text: 'b', authorId: sara.me })
    addNote(sara.doc, { id: 'plain', stageId: stage(sara), kind: 'idea', text: 'c', authorId: sara.me })
    await until(() => t.w.facilitator.doc.getMap('notes').size === 3, 'three notes')
    await t.w.run({ type: 'setPhase', phase: 'vote' })
    const vote = (itemId: string, delta: 1 | -1 = 1) => act(t.srv.url, t.w.id, sara.token, { type: 'vote', itemId, delta })

    // Prototype-named items: the budget of 5 holds.
    const answers = []
    for (let i = 0; i < 12; i++) answers.push((await vote(['constructor', '__proto__', 'plain'][i % 3]!)).status)
    expect(answers.filter((s) => s === 200)).toHaveLength(5)
    const mine = await own(sara)
    await until(() => [...mine.doc.getMap<number>('ballot').values()].reduce((a, n) => a + n, 0) === 5, 'the ballot')
    const entries = (m: StockClient, root: string) => [...m.doc.getMap<number>(root)].sort()
    expect(entries(mine, 'ballot')).toEqual([['__proto__', 2], ['constructor', 2], ['plain', 1]])

    await t.w.run({ type: 'revealVotes' })
    await until(() => t.w.facilitator.doc.getMap('tally').size === 3, 'the tally')
    const after = await vote('plain', -1)
    expect(after.status).toBe(409)
    expect(after.body.error?.code).toBe('voting_closed')

    await t.w.run({ type: 'setPhase', phase: 'cluster' })
    await t.w.run({ type: 'setPhase', phase: 'vote' })
    expect((await vote('plain', -1)).body.error?.code).toBe('voting_closed')
    await t.w.run({ type: 'reopenVoting' })
    expect((await vote('plain', -1)).status).toBe(200)
    expect((await vote('plain')).status).toBe(200)
    await t.w.run({ type: 'revealVotes' })
    await until(() => t.w.facilitator.doc.getMap('tally').get('plain') === 1, 'the tally again')
    expect(entries(t.w.facilitator, 'tally')).toEqual([['__proto__', 2], ['constructor', 2], ['plain', 1]])
  })
})
