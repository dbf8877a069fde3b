// The workshop store mirrors what the server writes (session, people, face-down counts, tally), the
// board's clusters and this person's ballot, and answers what this person may do in each phase and role.
import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster, renameCluster } from '../../shared/clusters.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'
import { writeBallot, writeHiddenCounts, writePerson, writeSession, writeTally } from '../../shared/sessionDoc.js'
import type { Role } from '../../shared/workshop.js'
import { createWorkshopStore, type WorkshopStore } from '../../client/src/features/workshop/workshopStore.js'

let n = 0
const newId = () => `id${++n}`

function board() {
  const doc = new Y.Doc()
  initBoard(doc, 'رحلة عميل منصة العمل الحر', ['الوعي', 'القرار'], newId, 1)
  return doc
}

function withStore<T>(doc: Y.Doc, me: string, joined: Role, fn: (w: WorkshopStore) => T): T {
  return createRoot((dispose) => {
    const w = createWorkshopStore(doc, () => me, () => joined)
    try {
      return fn(w)
    } finally {
      w.dispose()
      dispose()
    }
  })
}

describe('workshop store', () => {
  it('follows the session and says what a participant may do in each phase', () => {
    const doc = board()
    withStore(doc, 'leila', 'participant', (w) => {
      expect(w.state.session.phase).toBe('setup')
      expect(w.mayWrite()).toBe(false)

      writeSession(doc, { phase: 'ideate' })
      expect(w.mayWrite()).toBe(true)
      expect(w.writesPrivately()).toBe(true) // private writing is on by default
      expect(w.mayCluster()).toBe(false)

      writeSession(doc, { notesRevealed: true })
      expect(w.writesPrivately()).toBe(false)

      writeSession(doc, { phase: 'cluster' })
      expect(w.mayCluster()).toBe(true)
      writeSession(doc, { locked: true })
      expect(w.mayWrite()).toBe(false)
      expect(w.mayCluster()).toBe(false)

      writeSession(doc, { phase: 'vote', locked: false })
      expect(w.mayWrite()).toBe(false)
      expect(w.mayVote()).toBe(true)
    })
  })

  it('takes the role from the board’s people once the server lists this person, so a hand-over shows', () => {
    const doc = board()
    withStore(doc, 'omid', 'participant', (w) => {
      expect(w.role()).toBe('participant')
      expect(w.mayWrite()).toBe(false) // setup: participants wait
      writePerson(doc, { id: 'omid', name: 'امید', color: '#1d4ed8', role: 'facilitator', removed: false })
      expect(w.isFacilitator()).toBe(true)
      expect(w.mayWrite()).toBe(true) // the facilitator may always write
      writePerson(doc, { id: 'omid', name: 'امید', color: '#1d4ed8', role: 'participant', removed: true })
      expect(w.removed()).toBe(true)
    })
  })

  it('never lets an observer write or vote', () => {
    const doc = board()
    withStore(doc, 'watcher', 'observer', (w) => {
      for (const phase of ['ideate', 'cluster', 'vote'] as const) {
        writeSession(doc, { phase })
        expect(w.mayWrite()).toBe(false)
        expect(w.mayVote()).toBe(false)
        expect(w.writesPrivately()).toBe(false)
      }
    })
  })

  it('counts everyone else’s face-down notes per stage', () => {
    const doc = board()
    const [s1, s2] = readBoard(doc).stages.map((s) => s.id)
    withStore(doc, 'me', 'participant', (w) => {
      writeHiddenCounts(doc, 'me', { [s1!]: 4 })
      writeHiddenCounts(doc, 'sami', { [s1!]: 2, [s2!]: 1 })
      writeHiddenCounts(doc, 'rana', { [s2!]: 3 })
      expect(w.hiddenCounts()).toEqual({ [s1!]: 2, [s2!]: 4 })
      doc.getMap('hidden').clear()
      expect(w.hiddenCounts()).toEqual({})
    })
  })

  it('mirrors clusters, the tally, the ranked result and this person’s ballot, and checks a vote as the server would', () => {
    const doc = board()
    const own = new Y.Doc()
    const [s1] = readBoard(doc).stages.map((s) => s.id)
    addNote(doc, { id: 'n1', stageId: s1!, kind: 'pain', text: 'لم يرد الدعم الفني لمدة يومين', authorId: 'a' })
    addNote(doc, { id: 'n2', stageId: s1!, kind: 'pain', text: 'سبد خرید را نیمه‌کاره رها می‌کند', authorId: 'b' })
    withStore(doc, 'me', 'participant', (w) => {
      createCluster(doc, 'c1', ['n1', 'n2'])
      renameCluster(doc, 'c1', 'الدعم بطيء')
      expect(w.state.clusters.c1?.name).toBe('الدعم بطيء')

      const unbind = w.bindPrivate(own)
      writeSession(doc, { phase: 'vote', budget: 3, maxPerItem: 2 })
      writeBallot(own, { c1: 2 })
      expect(w.myVotes('c1')).toBe(2)
      expect(w.votesLeft()).toBe(1)
      expect(w.checkVote('c1', 1)).toEqual({ ok: false, reason: 'over_item_cap' })
      expect(w.checkVote('other', -1)).toEqual({ ok: false, reason: 'nothing_to_take_back' })
      writeBallot(own, { c1: 2, n9: 1 })
      expect(w.checkVote('n8', 1)).toEqual({ ok: false, reason: 'over_budget' })

      expect(w.state.tally).toEqual({})
      expect(w.state.ranked).toEqual([])
      writeTally(doc, { c1: 5 })
      expect(w.state.tally).toEqual({ c1: 5 })
      expect(w.state.ranked.map((r) => [r.title, r.votes])).toEqual([['الدعم بطيء', 5]])
      renameCluster(doc, 'c1', 'بطء الدعم')
      expect(w.state.ranked[0]!.title).toBe('بطء الدعم')

      unbind()
      expect(w.state.ballot).toEqual({})
    })
  })
})
