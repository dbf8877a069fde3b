// Notes as version 1 of the schema wrote them (shared/schema.ts before version 2), for the tests of the upgrade:
// a board stored in version 1, and a device whose copy still holds version-1 records. Nothing outside test/
// writes version 1 any more.
import * as Y from 'yjs'
import { readSnapshot, writeSnapshot } from '../../shared/boardSnapshot.js'
import { roots, type Note } from '../../shared/schema.js'

/** A note record of version 1: Y.Map { id, stageId, kind, text: Y.Text, authorId, order, createdAt, clusterId? }. */
export function version1Note(n: Note): Y.Map<unknown> {
  const m = new Y.Map<unknown>()
  m.set('id', n.id)
  m.set('stageId', n.stageId)
  m.set('kind', n.kind)
  m.set('text', new Y.Text(n.text))
  m.set('authorId', n.authorId)
  m.set('order', n.order)
  m.set('createdAt', n.createdAt)
  if (n.clusterId) m.set('clusterId', n.clusterId)
  return m
}

/** The text of a version-1 record, to type in as a device holding one would. */
export const version1Text = (doc: Y.Doc, id: string) => roots(doc).notes.get(id)!.get('text') as Y.Text

/** The same board as a fresh document of version 1: every root as it is, the notes in version 1's records. */
export function asVersion1(board: Y.Doc): Y.Doc {
  const s = readSnapshot(board)
  const doc = new Y.Doc()
  doc.transact(() => {
    writeSnapshot(doc, { ...s, notes: [] })
    roots(doc).meta.set('schemaVersion', 1)
    for (const n of s.notes) roots(doc).notes.set(n.id, version1Note(n))
  })
  return doc
}

/** A private document of version 1 holding `notes` (its owner's, written while writing privately). */
export function version1PrivateDoc(notes: Note[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => notes.forEach((n) => roots(doc).notes.set(n.id, version1Note(n))))
  return doc
}
