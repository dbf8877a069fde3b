// The workshop store follows the server's `progress` root entry by entry: with 500 people, one vote copies
// one entry and re-runs only what reads that person; the done count leaves the facilitator and observers aside.
import { createComputed, createMemo, createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { doneCount, joinedCount, notesByAuthor, notesWritten } from '../../shared/progress.js'
import { initBoard } from '../../shared/schema.js'
import { clearDone, writePerson, writeProgress } from '../../shared/sessionDoc.js'
import type { Role } from '../../shared/workshop.js'
import { createWorkshopStore } from '../../client/src/features/workshop/workshopStore.js'

const person = (id: string, role: Role, removed = false) => ({ id, name: id, color: '#1d4ed8', role, removed })

function boardOf(participants: number) {
  const doc = new Y.Doc()
  initBoard(doc, 'رحلة عميل منصة العمل الحر', ['الوعي'], () => `s${Math.random()}`, 1)
  doc.transact(() => {
    writePerson(doc, person('host', 'facilitator'))
    for (let i = 0; i < participants; i++) writePerson(doc, person(`p${i}`, 'participant'))
    writePerson(doc, person('screen', 'observer'))
    writePerson(doc, person('gone', 'participant', true))
  })
  return doc
}

describe('progress in the store', () => {
  it('copies only the entries a change touched, and counts done participants apart from observers', () => {
    const doc = boardOf(500)
    createRoot((dispose) => {
      const w = createWorkshopStore(doc, () => 'host', () => 'facilitator')
      const runs = new Map<string, number>()
      for (const id of ['p0', 'p1', 'p499']) {
        createComputed(() => {
          void w.state.progress[id]?.votes
          runs.set(id, (runs.get(id) ?? 0) + 1)
        })
      }
      const count = createMemo(() => doneCount(w.state.people, w.state.progress))
      expect(count()).toEqual({ done: 0, of: 500, watching: 1 })

      writeProgress(doc, 'p1', { votes: 2 })
      expect(w.state.progress.p1).toEqual({ votes: 2, done: false })
      expect(runs.get('p1')).toBe(2)
      expect(runs.get('p0')).toBe(1)
      expect(runs.get('p499')).toBe(1)

      // Several at once, in one transaction, as a new phase clears them.
      doc.transact(() => ['p0', 'p1', 'p2', 'host'].forEach((id) => writeProgress(doc, id, { done: true })))
      expect(count()).toEqual({ done: 3, of: 500, watching: 1 }) // the facilitator waits, not counted
      writeProgress(doc, 'gone', { done: true })
      expect(count().done).toBe(3)

      clearDone(doc)
      expect(count()).toEqual({ done: 0, of: 500, watching: 1 })
      expect(w.state.progress.p0).toBeUndefined()
      expect(w.state.progress.p1).toEqual({ votes: 2, done: false })
      expect(joinedCount(w.state.people)).toBe(500)
      w.dispose()
      dispose()
    })
  })

  it('writes an entry only when a number changes', () => {
    const doc = boardOf(1)
    let updates = 0
    doc.on('update', () => updates++)
    writeProgress(doc, 'p0', { votes: 0, done: false })
    expect(updates).toBe(0)
    writeProgress(doc, 'p0', { votes: 1 })
    writeProgress(doc, 'p0', { votes: 1 })
    expect(updates).toBe(1)
    writeProgress(doc, 'p0', { votes: 0 })
    expect(doc.getMap('progress').has('p0')).toBe(false)
    clearDone(doc)
    expect(updates).toBe(2)
  })

  it('counts notes as face-down numbers plus those on the board', () => {
    const onBoard = notesByAuthor([{ authorId: 'p0' }, { authorId: 'p0' }, { authorId: 'p1' }])
    expect(notesWritten({ stageA: 2, stageB: 1 }, onBoard.get('p0') ?? 0)).toBe(5)
    expect(notesWritten(undefined, onBoard.get('p1') ?? 0)).toBe(1)
    expect(notesWritten(undefined, onBoard.get('nobody') ?? 0)).toBe(0)
  })
})
