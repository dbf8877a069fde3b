import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, deleteNote, readBoard, roots } from '../../shared/schema.js'
import { readSession } from '../../shared/sessionDoc.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { act, startTestServer, type TestServer } from '../helpers/server.js'
import { workshop, type Workshop } from '../helpers/workshop.js'

let srv: TestServer
let w: Workshop
const extra: Member[] = []
beforeEach(async () => {
  srv = await startTestServer()
})
afterEach(async () => {
  w?.destroy()
  extra.splice(0).forEach((m) => m.destroy())
  await srv.close()
})

const closeCode = (m: Member) =>
  new Promise<number>((resolve) => m.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)))
const stage = (m: Member, i = 0) => readBoard(m.doc).stages[i]!.id
const settle = () => new Promise((r) => setTimeout(r, 150))

describe('the server enforces the workshop', () => {
  it("refuses an observer's edits (4403): the document is unchanged for everyone", async () => {
    w = await workshop(srv, ['Sara'])
    await w.run({ type: 'setPhase', phase: 'ideate' })
    await w.run({ type: 'setPrivateWriting', on: false })
    const observer = await member(srv.url, w.id, { observer: true })
    extra.push(observer)
    await synced(observer)
    const before = Y.encodeStateVector(w.facilitator.doc)
    const closed = closeCode(observer)
    addNote(observer.doc, { id: 'obs', stageId: stage(observer), kind: 'idea', text: 'من هنا', authorId: observer.me })
    roots(observer.doc).meta.set('title', 'hijacked')
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(Y.encodeStateVector(w.facilitator.doc)).toEqual(before)
    expect(w.people[0]!.doc.getMap('notes').has('obs')).toBe(false)
  })

  it.each([
    ['change the phase', (d: Y.Doc) => d.getMap('session').set('phase', 'vote')],
    ['start the timer', (d: Y.Doc) => d.getMap('session').set('timer', { endsAt: Date.now() + 1e6, remainingMs: null })],
    ['raise the budget', (d: Y.Doc) => d.getMap('session').set('budget', 99)],
    ['write the tally', (d: Y.Doc) => d.getMap('tally').set('x', 50)],
    ['rename a stage', (d: Y.Doc) => d.getMap('stages').forEach((s) => (s as Y.Map<unknown>).set('name', 'mine'))],
  ])('refuses a participant who writes into the document to %s (4403), unchanged for everyone', async (_what, cheat) => {
    w = await workshop(srv, ['Cheater', 'Honest'])
    await w.run({ type: 'setPhase', phase: 'ideate' })
    const [cheater, honest] = w.people as [Member, Member]
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
    w = await workshop(srv, ['Sara'])
    const res = await act(srv.url, w.id, w.people[0]!.token, action)
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('facilitator_only')
  })

  it('reverts writing outside the phases that allow it and on a locked board (socket kept), refuses another name', async () => {
    w = await workshop(srv, ['Sara', 'Omid'])
    const [sara, omid] = w.people as [Member, Member]
    // setup phase: participants watch; an honest note is taken back by the server, not by a reset
    let wasClosed = false
    sara.provider.on('connection-close', () => (wasClosed = true))
    addNote(sara.doc, { id: 'early', stageId: stage(sara), kind: 'idea', authorId: sara.me })
    await until(() => !sara.doc.getMap('notes').has('early'), 'the early note to be reverted')
    expect(wasClosed).toBe(false)

    await w.run({ type: 'setPhase', phase: 'ideate' })
    await w.run({ type: 'setPrivateWriting', on: false })
    await until(() => readSession(omid.doc).phase === 'ideate' && !readSession(omid.doc).privateWriting, 'open ideate')
    addNote(omid.doc, { id: 'omid-1', stageId: stage(omid), kind: 'pain', text: 'الدفع فشل مرتين', authorId: omid.me })
    await until(() => w.facilitator.doc.getMap('notes').has('omid-1'), 'omid note on the board')

    // Its author may delete their own note.
    addNote(omid.doc, { id: 'omid-2', stageId: stage(omid), kind: 'idea', text: 'موقت', authorId: omid.me })
    await until(() => w.facilitator.doc.getMap('notes').has('omid-2'), 'second note on the board')
    deleteNote(omid.doc, 'omid-2')
    await until(() => !w.facilitator.doc.getMap('notes').has('omid-2'), 'its author to delete it')

    let closed = closeCode(omid)
    addNote(omid.doc, { id: 'forged', stageId: stage(omid), kind: 'idea', text: 'x', authorId: sara.me })
    expect(await closed).toBe(CloseCode.forbidden)

    const fresh = await member(srv.url, w.id, { name: 'Late' })
    extra.push(fresh)
    await synced(fresh)
    closed = closeCode(fresh)
    deleteNote(fresh.doc, 'omid-1')
    expect(await closed).toBe(CloseCode.forbidden)

    await w.run({ type: 'setLocked', locked: true })
    const third = await member(srv.url, w.id, { name: 'Third' })
    extra.push(third)
    await synced(third)
    await until(() => readSession(third.doc).locked, 'locked')
    addNote(third.doc, { id: 'locked', stageId: stage(third), kind: 'idea', authorId: third.me })
    await until(() => !third.doc.getMap('notes').has('locked'), 'the locked note to be reverted')
    expect(third.provider.wsconnected).toBe(true)

    await settle()
    const ids = [...w.facilitator.doc.getMap('notes').keys()]
    expect(ids).toEqual(['omid-1'])
  })

  it('removing a participant closes their sockets and revokes their token', async () => {
    w = await workshop(srv, ['Leaving'])
    const leaving = w.people[0]!
    const closed = closeCode(leaving)
    await w.run({ type: 'removeParticipant', participantId: leaving.me })
    expect(await closed).toBe(CloseCode.unauthorized)
    expect((await act(srv.url, w.id, leaving.token, { type: 'vote', itemId: 'x', delta: 1 })).status).toBe(401)
    const people = w.facilitator.doc.getMap('people')
    await until(() => (people.get(leaving.me) as { removed: boolean }).removed, 'removed flag')
  })

  it('hands the facilitator role over: the new one leads, the old one no longer can', async () => {
    w = await workshop(srv, ['Next'])
    const next = w.people[0]!
    await w.run({ type: 'handOver', participantId: next.me })
    expect((await act(srv.url, w.id, next.token, { type: 'setPhase', phase: 'ideate' })).status).toBe(200)
    expect((await act(srv.url, w.id, w.facilitator.token, { type: 'setPhase', phase: 'vote' })).status).toBe(403)
    await until(() => readSession(w.facilitator.doc).phase === 'ideate', 'phase set by the new facilitator')
    // The new facilitator's open socket may now edit stages.
    roots(next.doc).stages.forEach((s) => s.set('name', 'مرحله'))
    await until(() => readBoard(w.facilitator.doc).stages.every((s) => s.name === 'مرحله'), 'renamed stages')
  })

  it('runs the timer on the server clock', async () => {
    w = await workshop(srv, [])
    const t0 = Date.now()
    await w.run({ type: 'timer', command: 'start', ms: 300_000 })
    await until(() => readSession(w.facilitator.doc).timer.endsAt !== null, 'timer')
    const endsAt = readSession(w.facilitator.doc).timer.endsAt!
    expect(endsAt).toBeGreaterThanOrEqual(t0 + 300_000)
    expect(endsAt).toBeLessThan(Date.now() + 300_000 + 1)
    await w.run({ type: 'timer', command: 'pause' })
    await w.run({ type: 'timer', command: 'extend', ms: 60_000 })
    await until(() => readSession(w.facilitator.doc).timer.endsAt === null, 'paused')
    const left = readSession(w.facilitator.doc).timer.remainingMs!
    expect(left).toBeGreaterThan(355_000)
    expect(left).toBeLessThanOrEqual(360_000)
  })
})
