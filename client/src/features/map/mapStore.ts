// The journey map as Solid state, bridged one way from the Y.Doc like the board store: after each transaction
// that touched the map's roots, the plain map (shared/readMap) is rebuilt and reconciled in; every write goes
// through a shared mutator. The server closes the socket of anyone who writes what their role may not (4403),
// so the store lets the facilitator's writes through only for the facilitator, and a rating only in the map
// phase, in the rater's own name.
import { createComputed, type Accessor } from 'solid-js'
import { reconcile } from 'solid-js/store'
import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { createYStore } from '../../lib/yStore.js'
import { readEmotions, readRatings, setEmotion, setRating } from '../../../../shared/emotionCurve.js'
import { mapRoots, readFrame, readMapItems, setFrame, type Frame, type MapItem, type Metric } from '../../../../shared/journeyMap.js'
import { addLane, laneLabel, hideLane, moveLane, readLanes, renameLane, type Lane } from '../../../../shared/lanes.js'
import * as items from '../../../../shared/mapItems.js'
import { buildMap, type JourneyMap, type LaneNames } from '../../../../shared/readMap.js'
import { readBoard, roots } from '../../../../shared/schema.js'
import { readSession, readTally } from '../../../../shared/sessionDoc.js'
import { countOf, rank, type Session } from '../../../../shared/workshop.js'

export interface LaneView extends Lane {
  /** The name to show: the lane's own, else the default name in the reader's language. */
  label: string
}

/** A cluster or lone note the facilitator can promote, with its votes and its item if it is on the map. */
export interface PromotableView extends items.Promotable {
  votes: number
  itemId: string | null
}

export interface MapState {
  map: JourneyMap
  /** Every lane, hidden ones too, in order. */
  lanes: LaneView[]
  /** By stage, most votes first; empty until someone asks for them (see `watchPromotables`). */
  promotables: PromotableView[]
  session: Session
  /** The facilitator's own scores, by stage id. */
  emotions: { [stageId: string]: number }
  /** Everyone's ratings, `${personId}:${stageId}` -> score. */
  ratings: { [key: string]: number }
}

/** Where an item sits, as a person reads the grid. */
export interface ItemPlace {
  item: MapItem
  stageIndex: number
  laneIndex: number
  /** 0-based among the cell's items as shown. */
  index: number
  count: number
}

export interface MapStoreOptions {
  /** Names of the default lanes in the reader's language. */
  laneNames?: Accessor<LaneNames>
  /** Whether this person is the facilitator; facilitator writes are dropped otherwise. */
  canEdit?: Accessor<boolean>
  newId?: () => string
}

export type MapStore = ReturnType<typeof createMapStore>

export function createMapStore(doc: Y.Doc, opts: MapStoreOptions = {}) {
  const laneNames = opts.laneNames ?? (() => ({}))
  const canEdit = opts.canEdit ?? (() => false)
  const newId = opts.newId ?? nanoid
  const map = mapRoots(doc)
  const board = roots(doc)
  const session = doc.getMap('session')
  const tally = doc.getMap('tally')

  function readAll(): Omit<MapState, 'promotables' | 'session'> {
    const b = readBoard(doc)
    const names = laneNames()
    const lanes = readLanes(doc)
    const emotions = readEmotions(doc)
    const ratings = readRatings(doc)
    const built = buildMap({ boardTitle: b.title, frame: readFrame(doc), stages: b.stages, lanes, items: readMapItems(doc),
      emotions, ratings }, names)
    return { map: built, lanes: lanes.map((l) => ({ ...l, label: laneLabel(l, names) })), emotions, ratings }
  }

  function readPromotables(): PromotableView[] {
    const b = readBoard(doc)
    const votes = readTally(doc)
    const onMap = new Map(readMapItems(doc).filter((i) => i.sourceKind !== 'manual').map((i) => [`${i.sourceKind}:${i.sourceId}`, i.id]))
    const all = items.promotables(b)
    // Stage by stage, as on the board; within a stage, most votes first.
    return b.stages.flatMap((s) =>
      rank(all.filter((p) => p.stageId === s.id), votes).map((p) => ({
        ...p, votes: countOf(votes, p.id), itemId: onMap.get(`${p.kind}:${p.id}`) ?? null,
      })),
    )
  }

  // Promotables read every note: only worth it while someone looks at them, and not while notes are typed.
  let promotablesWatched = 0
  const refreshPromotables = () => set('promotables', reconcile(readPromotables(), { key: 'id' }))
  const refreshMap = () => {
    const next = readAll()
    set('map', reconcile(next.map))
    set('lanes', reconcile(next.lanes, { key: 'id' }))
    set('emotions', reconcile(next.emotions))
    set('ratings', reconcile(next.ratings))
  }
  const { state, set, dispose } = createYStore<MapState>(doc, { ...readAll(), promotables: [], session: readSession(doc) }, [
    { types: [map.frame, map.lanes, map.mapItems, map.emotions, map.ratings, board.stages, board.meta], refresh: refreshMap },
    {
      types: [board.notes, board.clusters, board.stages, tally, map.mapItems],
      refresh: () => promotablesWatched > 0 && refreshPromotables(),
    },
    { types: [session], refresh: (s) => s('session', reconcile(readSession(doc))) },
  ])
  // Lane names follow the interface language.
  createComputed((first: boolean) => {
    laneNames()
    if (!first) refreshMap()
    return false
  }, true)

  /** Runs `f` only for the facilitator: anyone else's write would be refused and cost them their socket. */
  const fac =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R | undefined =>
      canEdit() ? f(...a) : undefined

  const itemById = (id: string): MapItem | undefined => {
    for (const s of state.map.stages) for (const l of state.map.lanes) {
      const found = state.map.cells[s.id]?.[l.id]?.find((i) => i.id === id)
      if (found) return found
    }
    return undefined
  }

  function place(id: string): ItemPlace | undefined {
    const m = state.map
    for (let si = 0; si < m.stages.length; si++) {
      for (let li = 0; li < m.lanes.length; li++) {
        const cell = m.cells[m.stages[si]!.id]?.[m.lanes[li]!.id] ?? []
        const index = cell.findIndex((i) => i.id === id)
        if (index >= 0) return { item: cell[index]!, stageIndex: si, laneIndex: li, index, count: cell.length }
      }
    }
    return undefined
  }

  /** Whether `personId` may rate the stages now (the server's rule: the map phase of an unlocked board). */
  const ratingOpen = () => state.session.phase === 'map' && !state.session.locked

  const actions = {
    setFrame: fac((patch: Partial<Frame>) => setFrame(doc, patch)),
    promote: fac((source: items.PromoteSource, where?: items.PromoteOptions) => items.promote(doc, source, where)),
    promoteTopN: fac((n: number) => items.promoteTopN(doc, n)),
    addItem: fac((stageId: string, laneId: string, title: string) => {
      const id = `manual:${newId()}`
      items.addItem(doc, { id, stageId, laneId, title })
      return id
    }),
    demote: fac((id: string) => items.demote(doc, id)),
    editTitle: fac((id: string, title: string) => items.editItem(doc, id, { title })),
    setMetric: fac((id: string, metric: Metric | null) => items.setMetric(doc, id, metric)),
    moveItem: fac((id: string, stageId: string, laneId: string, index: number) => items.moveItem(doc, id, stageId, laneId, index)),
    /** Moves an item a step: within its cell (dIndex), or to the neighbouring stage or lane, keeping its
     *  lane or stage. Returns the new place, or undefined when nothing moved (an edge, or votes rank it). */
    nudgeItem: fac((id: string, step: { dStage?: number; dLane?: number; dIndex?: number }): ItemPlace | undefined => {
      const from = place(id)
      if (!from) return undefined
      const m = state.map
      const stage = m.stages[from.stageIndex + (step.dStage ?? 0)]
      const lane = m.lanes[from.laneIndex + (step.dLane ?? 0)]
      if (!stage || !lane) return undefined
      const sameCell = !step.dStage && !step.dLane
      const index = sameCell ? from.index + (step.dIndex ?? 0) : Number.MAX_SAFE_INTEGER
      if (sameCell && (index < 0 || index >= from.count)) return undefined
      items.moveItem(doc, id, stage.id, lane.id, index)
      const to = place(id)
      return to && (to.stageIndex !== from.stageIndex || to.laneIndex !== from.laneIndex || to.index !== from.index) ? to : undefined
    }),
    renameLane: fac((id: string, name: string) => renameLane(doc, id, name)),
    addLane: fac((name: string) => {
      const id = `lane-${newId()}`
      addLane(doc, id, name)
      return id
    }),
    hideLane: fac((id: string, hidden: boolean) => hideLane(doc, id, hidden)),
    moveLane: fac((id: string, index: number) => moveLane(doc, id, index)),
    setEmotion: fac((stageId: string, score: number | null) => setEmotion(doc, stageId, score)),
    /** This person's own rating of a stage; refused (false) outside the map phase or without an id. */
    setRating(personId: string | null | undefined, stageId: string, score: number | null): boolean {
      if (!personId || !ratingOpen()) return false
      setRating(doc, personId, stageId, score)
      return true
    },
  }

  /** How many people rated a stage, and this person's rating. */
  function ratingsOf(stageId: string, personId?: string | null) {
    const given = Object.entries(state.ratings).filter(([k]) => k.endsWith(`:${stageId}`))
    const mine = personId ? state.ratings[`${personId}:${stageId}`] : undefined
    return { count: given.length, mine: mine ?? null }
  }

  /** Starts keeping `promotables` up to date; call the returned function to stop. */
  function watchPromotables(): () => void {
    if (promotablesWatched++ === 0) refreshPromotables()
    return () => void promotablesWatched--
  }

  return { state, actions, place, itemById, ratingOpen, ratingsOf, watchPromotables, dispose }
}
