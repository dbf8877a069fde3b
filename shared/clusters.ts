// Clustering: a note's membership is part of its place (stage, order, cluster: one value on the note), so
// however many people cluster and move at once, every note ends in exactly one place; a cluster with no
// notes left simply stops showing.
import * as Y from 'yjs'
import { keyAt } from './order.js'
import { byOrder, readCluster, readNotePlace, roots, writeNotePlace } from './schema.js'

/** What a cluster is called: its name, or while it has none the text of its first note that has any. */
export const clusterTitle = (cluster: { name: string }, notes: readonly { text: string }[]): string =>
  cluster.name.trim() || notes.map((n) => n.text.trim()).find(Boolean) || ''

function clustersOf(doc: Y.Doc, stageId: string) {
  return [...roots(doc).clusters.values()].map(readCluster).filter((c) => c.stageId === stageId).sort(byOrder)
}

/** Groups `noteIds` into a new cluster in the stage of the first note (others move there). */
export function createCluster(doc: Y.Doc, id: string, noteIds: string[], name = '', now = Date.now()) {
  const { notes, clusters } = roots(doc)
  const first = notes.get(noteIds[0] ?? '')
  if (!first) return
  const stageId = readNotePlace(first).stageId
  doc.transact(() => {
    const c = new Y.Map<unknown>()
    c.set('id', id)
    c.set('name', name)
    c.set('stageId', stageId)
    c.set('order', keyAt(clustersOf(doc, stageId), Number.MAX_SAFE_INTEGER))
    c.set('createdAt', now)
    clusters.set(id, c)
    for (const noteId of noteIds) addToCluster(doc, noteId, id)
  })
}

/** Puts a note into a cluster (leaving any other); the note moves to the cluster's stage. */
export function addToCluster(doc: Y.Doc, noteId: string, clusterId: string) {
  const { notes, clusters } = roots(doc)
  const note = notes.get(noteId)
  const cluster = clusters.get(clusterId)
  if (!note || !cluster) return
  const place = readNotePlace(note)
  const previous = place.clusterId
  doc.transact(() => {
    writeNotePlace(note, { ...place, stageId: String(cluster.get('stageId')), clusterId })
    if (previous !== null && previous !== clusterId) dropIfEmpty(doc, previous)
  })
}

export function removeFromCluster(doc: Y.Doc, noteId: string) {
  const note = roots(doc).notes.get(noteId)
  const place = note && readNotePlace(note)
  const previous = place?.clusterId
  if (!note || !place || typeof previous !== 'string') return
  doc.transact(() => {
    writeNotePlace(note, { ...place, clusterId: null })
    dropIfEmpty(doc, previous)
  })
}

export function renameCluster(doc: Y.Doc, clusterId: string, name: string) {
  roots(doc).clusters.get(clusterId)?.set('name', name)
}

/** Dissolves a cluster: its notes stand alone again, where they are. */
export function ungroup(doc: Y.Doc, clusterId: string) {
  const { notes, clusters } = roots(doc)
  doc.transact(() => {
    for (const note of notes.values()) {
      const place = readNotePlace(note)
      if (place.clusterId === clusterId) writeNotePlace(note, { ...place, clusterId: null })
    }
    clusters.delete(clusterId)
  })
}

function dropIfEmpty(doc: Y.Doc, clusterId: string) {
  const { notes, clusters } = roots(doc)
  for (const n of notes.values()) if (readNotePlace(n).clusterId === clusterId) return
  clusters.delete(clusterId)
}
