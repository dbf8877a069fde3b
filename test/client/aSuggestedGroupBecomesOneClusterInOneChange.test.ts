// Accepting a suggested group (workshop/clustering.ts groupAll): one change to the doc makes the cluster,
// in the stage of the first note (the others move there), or adds the notes to the cluster some of them are
// in; nothing changes while this person may not cluster.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createClusterActions } from '../../client/src/features/workshop/clustering.js'
import { createCluster } from '../../shared/clusters.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'

function board() {
  const doc = new Y.Doc()
  let n = 0
  initBoard(doc, 'رحلة', ['الوعي', 'القرار', 'التجربة'], () => `s${n++}`)
  for (const [id, stageId] of [['a', 's1'], ['b', 's2'], ['c', 's1'], ['d', 's0']] as const) addNote(doc, { id, stageId, kind: 'pain', text: id, authorId: 'p' })
  return doc
}

describe('accepting a suggested group', () => {
  it('makes one cluster in one change, in the first note’s stage', () => {
    const doc = board()
    const changes: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => changes.push(u))
    const id = createClusterActions(doc, () => true, () => 'k').groupAll(['a', 'c', 'b'], null)
    expect(id).toBe('k')
    expect(changes).toHaveLength(1)
    const b = readBoard(doc)
    expect(b.clusters.map((c) => [c.id, c.stageId])).toEqual([['k', 's1']])
    expect(b.notes.filter((n) => n.clusterId === 'k').map((n) => [n.id, n.stageId]).sort()).toEqual([['a', 's1'], ['b', 's1'], ['c', 's1']])
  })

  it('adds the others to the cluster some of them are in, in its stage', () => {
    const doc = board()
    createCluster(doc, 'k', ['d'])
    createClusterActions(doc, () => true).groupAll(['d', 'a', 'b'], 'k')
    const b = readBoard(doc)
    expect(b.clusters.map((c) => c.id)).toEqual(['k'])
    expect(b.notes.filter((n) => n.clusterId === 'k').map((n) => [n.id, n.stageId]).sort()).toEqual([['a', 's0'], ['b', 's0'], ['d', 's0']])
  })

  it('changes nothing while clustering is not allowed, or for a cluster that is gone', () => {
    const doc = board()
    const before = Y.encodeStateAsUpdate(doc)
    expect(createClusterActions(doc, () => false).groupAll(['a', 'b'], null)).toBeUndefined()
    expect(createClusterActions(doc, () => true).groupAll(['a', 'b'], 'gone')).toBeUndefined()
    expect(createClusterActions(doc, () => true).groupAll(['a'], null)).toBeUndefined()
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})
