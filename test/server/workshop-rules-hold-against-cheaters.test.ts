import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, deleteNote, readBoard, roots } from '../../shared/schema.js'
import { readSession } from '../../shared/sessionDoc.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { act } from '../helpers/server.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest<Member>()

const closeCode = (m: Member) =>
  new Promise<number>((resolve) => m.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)))
const stage = (m: Member, i = 0) => readBoard(m.doc).stages[i]!.id
const settle = () => new Promise((r) => setTimeout(r, 150))

describe('the server enforces the workshop', () => {
  it("refuses an observer's edits (4403): the document is unchanged for everyone", async () => {
    t.w = await workshop(t.srv, ['Sara'])
    await t.w.run({ type: 'setPhase', phase: 'ideate' })
    await t.w.run({ type: 'setPrivateWriting', on: false })
    const observer = await member(t.srv.url, t.w.id, { observer: true })
    t.extra.push(observer)
    await synced(observer)
    const before = Y.encodeStateVector(t.w.facilitator.doc)
    const closed = closeCode(observer)
    addNote(observer.doc, { id: 'obs', stageId: stage(observer), kind: 'idea', text: 'من هنا', authorId: observer.me })
    roots(observer.doc).meta.set('title', 'hijacked')
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(Y.encodeStateVector(t.w.facilitator.doc)).toEqual(before)
    expect(t.w.people[0]!.doc.getMap('notes').has('obs')).toBe(false)
  })

  it.each([
    ['change the phase', (d: Y.Doc) => d.getMap('session').set('phase', 'vote')],
    ['start the timer', (d: Y.Doc) => d.getMap('session').set('timer', { endsAt: Date.now() + 1e6, remainingMs: null })],
    ['raise the budget', (d: Y.Doc) => d.getMap('session').set('budget', 99)],
    ['write the tally', (d: Y.Doc) => d.getMap('tally').set('x', 50)],
    ['rename a stage', (d: Y.Doc) => d.getMap('stages').forEach((s) => (s as Y.Map<unknown>).set('name', 'mine'))],
  ])('refuses a participant who writes into the document to %s (4403), unchanged for everyone', async (_what, cheat) => {
    t.w = await workshop(t.srv, ['Cheater', 'Honest'])
    await t.w.run({ type: 'setPhase', phase: 'ideate' })
    const [cheater, honest] = t.w.people as [Member, Member]
    await until(() => readSession(honest.doc).phase === 'ideate', 'ideate')
    const before = { session: readSession(honest.doc), board: readBoard(honest.doc) }
    const closed = closeCode(cheater)
    cheat(cheater.doc)
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(readSession(honest.doc)).toEqual(before.session)
    expect(readBoard(honest.doc)).toEqual(before.board)
    expect(honest.doc.getMap('tally').size).toBe(0)
  })

  it.each([
    ['setPhase', { type: 'setPhase', phase: 'vote' }],
    ['timer', { type: 'timer', command: 'start', ms: 60_000 }],
    ['setBudget', { type: 'setBudget', budget: 50, maxPerItem: 50 }],
    ['revealVotes', { type: 'revealVotes' }],
  ] as const)('refuses the %s action from a participant (403)', async (_what, action) => {
    t.w = await workshop(t.srv, ['Sara'])
    const res = await act(t.srv.url, t.w.id, t.w.people[0]!.token, action)
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('facilitator_only')
  })

  it('reverts writing outside the phases that allow it and on a locked board (socket kept), refuses another name', async () => {
    t.w = await workshop(t.srv, ['Sara', 'Omid'])
    const [sara, omid] = t.w.people as [Member, Member]
    // setup phase: participants watch; an honest note is taken back by the server, not by a reset
    let wasClosed = false
    sara.provider.on('connection-close', () => (wasClosed = true))
    addNote(sara.doc, { id: 'early', stageId: stage(sara), kind: 'idea', authorId: sara.me })
    await until(() => !sara.doc.getMap('notes').has('early'), 'the early note to be reverted')
    expect(wasClosed).toBe(false)

    await t.w.run({ type: 'setPhase', phase: 'ideate' })
    await t.w.run({ type: 'setPrivateWriting', on: false })
    await until(() => readSession(omid.doc).phase === 'ideate' && !readSession(omid.doc).privateWriting, 'open ideate')
    addNote(omid.doc, { id: 'omid-1', stageId: stage(omid), kind: 'pain', text: 'الدفع فشل مرتين', authorId: omid.me })
    await until(() => t.w.facilitator.doc.getMap('notes').has('omid-1'), 'omid note on the board')

    // Its author may delete their own note.
    addNote(omid.doc, { id: 'omid-2', stageId: stage(omid), kind: 'idea', text: 'موقت', authorId: omid.me })
    await until(() => t.w.facilitator.doc.getMap('notes').has('omid-2'), 'second note on the board')
    deleteNote(omid.doc, 'omid-2')
    await until(() => !t.w.facilitator.doc.getMap('notes').has('omid-2'), 'its author to delete it')

    let closed = closeCode(omid)
    addNote(omid.doc, { id: 'forged', stageId: stage(omid), kind: 'idea', text: 'x', authorId: sara.me })
    expect(await closed).toBe(CloseCode.forbidden)

    const fresh = await member(t.srv.url, t.w.id, { name: 'Late' })
    t.extra.push(fresh)
    await synced(fresh)
    closed = closeCode(fresh)
    deleteNote(fresh.doc, 'omid-1')
    expect(await closed).toBe(CloseCode.forbidden)

    await t.w.run({ type: 'setLocked', locked: true })
    const third = await member(t.srv.url, t.w.id, { name: 'Third' })
    t.extra.push(third)
    await synced(third)
    await until(() => readSession(third.doc).locked, 'locked')
    addNote(third.doc, { id: 'locked', stageId: stage(third), kind: 'idea', authorId: third.me })
    await until(() => !third.doc.getMap('notes').has('locked'), 'the locked note to be reverted')
    expect(third.provider.wsconnected).toBe(true)

    await settle()
    const ids = [...t.w.facilitator.doc.getMap('notes').keys()]
    expect(ids).toEqual(['omid-1'])
  })

  it('removing a participant closes their sockets and revokes their token', async () => {
    t.w = await workshop(t.srv, ['Leaving'])
    const leaving = t.w.people[0]!
    const closed = closeCode(leaving)
    await t.w.run({ type: 'removeParticipant', participantId: leaving.me })
    expect(await closed).toBe(CloseCode.unauthorized)
    expect((await act(t.srv.url, t.w.id, leaving.token, { type: 'vote', itemId: 'x', delta: 1 })).status).toBe(401)
    const people = t.w.facilitator.doc.getMap('people')
    await until(() => (people.get(leaving.me) as { removed: boolean }).removed, 'removed flag')
  })

  it('hands the facilitator role over: the new one leads, the old one no longer can', async () => {
    t.w = await workshop(t.srv, ['Next'])
    const next = t.w.people[0]!
    await t.w.run({ type: 'handOver', participantId: next.me })
    expect((await act(t.srv.url, t.w.id, next.token, { type: 'setPhase', phase: 'ideate' })).status).toBe(200)
    expect((await act(t.srv.url, t.w.id, t.w.facilitator.token, { type: 'setPhase', phase: 'vote' })).status).toBe(403)
    await until(() => readSession(t.w.facilitator.doc).phase === 'ideate', 'phase set by the new facilitator')
    // The new facilitator's open socket may now edit stages.
    roots(next.doc).stages.forEach((s) => s.set('name', 'مرحله'))
    await until(() => readBoard(t.w.facilitator.doc).stages.every((s) => s.name === 'مرحله'), 'renamed stages')
  })

  it('runs the timer on the server clock', async () => {
    t.w = await workshop(t.srv, [])
    const t0 = Date.now()
    await t.w.run({ type: 'timer', command: 'start', ms: 300_000 })
    await until(() => readSession(t.w.facilitator.doc).timer.endsAt !== null, 'timer')
    const endsAt = readSession(t.w.facilitator.doc).timer.endsAt!
    expect(endsAt).toBeGreaterThanOrEqual(t0 + 300_000)
    expect(endsAt).toBeLessThan(Date.now() + 300_000 + 1)
    await t.w.run({ type: 'timer', command: 'pause' })
    await t.w.run({ type: 'timer', command: 'extend', ms: 60_000 })
    await until(() => readSession(t.w.facilitator.doc).timer.endsAt === null, 'paused')
    const left = readSession(t.w.facilitator.doc).timer.remainingMs!
    expect(left).toBeGreaterThan(355_000)
    expect(left).toBeLessThanOrEqual(360_000)
  })
})
