// Leading the room (the facilitator's): bring everyone to a place, have them follow as one moves, and put a
// note or a cluster in the spotlight. Plain data in the session, which only the server writes
// (server/workshop.ts); each client moves its own view (client/src/features/workshop/lead.ts).
//
//   session.summon     { seq, by, stageId? | cell? }  "bring everyone here": seq grows with each, so bringing
//                      everyone to the same place twice moves them twice; `by` is not moved
//   session.follow     { by, since, stageId? | cell? } or null: "follow me"; the place changes as `by` moves,
//                      `since` only when following starts anew (a person who stopped follows the next one)
//   session.spotlight  { kind: 'note' | 'cluster', id, seq } or null: highlighted and in view on every screen
//                      until released; in the discuss phase, the ranked item being discussed

/** A cell of the journey map: a stage (column) and a lane (row). */
export interface MapCell {
  stageId: string
  laneId: string
}

/** Where someone looks: a stage of the board, or a cell of the map (the view each implies). */
export interface Place {
  stageId?: string
  cell?: MapCell
}

export interface Summon extends Place {
  seq: number
  /** Who brought everyone: their own view stays where it is. */
  by: string
}

export interface Follow extends Place {
  by: string
  /** Server time (ms) when this "follow me" started. */
  since: number
}

export const SPOTLIGHT_KINDS = ['note', 'cluster'] as const
export type SpotlightKind = (typeof SPOTLIGHT_KINDS)[number]

export interface Spotlight {
  kind: SpotlightKind
  id: string
  /** Grows with each spotlight, so that spotlighting the same item again brings it into view again. */
  seq: number
}

/** The place alone, without what else a summon or follow holds: a stage or a cell, never both. */
export function placeOf(p: Place): Place {
  if (p.cell) return { cell: { stageId: p.cell.stageId, laneId: p.cell.laneId } }
  return p.stageId ? { stageId: p.stageId } : {}
}

export const samePlace = (a: Place | null | undefined, b: Place | null | undefined): boolean =>
  (a?.stageId ?? null) === (b?.stageId ?? null) &&
  (a?.cell?.stageId ?? null) === (b?.cell?.stageId ?? null) &&
  (a?.cell?.laneId ?? null) === (b?.cell?.laneId ?? null)
