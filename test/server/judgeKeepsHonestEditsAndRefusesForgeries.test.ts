// The judge against the rule table, without a socket: every edit the client makes through shared/'s
// mutators is kept in the phase that allows it, a rule of the moment is told apart from a forgery, and a
// resent sync (the whole delete set again) changes nothing.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addToCluster, createCluster, removeFromCluster, renameCluster, ungroup } from '../../shared/clusters.js'
import { setEmotion, setRating } from '../../shared/emotionCurve.js'
import { setFrame } from '../../shared/journeyMap.js'
import { initMap, renameLane } from '../../shared/lanes.js'
import { promote, setMetric } from '../../shared/mapItems.js'
import { BOARD_RULES } from '../../shared/rules.js'
import {
  NOTE, addNote, addStage, deleteNote, initBoard, moveNote, noteRecord, noteText, readBoard, removeStage, roots, setNoteKind, setNoteText,
  setTitle,
} from '../../shared/schema.js'
import { version1Note } from '../helpers/schemaV1.js'
import { DEFAULT_SESSION, type Role, type Session } from '../../shared/workshop.js'
import { claimClients, claimServer, judgeUpdate, type Verdict } from '../../server/judge.js'

const session = (s: Partial<Session>): Session => ({ ...DEFAULT_SESSION, ...s })

/** A server doc and one client per person, each change judged, and applied when kept. */
function board() {
  const server = new Y.Doc()
  let n = 0
  server.transact(() => {
    initBoard(server, 'رحلة العميل', ['الوعي', 'الشراء'], () => `s${n++}`)
    claimServer(server)
  })
  const clients = new Map<string, Y.Doc>()
  const as = (personId: string, role: Role, s: Partial<Session>) => {
    return (change: (doc: Y.Doc) => void): Verdict => {
      let d = clients.get(personId)
      if (!d) clients.set(personId, (d = new Y.Doc()))
      Y.applyUpdate(d, Y.encodeStateAsUpdate(server, Y.encodeStateVector(d)))
      const before = Y.encodeStateVector(d)
      change(d)
      const update = Y.encodeStateAsUpdate(d, before)
      const v = judgeUpdate(server, update, { personId, role, session: session(s) }, BOARD_RULES)
      if (v.kind === 'ok') {
        server.transact(() => claimClients(server, v.claims, personId))
        Y.applyUpdate(server, update)
      } else clients.delete(personId) // as a closed client: it starts again from the server's state
      return v
    }
  }
  return { server, as, stage: (i = 0) => readBoard(server).stages[i]!.id }
}

const kinds = (vs: Verdict[]) => vs.map((v) => v.kind)

describe('the judge', () => {
  it("keeps every edit a participant's client makes while clustering, and refuses others' text and kind", () => {
    const b = board()
    const sara = b.as('sara', 'participant', { phase: 'cluster' })
    const omid = b.as('omid', 'participant', { phase: 'cluster' })
    const ok = [
      sara((d) => addNote(d, { id: 'n1', stageId: b.stage(), kind: 'pain', text: 'الانتظار طويل', authorId: 'sara' })),
      omid((d) => addNote(d, { id: 'n2', stageId: b.stage(), kind: 'idea', text: 'رسالة تأكيد', authorId: 'omid' })),
      sara((d) => setNoteText(d, 'n1', 'الانتظار طويل جدًا')),
      sara((d) => setNoteKind(d, 'n1', 'feeling')),
      sara((d) => moveNote(d, 'n2', b.stage(1), 0)), // anyone moves anyone's note
      sara((d) => moveNote(d, 'n2', b.stage(0), 0)),
      omid((d) => createCluster(d, 'c1', ['n1', 'n2'], 'الدفع')),
      sara((d) => renameCluster(d, 'c1', 'الدفع والتأكيد')),
      sara((d) => removeFromCluster(d, 'n2')),
      omid((d) => addToCluster(d, 'n2', 'c1')),
      omid((d) => ungroup(d, 'c1')),
      omid((d) => deleteNote(d, 'n2')),
    ]
    expect(kinds(ok)).toEqual(ok.map(() => 'ok'))
    expect(readBoard(b.server).notes.map((n) => [n.id, n.text, n.kind])).toEqual([['n1', 'الانتظار طويل جدًا', 'feeling']])
    expect(omid((d) => setNoteText(d, 'n1', 'غيّرتها')).kind).toBe('forged')
    expect(b.as('omid2', 'participant', { phase: 'cluster' })((d) => setNoteKind(d, 'n1', 'idea')).kind).toBe('forged')
  })

  it('tells a rule of the moment (phase, lock) from a forgery, and names the notes to keep', () => {
    const b = board()
    b.as('sara', 'participant', { phase: 'ideate', privateWriting: false })((d) =>
      addNote(d, { id: 'n1', stageId: b.stage(), kind: 'idea', text: 'أ', authorId: 'sara' }))
    const inVote = b.as('sara', 'participant', { phase: 'vote' })((d) => setNoteText(d, 'n1', 'أب'))
    expect(inVote).toMatchObject({ kind: 'notNow', refusal: { code: 'phase' }, notes: new Set(['n1']), roots: new Set(['notes']) })
    const locked = b.as('omid', 'participant', { phase: 'ideate', locked: true })((d) =>
      addNote(d, { id: 'n2', stageId: b.stage(), kind: 'idea', text: 'ب', authorId: 'omid' }))
    expect(locked).toMatchObject({ kind: 'notNow', refusal: { code: 'locked' }, notes: new Set(['n2']) })
    expect(b.as('eve', 'participant', { phase: 'ideate' })((d) =>
      addNote(d, { id: 'n3', stageId: b.stage(), kind: 'idea', text: 'ج', authorId: 'sara' })).kind).toBe('forged')
    expect(b.as('eve2', 'participant', { phase: 'ideate' })((d) => d.getMap('__proto__').set('x', 1)).kind).toBe('forged')
    expect(b.as('obs', 'observer', { phase: 'ideate' })((d) =>
      addNote(d, { id: 'n4', stageId: b.stage(), kind: 'idea', authorId: 'obs' })).kind).toBe('forged')
  })

  it("keeps the facilitator's board and map edits in any phase, and each participant's own rating in the map phase", () => {
    const b = board()
    b.as('sara', 'participant', { phase: 'ideate' })((d) => addNote(d, { id: 'n1', stageId: b.stage(), kind: 'pain', text: 'x', authorId: 'sara' }))
    const fac = b.as('fac', 'facilitator', { phase: 'map', locked: true })
    const ok = [
      fac((d) => setTitle(d, 'عنوان جديد')),
      fac((d) => addStage(d, 's9', 'الولاء')),
      fac((d) => setNoteText(d, 'n1', 'صححها الميسّر')),
      fac((d) => initMap(d)),
      fac((d) => renameLane(d, 'pains', 'الآلام')),
      fac((d) => promote(d, { kind: 'note', id: 'n1' })),
      fac((d) => setMetric(d, [...d.getMap('mapItems').keys()][0]!, { type: 'NPS', target: 50, current: 20 })),
      fac((d) => setFrame(d, { goal: 'الهدف' })),
      fac((d) => setEmotion(d, b.stage(), -1)),
      fac((d) => removeStage(d, b.stage())),
    ]
    expect(kinds(ok)).toEqual(ok.map(() => 'ok'))
    const sara = b.as('sara', 'participant', { phase: 'map' })
    expect(sara((d) => setRating(d, 'sara', 's9', 2)).kind).toBe('ok')
    expect(sara((d) => setRating(d, 'sara', 's9', -2)).kind).toBe('ok')
    expect(sara((d) => setRating(d, 'omid', 's9', -2)).kind).toBe('forged')
    expect(sara((d) => setFrame(d, { goal: 'لي' })).kind).toBe('forged')
    expect(b.as('sara', 'participant', { phase: 'vote' })((d) => setRating(d, 'sara', 's9', 1)).kind).toBe('notNow')
  })

  it('holds every text to its limit on the server, counting what an edit deletes', () => {
    const b = board()
    const sara = b.as('sara', 'participant', { phase: 'ideate' })
    expect(sara((d) => addNote(d, { id: 'long', stageId: b.stage(), kind: 'idea', text: 'ا'.repeat(2001), authorId: 'sara' })).kind).toBe('forged')
    expect(sara((d) => addNote(d, { id: 'n', stageId: b.stage(), kind: 'idea', text: 'ا'.repeat(2000), authorId: 'sara' })).kind).toBe('ok')
    expect(sara((d) => setNoteText(d, 'n', 'ب'.repeat(2000))).kind).toBe('ok') // replaces every character
    expect(sara((d) => noteText(d, 'n')!.insert(0, 'ج')).kind).toBe('forged')
    const fac = b.as('fac', 'facilitator', { phase: 'ideate' })
    expect(fac((d) => setTitle(d, 'ع'.repeat(201))).kind).toBe('forged')
    expect(fac((d) => setTitle(d, 'ع'.repeat(200))).kind).toBe('ok')
    expect(fac((d) => setFrame(d, { goal: 'x'.repeat(2001) })).kind).toBe('forged')
  })

  it("refuses a note's fixed fields and place unless they have their shape, and a note in the old version's shape", () => {
    const b = board()
    const sara = b.as('sara', 'participant', { phase: 'ideate' })
    sara((d) => addNote(d, { id: 'n1', stageId: b.stage(), kind: 'idea', text: 'سلام', authorId: 'sara' }))
    const note = (d: Y.Doc) => roots(d).notes.get('n1')!
    const made = (fields: Partial<Parameters<typeof noteRecord>[0]>) => (d: Y.Doc) =>
      roots(d).notes.set('n2', noteRecord({ stageId: b.stage(), order: 'a1', clusterId: null, kind: 'idea', text: 'x', authorId: 'sara', createdAt: 1, ...fields }))
    const forgeries = [
      (d: Y.Doc) => note(d).set(NOTE.place, [b.stage()]), // no order
      (d: Y.Doc) => note(d).set(NOTE.place, [b.stage(), 'a0', 'c1', 'more']),
      (d: Y.Doc) => note(d).set(NOTE.place, [b.stage(), 7]),
      (d: Y.Doc) => note(d).set(NOTE.place, [b.stage(), 'x'.repeat(201)]),
      (d: Y.Doc) => note(d).set(NOTE.place, new Y.Map()),
      (d: Y.Doc) => note(d).set(NOTE.kind, 'idea'), // an index into NOTE_KINDS
      (d: Y.Doc) => note(d).set(NOTE.kind, 6),
      (d: Y.Doc) => note(d).set(NOTE.fixed, ['sara', 2]), // written once
      made({ createdAt: 'yesterday' as unknown as number }),
      (d: Y.Doc) => roots(d).notes.set('n3', version1Note({ ...readBoard(d).notes[0]!, id: 'n3' })),
    ]
    for (const forge of forgeries) expect(b.as('sara', 'participant', { phase: 'ideate' })(forge).kind).toBe('forged')
    expect(sara((d) => note(d).set(NOTE.place, [b.stage(1), 'a0', 'c1'])).kind).toBe('ok')
    expect(sara(made({})).kind).toBe('ok')
  })

  it('lets through, as changing nothing, edits inside a note the board has since replaced (an offline copy of version 1)', () => {
    const b = board()
    const sara = b.as('sara', 'participant', { phase: 'ideate' })
    // As stored in version 1, before the server loaded it.
    roots(b.server).notes.set('n1', version1Note({ id: 'n1', stageId: b.stage(), clusterId: null, kind: 'idea', text: 'قديم', authorId: 'sara', order: 'a0', createdAt: 1 }))
    const device = new Y.Doc()
    Y.applyUpdate(device, Y.encodeStateAsUpdate(b.server))
    // The server's upgrade replaces the record; meanwhile the device types in, moves and deletes the old one.
    b.server.transact(() => roots(b.server).notes.set('n1', noteRecord({ ...readBoard(b.server).notes[0]! })))
    const before = Y.encodeStateVector(device)
    ;(roots(device).notes.get('n1')!.get('text') as Y.Text).insert(0, 'جديد ')
    roots(device).notes.get('n1')!.set('stageId', b.stage(1))
    const offline = Y.encodeStateAsUpdate(device, before)
    const v = judgeUpdate(b.server, offline, { personId: 'omid', role: 'participant', session: session({ phase: 'vote' }) }, BOARD_RULES)
    expect(v.kind).toBe('ok') // nothing in it lands on the board, so nothing is anyone's to refuse
    Y.applyUpdate(b.server, offline)
    expect(readBoard(b.server).notes.map((n) => [n.text, n.stageId])).toEqual([['قديم', b.stage()]])
    expect(sara((d) => setNoteText(d, 'n1', 'جديد')).kind).toBe('ok')
  })

  it('finds nothing to judge in a resent sync: the whole state and delete set again', () => {
    const b = board()
    const sara = b.as('sara', 'participant', { phase: 'ideate' })
    sara((d) => addNote(d, { id: 'n1', stageId: b.stage(), kind: 'idea', text: 'abc', authorId: 'sara' }))
    sara((d) => noteText(d, 'n1')!.delete(0, 2))
    sara((d) => deleteNote(d, 'n1'))
    const everything = Y.encodeStateAsUpdate(b.server)
    expect(judgeUpdate(b.server, everything, { personId: 'omid', role: 'participant', session: session({ phase: 'setup' }) }, BOARD_RULES))
      .toEqual({ kind: 'ok', claims: [], exact: false }) // it repeats what the doc holds: Yjs says what changed
  })
})
