// The journey map as plain data: what the map view renders and what every export takes, so that exports are
// tested without Yjs and the server can export from a stored board without a client.
import * as Y from 'yjs'
import { byOrder, readBoard, type BoardState, type Stage } from './schema.js'
import { clusterTitle } from './clusters.js'
import { live, liveReactions, readComments, readReactions, threadsOf, type Thread } from './discussion.js'
import { readPeopleById } from './sessionDoc.js'
import { emotionCurve, readEmotions, readRatings, type CurvePoint } from './emotionCurve.js'
import { readFrame, readMapItems, type Frame, type MapItem } from './journeyMap.js'
import { laneLabel, readLanes, type Lane } from './lanes.js'
import { byVotes } from './mapItems.js'
import { readRounds, readSession, readTally } from './sessionDoc.js'
import { roundResults, type RoundResults } from './votingRounds.js'

export interface JourneyMap {
  /** The map's title: the frame's, else the board's. */
  title: string
  frame: Frame
  stages: { id: string; name: string }[]
  /** Visible lanes in order, each with a name to show (default names resolved in the reader's language). */
  lanes: { id: string; name: string }[]
  /** stageId -> laneId -> items, most votes first. Every stage × visible lane is present, empty or not. */
  cells: { [stageId: string]: { [laneId: string]: MapItem[] } }
  curve: CurvePoint[]
  /** Every voting round's results, oldest first, when the workshop voted in more than one (absent otherwise:
   *  the items' votes say it all). */
  rounds?: RoundResults[]
  /** Reactions and comments, when there are any (absent otherwise). */
  discussion?: MapDiscussion
}

export interface MapDiscussion {
  /** Note, cluster or map item id -> its reactions and comments. */
  threads: { [targetId: string]: Thread }
  /** The notes and clusters that have a thread, stage by stage (each stage's clusters, then its notes), with
   *  what they say. */
  items: { id: string; stageId: string; kind: 'note' | 'cluster'; text: string }[]
}

export interface MapParts {
  boardTitle: string
  frame: Frame
  stages: readonly Stage[]
  lanes: readonly Lane[]
  items: readonly MapItem[]
  emotions: { [stageId: string]: number }
  ratings: { [key: string]: number }
}

/** Names for default lanes that were never renamed, by lane id; English when absent. */
export type LaneNames = { [laneId: string]: string }

export function buildMap(p: MapParts, laneNames: LaneNames = {}): JourneyMap {
  const stages = [...p.stages].sort(byOrder).map((s) => ({ id: s.id, name: s.name }))
  const lanes = [...p.lanes]
    .sort(byOrder)
    .filter((l) => !l.hidden)
    .map((l) => ({ id: l.id, name: laneLabel(l, laneNames) }))
  const cells: JourneyMap['cells'] = {}
  for (const s of stages) cells[s.id] = Object.fromEntries(lanes.map((l) => [l.id, [] as MapItem[]]))
  for (const item of [...p.items].sort(byVotes)) cells[item.stageId]?.[item.laneId]?.push(item)
  return {
    title: p.frame.title.trim() || p.boardTitle,
    frame: p.frame,
    stages,
    lanes,
    cells,
    curve: emotionCurve(stages.map((s) => s.id), p.emotions, p.ratings),
  }
}

export function readMap(doc: Y.Doc, laneNames: LaneNames = {}): JourneyMap {
  const board = readBoard(doc)
  const kept = readRounds(doc)
  const rounds = kept.length ? { rounds: roundResults(board, kept, readSession(doc), readTally(doc)) } : {}
  const mapItems = readMapItems(doc)
  const discussion = readDiscussion(doc, board, mapItems)
  return { ...buildMap(
    {
      boardTitle: board.title,
      frame: readFrame(doc),
      stages: board.stages,
      lanes: readLanes(doc),
      items: mapItems,
      emotions: readEmotions(doc),
      ratings: readRatings(doc),
    },
    laneNames,
  ), ...rounds, ...(discussion ? { discussion } : {}) }
}

/** Only about what is still there, as the JSON export (shared/boardSnapshot.ts): notes, clusters, map items. */
function readDiscussion(doc: Y.Doc, board: BoardState, items: readonly { id: string }[]): MapDiscussion | undefined {
  const targets = new Set([...board.notes, ...board.clusters, ...items].map((r) => r.id))
  const names = Object.fromEntries(Object.entries(readPeopleById(doc)).map(([id, p]) => [id, p.name]))
  const threads = threadsOf(liveReactions(readReactions(doc), targets), live(readComments(doc), targets), names)
  if (!Object.keys(threads).length) return undefined
  const shown = board.stages.flatMap((s) => {
    const notes = board.notes.filter((n) => n.stageId === s.id)
    const clusters = board.clusters.filter((c) => c.stageId === s.id)
      .map((c) => ({ id: c.id, stageId: s.id, kind: 'cluster' as const, text: clusterTitle(c, notes.filter((n) => n.clusterId === c.id)) }))
    return [...clusters, ...notes.map((n) => ({ id: n.id, stageId: s.id, kind: 'note' as const, text: n.text }))]
  })
  return { threads, items: shown.filter((i) => Object.hasOwn(threads, i.id)) }
}

/** Every item of the map in reading order: stage by stage, lane by lane, most votes first. */
export const itemsInOrder = (map: JourneyMap): MapItem[] =>
  map.stages.flatMap((s) => map.lanes.flatMap((l) => map.cells[s.id]?.[l.id] ?? []))
