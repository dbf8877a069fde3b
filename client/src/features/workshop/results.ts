// The ranked result of dot voting, computed the same way on every screen: the items are the clusters and
// lone notes in board order (as the map's promotion sees them), ranked by votes with ties in that order.
import { promotables } from '../../../../shared/mapItems.js'
import { byOrder, type BoardState, type Cluster } from '../../../../shared/schema.js'
import { countOf, rank } from '../../../../shared/workshop.js'
import type { BoardView } from '../board/boardStore.js'

export interface RankedItem {
  id: string
  kind: 'cluster' | 'note'
  title: string
  stageId: string
  votes: number
}

/** The board as shared/ reads it, from the client's stores. */
export function boardStateOf(board: BoardView, clusters: Record<string, Cluster>): BoardState {
  const notes = Object.values(board.notes).sort(byOrder)
  const used = new Set(notes.map((n) => n.clusterId))
  return {
    title: board.title,
    schemaVersion: 0,
    createdAt: 0,
    stages: board.stages,
    notes,
    clusters: Object.values(clusters).filter((c) => used.has(c.id)).sort(byOrder),
  }
}

/** Items that received votes, most first; everyone with the same board and tally sees the same list. */
export function rankedResults(board: BoardState, tally: Record<string, number>): RankedItem[] {
  return rank(promotables(board), tally)
    .map((p) => ({ id: p.id, kind: p.kind, title: p.title, stageId: p.stageId, votes: countOf(tally, p.id) }))
    .filter((item) => item.votes > 0)
}

/** A cluster's name, or its first note's text while it has none. */
export function clusterTitle(board: BoardView, cluster: Cluster, noteIds: readonly string[]): string {
  return cluster.name.trim() || board.notes[noteIds[0] ?? '']?.text.trim() || ''
}
