// Grouping notes into clusters, by drag and drop or from a note's "Group with…" menu, and moving clusters.
// Every write to a note goes through shared/clusters.ts, and only while this person may cluster (the server
// would refuse otherwise).
import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { addToCluster, createCluster, removeFromCluster, renameCluster, ungroup } from '../../../../shared/clusters.js'
import { keyAt } from '../../../../shared/order.js'
import { readBoard, roots } from '../../../../shared/schema.js'
import type { GroupTarget } from '../board/index.js'

export type ClusterActions = ReturnType<typeof createClusterActions>

export function createClusterActions(doc: Y.Doc, mayCluster: () => boolean, newId: () => string = nanoid) {
  return {
    /** Puts `noteId` with a lone note (a new cluster, in that note's stage) or into a cluster. */
    group(noteId: string, target: GroupTarget): boolean {
      if (!mayCluster() || target.noteId === noteId) return false
      if (target.clusterId) addToCluster(doc, noteId, target.clusterId)
      else if (target.noteId) createCluster(doc, newId(), [target.noteId, noteId])
      else return false
      return true
    },
    /** Groups several notes at once, in one change: into `clusterId`, or else into a new cluster in the
     *  stage of the first (the others move there). Returns the cluster, or undefined when nothing changed. */
    groupAll(noteIds: string[], clusterId: string | null): string | undefined {
      if (!mayCluster() || noteIds.length < 2) return undefined
      if (clusterId && !roots(doc).clusters.has(clusterId)) return undefined
      const id = clusterId ?? newId()
      if (clusterId) doc.transact(() => noteIds.forEach((n) => addToCluster(doc, n, clusterId)))
      else createCluster(doc, id, noteIds)
      return id
    },
    takeOut(noteId: string) {
      if (mayCluster()) removeFromCluster(doc, noteId)
    },
    rename(clusterId: string, name: string) {
      if (mayCluster()) renameCluster(doc, clusterId, name)
    },
    ungroup(clusterId: string) {
      if (mayCluster()) ungroup(doc, clusterId)
    },
    /** Moves a cluster to `index` among the clusters of `stageId` (its notes go with it to another stage).
     *  Returns where it is now, or undefined when it did not move (no such cluster, or already there). */
    move(clusterId: string, stageId: string, index: number): { index: number; count: number } | undefined {
      const cluster = roots(doc).clusters.get(clusterId)
      if (!mayCluster() || !cluster) return undefined
      const board = readBoard(doc)
      const inStage = () => readBoard(doc).clusters.filter((c) => c.stageId === stageId)
      const others = board.clusters.filter((c) => c.stageId === stageId && c.id !== clusterId)
      const from = board.clusters.filter((c) => c.stageId === stageId).findIndex((c) => c.id === clusterId)
      if (from >= 0 && from === Math.max(0, Math.min(index, others.length))) return undefined
      doc.transact(() => {
        // A cluster and its notes share a stage: the cluster's record moves, then each note joins it again,
        // which puts the note in the cluster's stage (its order among the notes is kept).
        if (cluster.get('stageId') !== stageId) cluster.set('stageId', stageId)
        cluster.set('order', keyAt(others, index))
        for (const n of board.notes) if (n.clusterId === clusterId && n.stageId !== stageId) addToCluster(doc, n.id, clusterId)
      })
      const now = inStage()
      return { index: now.findIndex((c) => c.id === clusterId), count: now.length }
    },
  }
}

/** The note or cluster under the pointer that a dragged note would join: a cluster anywhere on it, a
 *  lone note only near its middle (near its edges the drop still reorders). */
export function groupTargetAt(x: number, y: number, draggedId: string): GroupTarget | undefined {
  const el = document.elementFromPoint(x, y)
  const cluster = el?.closest<HTMLElement>('[data-cluster-id]')
  if (cluster) return { clusterId: cluster.dataset.clusterId!, el: cluster }
  const card = el?.closest<HTMLElement>('[data-note-id]')
  if (!card || card.dataset.noteId === draggedId || card.dataset.private !== undefined) return undefined
  const r = card.getBoundingClientRect()
  const band = r.height * 0.2
  return y > r.top + band && y < r.bottom - band ? { noteId: card.dataset.noteId!, el: card } : undefined
}
