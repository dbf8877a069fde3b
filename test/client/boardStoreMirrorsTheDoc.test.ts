// The board store is a one-way mirror of the Y.Doc: local writes through its actions and remote
// updates from another doc both show up in it, and a text edit touches only the edited note.
import { createComputed, createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, initBoard, moveNote, readBoard, removeStage, setNoteText } from '../../shared/schema.js'
import { createBoardStore, type BoardStore } from '../../client/src/features/board/boardStore.js'

let n = 0
const newId = () => `id${++n}`

function twoPeers() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, u, 'a'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u, 'b'))
  initBoard(a, 'خريطة رحلة العميل', ['الوعي', 'البحث والمقارنة', 'القرار'], newId, 1)
  return { a, b }
}

function withStore<T>(doc: Y.Doc, author: string, fn: (s: BoardStore) => T): T {
  return createRoot((dispose) => {
    const store = createBoardStore(doc, author, { newId })
    try {
      return fn(store)
    } finally {
      store.dispose()
      dispose()
    }
  })
}

const stageIds = (doc: Y.Doc) => readBoard(doc).stages.map((s) => s.id)

describe('board store', () => {
  it('starts from the doc and follows remote notes, moves and deletions', () => {
    const { a, b } = twoPeers()
    const [s1, s2] = stageIds(a)
    withStore(b, 'bob', ({ state }) => {
      expect(state.title).toBe('خريطة رحلة العميل')
      expect(state.stages.map((s) => s.name)).toEqual(['الوعي', 'البحث والمقارنة', 'القرار'])

      addNote(a, { id: 'n1', stageId: s1!, kind: 'pain', text: 'لم يجد ردًا من الدعم الفني', authorId: 'ali' })
      addNote(a, { id: 'n2', stageId: s1!, kind: 'idea', text: 'دردشة مباشرة', authorId: 'ali', index: 0 })
      expect(state.stageNotes[s1!]).toEqual(['n2', 'n1'])
      expect(state.notes.n1).toMatchObject({ kind: 'pain', text: 'لم يجد ردًا من الدعم الفني', authorId: 'ali' })

      moveNote(a, 'n1', s2!, 0)
      expect(state.stageNotes[s1!]).toEqual(['n2'])
      expect(state.stageNotes[s2!]).toEqual(['n1'])

      removeStage(a, s2!)
      expect(state.stages).toHaveLength(2)
      expect(state.notes.n1).toBeUndefined()
      expect(state.stageNotes[s2!]).toEqual([])
    })
  })

  it('adds a note for its author synchronously, through the schema, visible to the other peer', () => {
    const { a, b } = twoPeers()
    const [s1] = stageIds(a)
    withStore(a, 'me', ({ state, actions }) => {
      const id = actions.addNote(s1!, 'question', 'كم تكلفة الاشتراك؟')
      expect(state.stageNotes[s1!]).toEqual([id])
      expect(readBoard(b).notes).toMatchObject([{ id, kind: 'question', text: 'كم تكلفة الاشتراك؟', authorId: 'me' }])
    })
  })

  it('re-renders only the edited note when someone types', () => {
    const { a, b } = twoPeers()
    const [s1] = stageIds(a)
    addNote(a, { id: 'n1', stageId: s1!, kind: 'feeling', text: 'قلق', authorId: 'x' })
    addNote(a, { id: 'n2', stageId: s1!, kind: 'action', text: 'يقارن الأسعار', authorId: 'x' })
    withStore(b, 'bob', ({ state }) => {
      const runs = { n1: 0, n2: 0, list: 0 }
      createComputed(() => (state.notes.n1!.text, runs.n1++))
      createComputed(() => (state.notes.n2!.text, runs.n2++))
      createComputed(() => (state.stageNotes[s1!]!.length, runs.list++))
      setNoteText(a, 'n1', 'قلق من الدفع الإلكتروني')
      expect(state.notes.n1!.text).toBe('قلق من الدفع الإلكتروني')
      expect(runs).toEqual({ n1: 2, n2: 1, list: 1 })
    })
  })

  it('moves a note by keyboard steps and stops at the edges', () => {
    const { a } = twoPeers()
    const [s1, s2, s3] = stageIds(a)
    withStore(a, 'me', ({ state, actions }) => {
      const x = actions.addNote(s1!, 'action', 'يسجّل في المنصة')
      const y = actions.addNote(s1!, 'touchpoint', 'البريد الإلكتروني')
      expect(actions.nudgeNote(x, 0, -1)).toBeUndefined()
      expect(actions.nudgeNote(x, 0, 1)).toMatchObject({ index: 1, count: 2 })
      expect(state.stageNotes[s1!]).toEqual([y, x])
      expect(actions.nudgeNote(x, 1, 0)).toMatchObject({ stage: { id: s2 }, index: 0, count: 1 })
      expect(actions.nudgeNote(x, 1, 0)).toMatchObject({ stage: { id: s3 }, stageIndex: 2 })
      expect(actions.nudgeNote(x, 1, 0)).toBeUndefined()
      expect(actions.nudgeNote(y, 1, 0)).toMatchObject({ stage: { id: s2 }, index: 0 })
    })
  })

  it('deletes only notes this browser wrote', () => {
    const { a } = twoPeers()
    const [s1] = stageIds(a)
    addNote(a, { id: 'theirs', stageId: s1!, kind: 'idea', authorId: 'someone-else' })
    withStore(a, 'me', ({ state, actions }) => {
      const mine = actions.addNote(s1!, 'idea', 'تطبيق للجوال')
      expect(actions.deleteNote('theirs')).toBe(false)
      expect(actions.deleteNote(mine)).toBe(true)
      expect(state.stageNotes[s1!]).toEqual(['theirs'])
    })
  })

  it('follows stage renames, additions and reorders from either side', () => {
    const { a, b } = twoPeers()
    withStore(b, 'bob', ({ state, actions }) => {
      const id = actions.addStage('الولاء')
      expect(readBoard(a).stages.at(-1)!.name).toBe('الولاء')
      actions.moveStage(id, 0)
      actions.renameStage(id, 'ما بعد الشراء')
      expect(state.stages[0]).toMatchObject({ id, name: 'ما بعد الشراء' })
      expect(readBoard(a).stages[0]!.name).toBe('ما بعد الشراء')
    })
  })

  it('takes a whole board arriving in a task after the one that decoded it, and its own note at once', async () => {
    const { a } = twoPeers()
    const [s1] = stageIds(a)
    a.transact(() => {
      for (let i = 0; i < 600; i++) addNote(a, { id: `big${i}`, stageId: s1!, kind: 'idea', text: `ملاحظة رقم ${i}`, authorId: 'ali' })
    })
    const b = new Y.Doc()
    await createRoot(async (dispose) => {
      const { state } = createBoardStore(b, 'bob', { newId })
      // The server's whole board: decoding it is the long task, so the store catches up in the next one.
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'server')
      expect(Object.keys(state.notes)).toHaveLength(0)
      // A small remote change meanwhile waits with it, in order.
      setNoteText(a, 'big0', 'تغيّر النص')
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'server')
      expect(state.notes.big0).toBeUndefined()
      await new Promise((r) => setTimeout(r))
      expect(state.stageNotes[s1!]).toHaveLength(600)
      expect(state.notes.big0?.text).toBe('تغيّر النص')

      // Again, and this person writes a note before the next task: it shows at once, with the board before it.
      const c = new Y.Doc()
      const other = createBoardStore(c, 'bob', { newId })
      Y.applyUpdate(c, Y.encodeStateAsUpdate(a), 'server')
      const id = other.actions.addNote(s1!, 'pain', 'كتبتها الآن')
      expect(other.state.notes[id]?.text).toBe('كتبتها الآن')
      expect(other.state.stageNotes[s1!]).toHaveLength(601)
      other.dispose()
      dispose()
    })
  })
})
