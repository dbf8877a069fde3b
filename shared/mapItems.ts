// Promotion and the map's items: a cluster or a lone note becomes an item in its stage's column and the lane
// its notes' kinds point to; the facilitator then moves, retitles, measures or demotes it.
//
// A promoted item's id comes from its source (`cluster:<id>`, `note:<id>`), so that two of the facilitator's
// tabs promoting the same cluster at once write one record, not two. What the discuss phase decided about it
// (shared/outcomes.ts) comes along: each decision and next step in the opportunity lane of its stage, each
// owner in the owner lane (`outcome:<outcomeId>`, `owner:<sourceId>:<owner>`).
import * as Y from 'yjs'
import { clusterTitle } from './clusters.js'
import { keyAt } from './order.js'
import { byOrder, readBoard, type BoardState, type NoteKind } from './schema.js'
import { readTally } from './sessionDoc.js'
import { countOf, rank } from './workshop.js'
import { asMetric, mapRoots, readMapItems, type MapItem, type Metric } from './journeyMap.js'
import { LANE_IDS, laneForKind, readLanes, type Lane } from './lanes.js'
import { outcomesOf } from './outcomes.js'

export interface PromoteSource {
  kind: 'cluster' | 'note'
  id: string
}

/** Where the item goes, when not where its source points. */
export interface PromoteOptions {
  stageId?: string
  laneId?: string
}

/** A cluster or a note as it would be promoted. */
export interface Promotable extends PromoteSource {
  stageId: string
  title: string
  notes: string[]
  kinds: NoteKind[]
}

/** Items of a cell as shown: most votes first, then the facilitator's order. */
export const byVotes = (a: MapItem, b: MapItem) => b.votes - a.votes || byOrder(a, b)

/** The visible lane that most of `kinds` feed; ties go to the earlier lane. With none, the first visible lane. */
export function fittingLane(kinds: readonly NoteKind[], lanes: readonly Lane[]): string {
  const counts = new Map<string, number>()
  for (const k of kinds) counts.set(laneForKind(k), (counts.get(laneForKind(k)) ?? 0) + 1)
  const visible = lanes.filter((l) => !l.hidden)
  let best = visible[0]?.id ?? lanes[0]?.id ?? LANE_IDS[0]
  let most = 0
  for (const l of visible) {
    const n = counts.get(l.id) ?? 0
    if (n > most) [best, most] = [l.id, n]
  }
  return best
}

/** Clusters and lone notes in board order: stage by stage, a stage's clusters first, then its lone notes. */
export function promotables(board: BoardState): Promotable[] {
  const out: Promotable[] = []
  for (const stage of board.stages) {
    for (const c of board.clusters) if (c.stageId === stage.id) out.push(clusterSource(board, c.id)!)
    for (const n of board.notes) {
      if (n.stageId === stage.id && !n.clusterId && n.text.trim()) out.push(sourceOf(board, { kind: 'note', id: n.id })!)
    }
  }
  return out
}

function clusterSource(board: BoardState, id: string): Promotable | undefined {
  const cluster = board.clusters.find((c) => c.id === id)
  if (!cluster) return undefined
  const members = board.notes.filter((n) => n.clusterId === id)
  const notes = members.map((n) => n.text.trim()).filter(Boolean)
  return { kind: 'cluster', id, stageId: cluster.stageId, title: clusterTitle(cluster, members), notes,
    kinds: members.map((n) => n.kind) }
}

/** One line of the vote's result. */
export interface RankedItem {
  id: string
  kind: 'cluster' | 'note'
  title: string
  stageId: string
  votes: number
}

/** The items that received votes, most first, ties in board order: the same list on every screen and in
 *  every export. */
export function rankedResults(board: BoardState, votes: Record<string, number>): RankedItem[] {
  return rank(promotables(board), votes)
    .map((p) => ({ id: p.id, kind: p.kind, title: p.title, stageId: p.stageId, votes: countOf(votes, p.id) }))
    .filter((item) => item.votes > 0)
}

export function sourceOf(board: BoardState, source: PromoteSource): Promotable | undefined {
  if (source.kind === 'cluster') return clusterSource(board, source.id)
  const note = board.notes.find((n) => n.id === source.id)
  if (!note) return undefined
  // A lone note's text is its title; repeating it as a note would only say it twice.
  return { kind: 'note', id: note.id, stageId: note.stageId, title: note.text.trim(), notes: [], kinds: [note.kind] }
}

/** Promotes a cluster or a note, or refreshes its item (title, notes, votes) if it is on the map already; an
 *  item the facilitator moved stays where it is unless `opts` says otherwise. Returns the item id. */
export function promote(doc: Y.Doc, source: PromoteSource, opts: PromoteOptions = {}): string | null {
  const src = sourceOf(readBoard(doc), source)
  if (!src) return null
  const votes = countOf(readTally(doc), src.id)
  let id = ''
  doc.transact(() => (id = writeWithOutcomes(doc, src, votes, opts)))
  return id
}

/** Promotes the N clusters and lone notes with the most votes (ties in board order) in one transaction.
 *  Nothing without a vote is promoted: before votes are revealed, "the top N" means nothing yet. */
export function promoteTopN(doc: Y.Doc, n: number): string[] {
  const board = readBoard(doc)
  const tally = readTally(doc)
  const top = rank(promotables(board), tally).filter((p) => countOf(tally, p.id) > 0).slice(0, Math.max(0, n))
  const ids: string[] = []
  doc.transact(() => {
    for (const p of top) ids.push(writeWithOutcomes(doc, p, countOf(tally, p.id), {}))
  })
  return ids
}

function writeItem(doc: Y.Doc, src: Promotable, votes: number, opts: PromoteOptions): string {
  const items = readMapItems(doc)
  const existing = items.find((i) => i.sourceKind === src.kind && i.sourceId === src.id)
  const id = existing?.id ?? `${src.kind}:${src.id}`
  const stageId = opts.stageId ?? existing?.stageId ?? src.stageId
  const laneId = opts.laneId ?? existing?.laneId ?? fittingLane(src.kinds, readLanes(doc))
  const { mapItems } = mapRoots(doc)
  const stored = existing && mapItems.get(id)
  const m = stored || new Y.Map<unknown>()
  const fields: { [k: string]: unknown } = { id, stageId, laneId, sourceKind: src.kind, sourceId: src.id,
    title: src.title, notes: src.notes, votes }
  if (!existing || existing.stageId !== stageId || existing.laneId !== laneId || existing.votes !== votes) {
    fields.order = placeInCell(items, id, stageId, laneId, votes, Infinity)
  }
  // Only what changed is written, so refreshing an item that is up to date costs no update at all.
  for (const [k, v] of Object.entries(fields)) if (!stored || JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, v)
  if (!stored) mapItems.set(id, m)
  return id
}

/** The item, then what was decided about it beside it in its stage. */
function writeWithOutcomes(doc: Y.Doc, src: Promotable, votes: number, opts: PromoteOptions): string {
  const id = writeItem(doc, src, votes, opts)
  const stageId = readMapItems(doc).find((i) => i.id === id)?.stageId ?? src.stageId
  writeOutcomeItems(doc, src, stageId)
  return id
}

export const OUTCOME_LANE = 'opportunity'
export const OWNER_LANE = 'owner'

/** The decisions and next steps about `src` as items of the map: each in the opportunity lane of `stageId`,
 *  with its owner and due date, and each owner once in the owner lane, holding the texts of what they own.
 *  Written again with the item, as a snapshot: what the discussion took back leaves the map, and what the
 *  facilitator moved stays where they put it. */
function writeOutcomeItems(doc: Y.Doc, src: Promotable, stageId: string) {
  const outcomes = outcomesOf(doc, src.id).filter((o) => o.text.trim())
  const wanted = new Map<string, { laneId: string; title: string; notes: string[]; extra: { [k: string]: unknown } }>()
  for (const o of outcomes) {
    wanted.set(`outcome:${o.id}`, { laneId: OUTCOME_LANE, title: o.text, notes: [], extra: { outcome: o.kind, owner: o.owner, due: o.due } })
  }
  for (const o of outcomes) {
    if (!o.owner.trim()) continue
    const id = `owner:${src.id}:${o.owner.trim().toLocaleLowerCase()}`
    const owner = wanted.get(id) ?? { laneId: OWNER_LANE, title: o.owner.trim(), notes: [], extra: {} }
    owner.notes.push(o.text)
    wanted.set(id, owner)
  }
  const { mapItems } = mapRoots(doc)
  const items = readMapItems(doc)
  for (const i of items) if (i.sourceKind === 'outcome' && i.sourceId === src.id && !wanted.has(i.id)) mapItems.delete(i.id)
  for (const [id, w] of wanted) {
    const existing = items.find((i) => i.id === id)
    const stored = existing && mapItems.get(id)
    const m = stored || new Y.Map<unknown>()
    const at = { stageId: existing?.stageId ?? stageId, laneId: existing?.laneId ?? w.laneId }
    const fields: { [k: string]: unknown } = { id, ...at, sourceKind: 'outcome', sourceId: src.id, title: w.title,
      notes: w.notes, votes: 0, ...w.extra }
    if (!existing) fields.order = placeInCell(readMapItems(doc), id, at.stageId, at.laneId, 0, Infinity)
    for (const [k, v] of Object.entries(fields)) if (!stored || JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, v)
    if (!stored) mapItems.set(id, m)
  }
}

/** An order key that puts an item at `index` of a cell as shown (excluding itself). Votes rank first, so the
 *  item lands as near to `index` as its votes allow: among the items with as many votes as it has. */
function placeInCell(items: readonly MapItem[], id: string, stageId: string, laneId: string, votes: number,
  index: number): string {
  const cell = items.filter((i) => i.id !== id && i.stageId === stageId && i.laneId === laneId).sort(byVotes)
  const before = cell.slice(0, Math.max(0, index)).filter((i) => i.votes === votes).length
  return keyAt(cell.filter((i) => i.votes === votes), before)
}

export interface NewMapItem {
  id: string
  stageId: string
  laneId: string
  title: string
  /** Position in the cell as shown; at the end by default. */
  index?: number
}

/** An item the facilitator writes directly on the map, with no cluster behind it. */
export function addItem(doc: Y.Doc, n: NewMapItem) {
  const { mapItems } = mapRoots(doc)
  if (mapItems.has(n.id)) return
  const m = new Y.Map<unknown>()
  const fields = { id: n.id, stageId: n.stageId, laneId: n.laneId, sourceKind: 'manual', sourceId: '', title: n.title,
    notes: [], votes: 0, order: placeInCell(readMapItems(doc), n.id, n.stageId, n.laneId, 0, n.index ?? Infinity) }
  for (const [k, v] of Object.entries(fields)) m.set(k, v)
  mapItems.set(n.id, m)
}

/** Takes an item off the map; its cluster or note stays on the board. */
export function demote(doc: Y.Doc, itemId: string) {
  mapRoots(doc).mapItems.delete(itemId)
}

/** Moves an item to a cell, at `index` among the cell's items as shown. */
export function moveItem(doc: Y.Doc, itemId: string, stageId: string, laneId: string, index: number) {
  const items = readMapItems(doc)
  const item = items.find((i) => i.id === itemId)
  const m = mapRoots(doc).mapItems.get(itemId)
  if (!item || !m) return
  doc.transact(() => {
    m.set('stageId', stageId)
    m.set('laneId', laneId)
    m.set('order', placeInCell(items, itemId, stageId, laneId, item.votes, index))
  })
}

export function editItem(doc: Y.Doc, itemId: string, patch: { title?: string; notes?: string[] }) {
  const m = mapRoots(doc).mapItems.get(itemId)
  if (!m) return
  doc.transact(() => {
    if (patch.title !== undefined) m.set('title', patch.title)
    if (patch.notes !== undefined) m.set('notes', patch.notes.map(String))
  })
}

/** Sets how the item is measured (NPS, CES, CSAT or the team's own, with a target); null removes it. */
export function setMetric(doc: Y.Doc, itemId: string, metric: Metric | null) {
  const m = mapRoots(doc).mapItems.get(itemId)
  if (!m) return
  const clean = asMetric(metric)
  if (clean) m.set('metric', clean)
  else if (m.has('metric')) m.delete('metric')
}
