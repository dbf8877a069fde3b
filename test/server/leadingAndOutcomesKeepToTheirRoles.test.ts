// Leading the room is the facilitator's: a participant's "bring everyone here", "follow me" or spotlight is
// refused and changes nothing. The discuss phase opens on the ranking with its first item in the spotlight. Its
// decisions and next steps are written by clients and judged like notes: anyone but observers adds one in their
// own name while discussing; someone else's is not theirs to change (4403, nothing kept); outside the phase an
// honest one is taken back without closing the socket.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { addOutcome, deleteOutcome, editOutcome, readOutcomes } from '../../shared/outcomes.js'
import { readSession } from '../../shared/sessionDoc.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { closeCode, settle } from '../helpers/crafted.js'
import { act } from '../helpers/server.js'
import { votedWorkshop, type VotedWorkshop, type WorkshopScript } from '../helpers/votedWorkshop.js'
import { serverPerTest } from '../helpers/workshop.js'

const t = serverPerTest<Member | VotedWorkshop>()

const SCRIPT: WorkshopScript = {
  title: 'رحلة مشترك الإنترنت المنزلي',
  stages: ['الوعي', 'القرار', 'التجربة'],
  people: ['سلمى', 'خالد'],
  notes: [
    ['d1', 1, 'pain', 'طرق الدفع المتاحة قليلة', 0],
    ['d2', 1, 'pain', 'عملية الدفع مربكة للغاية', 1],
    ['e1', 2, 'pain', 'لم يرد أحد في الدردشة المباشرة', 0],
  ],
  clusters: [['k-pay', ['d1', 'd2'], 'صعوبات الدفع']],
  votes: [[0, 'k-pay'], [1, 'k-pay'], [1, 'e1']],
}

async function discussing() {
  const w = await votedWorkshop(t.srv, SCRIPT)
  t.extra.push(w)
  const res = await act(t.srv.url, w.board.id, w.facilitator.token, { type: 'setPhase', phase: 'discuss' })
  expect(res.status).toBe(200)
  await Promise.all(w.people.map((m) => until(() => readSession(m.doc).phase === 'discuss', 'the discuss phase')))
  return w
}

const outcome = (m: Member, id: string, itemId = 'k-pay') =>
  addOutcome(m.doc, { id, itemId, kind: 'step', text: 'إضافة الدفع عند الاستلام', owner: 'فريق المدفوعات', due: '2025-03-01', authorId: m.me })

describe('leading the room', () => {
  it('opens the discussion on the ranking, its first item in the spotlight', async () => {
    const w = await discussing()
    const s = readSession(w.people[0]!.doc)
    expect(s.votesRevealed).toBe(true)
    expect(s.spotlight).toMatchObject({ kind: 'cluster', id: 'k-pay' })
  })

  it.each([
    ['summon', { type: 'summon', stageId: 'x' }],
    ['follow', { type: 'follow', on: true }],
    ['spotlight', { type: 'spotlight', item: { kind: 'note', id: 'e1' } }],
  ] as const)("refuses a participant's %s (403), and nothing changes", async (_what, action) => {
    const w = await discussing()
    const [sara] = w.people as [Member]
    const before = readSession(sara.doc)
    const res = await act(t.srv.url, w.board.id, sara.token, action)
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('facilitator_only')
    await settle()
    expect(readSession(w.facilitator.doc)).toEqual(before)
  })

  it("takes the facilitator's summon, follow and spotlight, checked against the board", async () => {
    const w = await discussing()
    const [stage] = w.stageIds
    const run = (a: Parameters<typeof act>[3]) => act(t.srv.url, w.board.id, w.facilitator.token, a)
    expect((await run({ type: 'summon', stageId: stage })).status).toBe(200)
    expect((await run({ type: 'summon', stageId: stage })).status).toBe(200)
    expect((await run({ type: 'summon', stageId: 'nowhere' })).body.error?.code).toBe('unknown_stage')
    expect((await run({ type: 'summon' })).status).toBe(400)
    expect((await run({ type: 'follow', on: true, cell: { stageId: stage!, laneId: 'owner' } })).status).toBe(200)
    expect((await run({ type: 'follow', on: true, cell: { stageId: stage!, laneId: 'no-lane' } })).body.error?.code).toBe('unknown_lane')
    expect((await run({ type: 'spotlight', item: { kind: 'note', id: 'e1' }, timerMs: 120_000 })).status).toBe(200)
    expect((await run({ type: 'spotlight', item: { kind: 'cluster', id: 'nope' } })).body.error?.code).toBe('unknown_item')
    const sara = w.people[0]!
    await until(() => readSession(sara.doc).spotlight?.id === 'e1', 'the spotlight on e1')
    const s = readSession(sara.doc)
    expect(s.summon).toMatchObject({ seq: 2, by: w.facilitator.me, stageId: stage })
    expect(s.follow).toMatchObject({ by: w.facilitator.me, cell: { stageId: stage, laneId: 'owner' } })
    expect(s.timer.endsAt).toBeGreaterThan(Date.now() + 100_000)
    expect((await run({ type: 'follow', on: false })).status).toBe(200)
    await until(() => readSession(sara.doc).follow === null, 'following to end')
  })
})

describe('decisions and next steps', () => {
  it("refuses an observer's outcome (4403): nothing of it is kept", async () => {
    const w = await discussing()
    const observer = await member(t.srv.url, w.board.id, { observer: true })
    t.extra.push(observer)
    await synced(observer)
    const before = Y.encodeStateVector(w.facilitator.doc)
    const closed = closeCode(observer)
    outcome(observer, 'o-observer')
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(Y.encodeStateVector(w.facilitator.doc)).toEqual(before)
    expect(readOutcomes(w.people[0]!.doc)).toEqual([])
  })

  it("keeps a participant's own outcome, and refuses changing or deleting someone else's (4403, nothing kept)", async () => {
    const w = await discussing()
    const [sara, khaled] = w.people as [Member, Member]
    outcome(sara, 'o-sara')
    await until(() => readOutcomes(w.facilitator.doc).length === 1, "Sara's outcome on the board")
    await until(() => readOutcomes(khaled.doc).length === 1, "Sara's outcome at Khaled's")
    // Her own: she changes it.
    editOutcome(sara.doc, 'o-sara', { owner: 'الدعم الفني' })
    await until(() => readOutcomes(w.facilitator.doc)[0]?.owner === 'الدعم الفني', 'her own edit kept')

    const before = Y.encodeStateVector(w.facilitator.doc)
    let closed = closeCode(khaled)
    editOutcome(khaled.doc, 'o-sara', { text: 'لا شيء' })
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(Y.encodeStateVector(w.facilitator.doc)).toEqual(before)
    expect(readOutcomes(w.facilitator.doc)[0]).toMatchObject({ text: 'إضافة الدفع عند الاستلام', authorId: sara.me })

    const again = await member(t.srv.url, w.board.id, { name: 'خالد' })
    t.extra.push(again)
    await synced(again)
    closed = closeCode(again)
    deleteOutcome(again.doc, 'o-sara')
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(readOutcomes(w.facilitator.doc).map((o) => o.id)).toEqual(['o-sara'])

    // Nor may anyone write one in someone else's name.
    const third = await member(t.srv.url, w.board.id, { name: 'ثالث' })
    t.extra.push(third)
    await synced(third)
    closed = closeCode(third)
    addOutcome(third.doc, { id: 'o-forged', itemId: 'k-pay', kind: 'decision', text: 'x', owner: '', due: '', authorId: sara.me })
    expect(await closed).toBe(CloseCode.forbidden)
    await settle()
    expect(readOutcomes(w.facilitator.doc).map((o) => o.id)).toEqual(['o-sara'])
  })

  it('takes back an honest outcome outside the discuss phase, keeping the socket; the facilitator may write one', async () => {
    const w = await votedWorkshop(t.srv, SCRIPT) // in the map phase
    t.extra.push(w)
    const [sara] = w.people as [Member]
    let wasClosed = false
    sara.provider.on('connection-close', () => (wasClosed = true))
    outcome(sara, 'o-late')
    await until(() => !sara.doc.getMap('outcomes').has('o-late'), 'the late outcome to be taken back')
    expect(wasClosed).toBe(false)
    expect(readOutcomes(w.facilitator.doc)).toEqual([])
    outcome(w.facilitator, 'o-facilitator')
    await until(() => readOutcomes(sara.doc).length === 1, "the facilitator's outcome on the board")
  })
})
