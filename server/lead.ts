// The facilitator leading the room (shared/lead.ts): what "bring everyone here", "follow me" and the spotlight
// write into the session, checked against the board as it is: a place is one of its stages or map cells, a
// spotlight one of its notes or clusters. Pure over the document; server/workshop.ts runs them in its queue.
import type * as Y from 'yjs'
import { placeOf, type MapCell, type Place } from '../shared/lead.js'
import { readLanes } from '../shared/lanes.js'
import { rankedResults } from '../shared/mapItems.js'
import { readBoard, roots } from '../shared/schema.js'
import { readTally } from '../shared/sessionDoc.js'
import { timerCommand, type Action, type Session } from '../shared/workshop.js'
import { ApiError } from './errors.js'

type LeadAction = Extract<Action, { type: 'summon' | 'follow' | 'spotlight' }>

/** The session fields an action of leading changes, or an ApiError naming what is wrong with it. */
export function leadPatch(doc: Y.Doc, s: Session, by: string, a: LeadAction, now: number): Partial<Session> {
  switch (a.type) {
    case 'summon': {
      const place = checkedPlace(doc, a)
      if (!place.stageId && !place.cell) throw new ApiError(400, 'invalid_action', '"stageId" or "cell" is required.')
      return { summon: { seq: (s.summon?.seq ?? 0) + 1, by, ...place } }
    }
    case 'follow': {
      if (!a.on) return { follow: null }
      // A new "follow me" (or one taken over from another facilitator) starts anew: whoever stopped following
      // the last one follows this one.
      const since = s.follow?.by === by ? s.follow.since : now
      return { follow: { by, since, ...checkedPlace(doc, a) } }
    }
    case 'spotlight': {
      if (!a.item) return { spotlight: null }
      const { kind, id } = a.item
      const { notes, clusters } = roots(doc)
      const there = kind === 'note' ? notes.has(id) : clusters.has(id) && readBoard(doc).notes.some((n) => n.clusterId === id)
      if (!there) throw new ApiError(409, 'unknown_item', `There is no such ${kind} on the board.`)
      const patch: Partial<Session> = { spotlight: { kind, id, seq: (s.spotlight?.seq ?? 0) + 1 } }
      if (a.timerMs) patch.timer = timerCommand(s.timer, 'start', a.timerMs, now)
      return patch
    }
  }
}

/** The first of the ranked items, in the spotlight when the discussion starts; null when nothing got a vote. */
export function firstRanked(doc: Y.Doc, s: Session): Session['spotlight'] {
  const first = rankedResults(readBoard(doc), readTally(doc))[0]
  return first ? { kind: first.kind, id: first.id, seq: (s.spotlight?.seq ?? 0) + 1 } : null
}

function checkedPlace(doc: Y.Doc, p: Place): Place {
  const place = placeOf(p)
  if (place.stageId !== undefined && !roots(doc).stages.has(place.stageId)) throw unknownStage()
  if (place.cell) checkCell(doc, place.cell)
  return place
}

function checkCell(doc: Y.Doc, cell: MapCell) {
  if (!roots(doc).stages.has(cell.stageId)) throw unknownStage()
  if (!readLanes(doc).some((l) => l.id === cell.laneId)) throw new ApiError(409, 'unknown_lane', 'There is no such lane on the map.')
}

const unknownStage = () => new ApiError(409, 'unknown_stage', 'There is no such stage on the board.')
