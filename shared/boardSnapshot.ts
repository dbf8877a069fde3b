// The whole board as plain data — the workshop's notes and clusters, the session's phase and tally, and the
// journey map — read from a board document or written into a fresh one. The JSON export is this, versioned
// (shared/export/json.ts); the records keep their ids and order keys, so an import is the same board.
import * as Y from 'yjs'
import { SCHEMA_VERSION, byOrder, noteRecord, readBoard, readBoardLang, roots, type BoardLang, type Cluster, type Note, type Stage } from './schema.js'
import { readSession, readTally, writeSession, writeTally } from './sessionDoc.js'
import type { Phase } from './workshop.js'
import { mapRoots, readFrame, readMapItems, setFrame, type Frame, type MapItem } from './journeyMap.js'
import { readLanes, type Lane } from './lanes.js'
import { readEmotions, readRatings } from './emotionCurve.js'
import { readOutcomes, writeOutcomes, type Outcome } from './outcomes.js'
import { live, liveReactions, readComments, readReactions, writeComments, writeReactions, type Comment } from './discussion.js'
import { readRounds, writeRound } from './sessionDoc.js'
import type { KeptRound } from './votingRounds.js'

export interface BoardSnapshot {
  title: string
  schemaVersion: number
  createdAt: number
  /** The board's language; absent for boards made before boards had one (their exports guess it). */
  lang?: BoardLang | undefined
  phase: Phase
  stages: Stage[]
  /** In order; a note's `clusterId` is null when it stands alone. */
  notes: Note[]
  /** Clusters that hold at least one note. */
  clusters: Cluster[]
  /** Votes per cluster or lone note, once revealed. */
  tally: { [itemId: string]: number }
  frame: Frame
  /** Every lane, hidden ones too; a default lane's name is '' until renamed. */
  lanes: Lane[]
  mapItems: MapItem[]
  emotions: { [stageId: string]: number }
  ratings: { [personAndStage: string]: number }
  /** Decisions and next steps of the discuss phase, in the order they were added (shared/outcomes.ts). */
  outcomes: Outcome[]
  /** Reactions (`personId:targetId:reaction` -> createdAt) and comments, oldest first, on what is still on the
   *  board: notes, clusters that hold notes, map items (shared/discussion.ts). */
  reactions: { [key: string]: number }
  comments: Comment[]
  /** When the workshop voted in more than one round: the finished rounds, oldest first, and the current one
   *  (whose votes are `tally`) with its budget and cap. */
  rounds?: { kept: KeptRound[]; current: Omit<KeptRound, 'tally'> } | undefined
}

export function readSnapshot(doc: Y.Doc): BoardSnapshot {
  const board = readBoard(doc)
  // Stage by stage, then by position (readBoard sorts on the order key alone, which interleaves stages).
  const stageIndex = new Map(board.stages.map((s, i) => [s.id, i]))
  const place = (n: Note) => stageIndex.get(n.stageId) ?? board.stages.length
  const notes = [...board.notes].sort((a, b) => place(a) - place(b) || byOrder(a, b))
  const mapItems = readMapItems(doc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const targets = new Set([...notes, ...board.clusters, ...mapItems].map((r) => r.id))
  return {
    title: board.title,
    schemaVersion: board.schemaVersion,
    createdAt: board.createdAt,
    lang: readBoardLang(doc),
    phase: readSession(doc).phase,
    stages: board.stages,
    notes,
    clusters: board.clusters,
    tally: readTally(doc),
    frame: readFrame(doc),
    lanes: readLanes(doc),
    mapItems,
    emotions: readEmotions(doc),
    ratings: readRatings(doc),
    outcomes: readOutcomes(doc),
    reactions: liveReactions(readReactions(doc), targets),
    comments: live(readComments(doc), targets),
    rounds: readRoundsOf(doc),
  }
}

function readRoundsOf(doc: Y.Doc): BoardSnapshot['rounds'] {
  const kept = readRounds(doc)
  if (!kept.length) return undefined
  const s = readSession(doc)
  return { kept, current: { ...s.round, budget: s.budget, maxPerItem: s.maxPerItem } }
}

const record = (fields: { [k: string]: unknown }) => {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) m.set(k, v)
  return m
}

/** Writes a snapshot into a document that has no board yet (an import, a copy of a board), in this version
 *  of the schema whatever version the snapshot was read from. */
export function writeSnapshot(doc: Y.Doc, s: BoardSnapshot) {
  const { meta, stages, notes, clusters } = roots(doc)
  const map = mapRoots(doc)
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', s.title)
    meta.set('createdAt', s.createdAt)
    if (s.lang) meta.set('lang', s.lang)
    for (const st of s.stages) stages.set(st.id, record({ ...st }))
    for (const n of s.notes) notes.set(n.id, noteRecord(n))
    for (const c of s.clusters) clusters.set(c.id, record({ ...c }))
    writeSession(doc, { phase: s.phase })
    writeTally(doc, s.tally)
    setFrame(doc, s.frame)
    for (const l of s.lanes) map.lanes.set(l.id, record({ ...l }))
    for (const i of s.mapItems) map.mapItems.set(i.id, record({ ...i }))
    for (const [k, v] of Object.entries(s.emotions)) map.emotions.set(k, v)
    for (const [k, v] of Object.entries(s.ratings)) map.ratings.set(k, v)
    writeOutcomes(doc, s.outcomes)
    writeReactions(doc, s.reactions)
    writeComments(doc, s.comments)
    if (s.rounds) {
      for (const r of s.rounds.kept) writeRound(doc, r)
      const { budget, maxPerItem, ...round } = s.rounds.current
      writeSession(doc, { round, budget, maxPerItem })
    }
  })
}
