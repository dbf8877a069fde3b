// Undoing a delete (Yjs's UndoManager, as the client's undo does) makes the note again, in one update that
// the judge sees as a new record: with its fixed fields (id, authorId, createdAt) as they were. Its author
// may do that while the phase lets them write; the facilitator, who may delete anyone's note, may bring it
// back in its author's name; nobody else may make a note in another's name. Over the real server too.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_RULES } from '../../shared/rules.js'
import { addNote, deleteNote, initBoard, readBoard, readNoteById, removeStage, roots } from '../../shared/schema.js'
import { DEFAULT_SESSION, type Role, type Session } from '../../shared/workshop.js'
import { claimClients, claimServer, judgeUpdate, type Verdict } from '../../server/judge.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

/** A server doc, and a client of `personId` that keeps its doc (and so its undo stack) between changes. */
function judged(personId: string, role: Role, s: Partial<Session>) {
  const server = new Y.Doc()
  let n = 0
  server.transact(() => {
    initBoard(server, 'رحلة العميل', ['الوعي', 'الشراء'], () => `s${n++}`)
    claimServer(server)
  })
  const client = new Y.Doc()
  const pull = () => Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)), 'server')
  pull()
  const undo = new Y.UndoManager([roots(client).notes, roots(client).stages], { trackedOrigins: new Set([null]) })
  const session = { ...DEFAULT_SESSION, ...s }
  /** Someone else's note, arriving from the server. */
  const theirs = (id: string, authorId: string) => {
    addNote(server, { id, stageId: readBoard(server).stages[0]!.id, kind: 'pain', text: 'لم يرد الدعم الفني', authorId })
    pull()
  }
  const send = (change: (d: Y.Doc) => void): Verdict => {
    const before = Y.encodeStateVector(client)
    change(client)
    undo.stopCapturing()
    const update = Y.encodeStateAsUpdate(client, before)
    const v = judgeUpdate(server, update, { personId, role, session }, BOARD_RULES)
    if (v.kind === 'ok') {
      server.transact(() => claimClients(server, v.claims, personId))
      Y.applyUpdate(server, update)
    }
    return v
  }
  return { server, client, undo, theirs, send, stage: () => readBoard(client).stages[0]!.id }
}

describe('undoing a delete', () => {
  it("is its author's to do while they may write, with the note's fixed fields as they were", () => {
    const b = judged('sara', 'participant', { phase: 'ideate', privateWriting: false })
    expect(b.send((d) => addNote(d, { id: 'n1', stageId: b.stage(), kind: 'idea', text: 'دردشة مباشرة', authorId: 'sara' }, 1234)).kind).toBe('ok')
    const was = readNoteById(b.server, 'n1')
    expect(b.send((d) => deleteNote(d, 'n1')).kind).toBe('ok')
    expect(readNoteById(b.server, 'n1')).toBeUndefined()
    expect(b.send(() => b.undo.undo()).kind).toBe('ok')
    expect(readNoteById(b.server, 'n1')).toEqual(was)
    expect(was).toMatchObject({ id: 'n1', authorId: 'sara', createdAt: 1234 })
  })

  it('is a rule of the moment outside the phases that take notes: kept for its author, not a forgery', () => {
    const b = judged('sara', 'participant', { phase: 'ideate' })
    expect(b.send((d) => addNote(d, { id: 'n1', stageId: b.stage(), kind: 'idea', text: 'فكرة', authorId: 'sara' })).kind).toBe('ok')
    expect(b.send((d) => deleteNote(d, 'n1')).kind).toBe('ok')
    const before = Y.encodeStateVector(b.client)
    b.undo.undo()
    const inVote = { personId: 'sara', role: 'participant' as const, session: { ...DEFAULT_SESSION, phase: 'vote' as const } }
    expect(judgeUpdate(b.server, Y.encodeStateAsUpdate(b.client, before), inVote, BOARD_RULES))
      .toMatchObject({ kind: 'notNow', refusal: { code: 'phase' }, notes: new Set(['n1']) })
  })

  it("is the facilitator's to do for someone else's note, and for a stage removed with its notes", () => {
    const b = judged('fac', 'facilitator', { phase: 'cluster', locked: true })
    b.theirs('omid-1', 'omid')
    const was = readNoteById(b.server, 'omid-1')
    expect(b.send((d) => deleteNote(d, 'omid-1')).kind).toBe('ok')
    expect(b.send(() => b.undo.undo()).kind).toBe('ok')
    expect(readNoteById(b.server, 'omid-1')).toEqual(was)
    expect(b.send((d) => removeStage(d, b.stage())).kind).toBe('ok')
    expect(readBoard(b.server).stages).toHaveLength(1)
    expect(b.send(() => b.undo.undo()).kind).toBe('ok')
    expect(readBoard(b.server).stages).toHaveLength(2)
    expect(readNoteById(b.server, 'omid-1')).toEqual(was)
  })

  it("stays a forgery for a participant who makes a note in another's name, and for a nameless one", () => {
    const sara = judged('sara', 'participant', { phase: 'ideate' })
    expect(sara.send((d) => addNote(d, { id: 'n1', stageId: sara.stage(), kind: 'idea', authorId: 'omid' })).kind).toBe('forged')
    const fac = judged('fac', 'facilitator', { phase: 'ideate' })
    expect(fac.send((d) => addNote(d, { id: 'n2', stageId: fac.stage(), kind: 'idea', authorId: '' })).kind).toBe('forged')
  })
})

const t = serverPerTest<Member>()
const undoOf = (m: Member) => new Y.UndoManager(roots(m.doc).notes, { trackedOrigins: new Set([null]) })
const closes = (m: Member) => {
  const codes: number[] = []
  m.provider.on('connection-close', (e: CloseEvent | null) => codes.push(e?.code ?? 0))
  return codes
}

describe('undoing a delete over the real server', () => {
  it('brings the note back for everyone, by its author or by the facilitator, and closes no connection', async () => {
    t.w = await workshop(t.srv, ['Sara', 'Omid'])
    await t.w.run({ type: 'setPhase', phase: 'ideate' })
    await t.w.run({ type: 'setPrivateWriting', on: false })
    const [sara, omid] = t.w.people as [Member, Member]
    const fac = t.w.facilitator
    await Promise.all([sara, omid, fac].map((m) => t.w.seesPhase(m, 'ideate')))
    const closed = [sara, omid, fac].map(closes)
    const stageId = readBoard(sara.doc).stages[0]!.id

    const saraUndo = undoOf(sara)
    addNote(sara.doc, { id: 'sara-1', stageId, kind: 'question', text: 'هل يمكن استرداد المبلغ؟', authorId: sara.me })
    await until(() => !!readNoteById(omid.doc, 'sara-1'), 'her note at Omid')
    const was = readNoteById(omid.doc, 'sara-1')
    saraUndo.stopCapturing()
    deleteNote(sara.doc, 'sara-1')
    await until(() => !readNoteById(omid.doc, 'sara-1'), 'her note gone at Omid')
    saraUndo.undo()
    await until(() => !!readNoteById(omid.doc, 'sara-1'), 'her note back at Omid')
    expect(readNoteById(omid.doc, 'sara-1')).toEqual(was)

    // The facilitator deletes Sara's note and brings it back: hers still, with its fixed fields.
    const facUndo = undoOf(fac)
    await until(() => !!readNoteById(fac.doc, 'sara-1'), 'her note at the facilitator')
    deleteNote(fac.doc, 'sara-1')
    await until(() => !readNoteById(omid.doc, 'sara-1'), 'deleted by the facilitator')
    facUndo.undo()
    await until(() => !!readNoteById(omid.doc, 'sara-1'), 'brought back by the facilitator')
    expect(readNoteById(omid.doc, 'sara-1')).toEqual(was)
    await new Promise((r) => setTimeout(r, 150))
    expect(closed).toEqual([[], [], []])
    expect([sara, omid, fac].every((m) => m.provider.wsconnected)).toBe(true)
    // And the store holds it: a client joining now gets it as it was.
    const late = await member(t.srv.url, t.w.id, { name: 'Late' })
    t.extra.push(late)
    await synced(late)
    expect(readNoteById(late.doc, 'sara-1')).toEqual(was)
  })
})
