import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  SCHEMA_VERSION, addNote, addStage, deleteNote, initBoard, moveNote, moveStage, readBoard, removeStage, renameStage,
  setNoteKind, setNoteText,
} from '../../shared/schema.js'
import { createCluster } from '../../shared/clusters.js'

let seq = 0
const newId = () => `id${++seq}`
const board = (stages = ['الوعي', 'المقارنة', 'القرار']) => {
  const doc = new Y.Doc()
  initBoard(doc, 'رحلة عميل منصة العمل الحر', stages, newId, 1000)
  return doc
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('board schema', () => {
  it('initialises meta and stages in the given order', () => {
    const s = readBoard(board())
    expect(s).toMatchObject({ title: 'رحلة عميل منصة العمل الحر', schemaVersion: SCHEMA_VERSION, createdAt: 1000 })
    expect(s.stages.map((x) => x.name)).toEqual(['الوعي', 'المقارنة', 'القرار'])
  })

  it('adds, renames, reorders and removes stages; removing one takes its notes', () => {
    const doc = board(['A', 'B', 'C'])
    const [a, b, c] = readBoard(doc).stages
    addStage(doc, 'd', 'D', 1)
    renameStage(doc, a!.id, 'Awareness')
    moveStage(doc, c!.id, 0)
    expect(readBoard(doc).stages.map((s) => s.name)).toEqual(['C', 'Awareness', 'D', 'B'])
    addNote(doc, { id: 'n', stageId: b!.id, kind: 'idea', authorId: 'u' })
    removeStage(doc, b!.id)
    expect(readBoard(doc).stages.map((s) => s.name)).toEqual(['C', 'Awareness', 'D'])
    expect(readBoard(doc).notes).toEqual([])
  })

  it('adds notes at a position, moves them across stages, changes kind, deletes', () => {
    const doc = board()
    const [s1, s2] = readBoard(doc).stages
    addNote(doc, { id: 'x', stageId: s1!.id, kind: 'action', text: 'ثبت‌نام', authorId: 'u' })
    addNote(doc, { id: 'y', stageId: s1!.id, kind: 'question', text: 'كم السعر؟', authorId: 'u' })
    addNote(doc, { id: 'z', stageId: s1!.id, kind: 'pain', text: 'slow support', authorId: 'u', index: 0 })
    expect(readBoard(doc).notes.map((n) => n.id)).toEqual(['z', 'x', 'y'])
    moveNote(doc, 'y', s1!.id, 0)
    moveNote(doc, 'z', s2!.id, 0)
    setNoteKind(doc, 'x', 'touchpoint')
    const notes = readBoard(doc).notes
    expect(notes.filter((n) => n.stageId === s1!.id).map((n) => n.id)).toEqual(['y', 'x'])
    expect(notes.find((n) => n.id === 'z')!.stageId).toBe(s2!.id)
    expect(notes.find((n) => n.id === 'x')!.kind).toBe('touchpoint')
    deleteNote(doc, 'x')
    expect(readBoard(doc).notes.map((n) => n.id)).toEqual(['y', 'z'])
  })

  it('edits text with the smallest change, so concurrent typing in the same note survives', () => {
    const a = board()
    const stageId = readBoard(a).stages[0]!.id
    addNote(a, { id: 'n', stageId, kind: 'feeling', text: 'راضٍ عن التسليم', authorId: 'u' })
    const b = new Y.Doc()
    sync(a, b)
    setNoteText(a, 'n', 'راضٍ جدًا عن التسليم') // inserts in the middle
    setNoteText(b, 'n', 'راضٍ عن التسليم الأول') // appends at the end
    sync(a, b)
    expect(readBoard(a).notes[0]!.text).toBe('راضٍ جدًا عن التسليم الأول')
    expect(readBoard(b)).toEqual(readBoard(a))
  })

  it('never duplicates or loses a note that two people move at once', () => {
    const a = board()
    const [s1, s2, s3] = readBoard(a).stages
    for (let i = 0; i < 5; i++) addNote(a, { id: `n${i}`, stageId: s1!.id, kind: 'idea', authorId: 'u' })
    const b = new Y.Doc()
    sync(a, b)
    moveNote(a, 'n2', s2!.id, 0)
    moveNote(b, 'n2', s3!.id, 0)
    moveNote(b, 'n4', s1!.id, 0)
    sync(a, b)
    const ids = readBoard(a).notes.map((n) => n.id).sort()
    expect(ids).toEqual(['n0', 'n1', 'n2', 'n3', 'n4'])
    expect(readBoard(b)).toEqual(readBoard(a))
  })

  it('leaves a note wholly in one place when one person moves it while another groups it', () => {
    const a = board()
    const [s1, s2] = readBoard(a).stages
    for (const id of ['n1', 'n2']) addNote(a, { id, stageId: s1!.id, kind: 'pain', text: 'الدفع فشل', authorId: 'u' })
    const b = new Y.Doc()
    sync(a, b)
    moveNote(a, 'n1', s2!.id, 0) // out of the stage…
    createCluster(b, 'c1', ['n2', 'n1'], 'الدفع') // …while it joins a cluster of the stage it leaves
    sync(a, b)
    // Version 1 kept stage and cluster apart, and could end with the note in stage 2 and a cluster of stage 1.
    const n1 = readBoard(a).notes.find((n) => n.id === 'n1')!
    expect([[s2!.id, null], [s1!.id, 'c1']]).toContainEqual([n1.stageId, n1.clusterId])
    expect(readBoard(b)).toEqual(readBoard(a))
  })
})
