// The lanes (rows) of the journey map: the ten of DOMAIN.md by default, which the facilitator renames, reorders,
// hides, or adds to. Until initMap or a first lane edit writes them, the root is empty and reads as DEFAULT_LANES.
import * as Y from 'yjs'
import { keyAt } from './order.js'
import { byOrder, type NoteKind } from './schema.js'
import { mapRoots, type YRecord } from './journeyMap.js'

export const LANE_IDS = [
  'action', 'need', 'question', 'touchpoint', 'emotion', 'pain', 'motivation', 'opportunity', 'metric', 'owner',
] as const
export type DefaultLaneId = (typeof LANE_IDS)[number]

/** Names of the default lanes in each language, for lanes the team never renamed (the board, the map and
 *  every export show them). */
export const LANE_NAMES: Record<'en' | 'ar' | 'fa', Record<DefaultLaneId, string>> = {
  en: {
    action: 'Actions', need: 'Needs', question: 'Questions', touchpoint: 'Touchpoints', emotion: 'Emotions',
    pain: 'Pain points', motivation: 'Motivations', opportunity: 'Opportunities', metric: 'Metrics', owner: 'Owner',
  },
  ar: {
    action: 'الإجراءات', need: 'الاحتياجات', question: 'الأسئلة', touchpoint: 'نقاط التواصل', emotion: 'المشاعر',
    pain: 'نقاط الألم', motivation: 'الدوافع', opportunity: 'فرص التحسين', metric: 'المقاييس', owner: 'المسؤول',
  },
  fa: {
    action: 'اقدامات', need: 'نیازها', question: 'پرسش‌ها', touchpoint: 'نقاط تماس', emotion: 'احساسات',
    pain: 'نقاط درد', motivation: 'انگیزه‌ها', opportunity: 'فرصت‌های بهبود', metric: 'شاخص‌ها', owner: 'مسئول',
  },
}

/** The name a lane shows: its own, else its default name in `names` (English when absent), else its id. */
export const laneLabel = (l: Pick<Lane, 'id' | 'name'>, names: { [laneId: string]: string } = {}): string =>
  l.name || names[l.id] || LANE_NAMES.en[l.id as DefaultLaneId] || l.id

/** The lane each kind of note feeds. */
export const LANE_OF_KIND: Record<NoteKind, DefaultLaneId> = {
  action: 'action', touchpoint: 'touchpoint', question: 'question', feeling: 'emotion', pain: 'pain',
  idea: 'opportunity',
}

export const laneForKind = (kind: NoteKind): DefaultLaneId => LANE_OF_KIND[kind]

export interface Lane {
  id: string
  /** '' for a default lane that was never renamed: show the default name in the reader's language. */
  name: string
  order: string
  hidden: boolean
}

/** Default lanes with fixed order keys, so that two tabs creating them at once write identical records. */
export const DEFAULT_LANES: readonly Lane[] = LANE_IDS.reduce<Lane[]>(
  (lanes, id) => [...lanes, { id, name: '', order: keyAt(lanes, lanes.length), hidden: false }],
  [],
)

function readLane(m: YRecord): Lane {
  return { id: String(m.get('id')), name: String(m.get('name') ?? ''), order: String(m.get('order') ?? ''),
    hidden: m.get('hidden') === true }
}

/** Every lane, hidden ones too, in order. */
export function readLanes(doc: Y.Doc): Lane[] {
  const { lanes } = mapRoots(doc)
  if (lanes.size === 0) return DEFAULT_LANES.map((l) => ({ ...l }))
  return [...lanes.values()].map(readLane).sort(byOrder)
}

/** Writes the default lanes if the board has none yet; every lane mutator calls it first. Two replicas that
 *  both initialise before syncing converge (same ids, same keys), but per lane one replica's record wins, with
 *  the edit made beside it; so whoever creates boards should call this once up front (the server, say). */
export function initMap(doc: Y.Doc) {
  const { lanes } = mapRoots(doc)
  if (lanes.size > 0) return
  doc.transact(() => {
    for (const l of DEFAULT_LANES) lanes.set(l.id, laneRecord(l))
  })
}

function laneRecord(l: Lane) {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(l)) m.set(k, v)
  return m
}

/** Renames a lane; '' gives a default lane back its default name. */
export function renameLane(doc: Y.Doc, laneId: string, name: string) {
  doc.transact(() => {
    initMap(doc)
    mapRoots(doc).lanes.get(laneId)?.set('name', name.trim())
  })
}

/** Adds a lane of the workshop's own at `index` among all lanes (at the end by default). */
export function addLane(doc: Y.Doc, id: string, name: string, index?: number) {
  doc.transact(() => {
    initMap(doc)
    const lanes = readLanes(doc)
    if (lanes.some((l) => l.id === id)) return
    mapRoots(doc).lanes.set(id, laneRecord({ id, name: name.trim(), order: keyAt(lanes, index ?? lanes.length), hidden: false }))
  })
}

/** Hides or shows a lane. Lanes are hidden, never removed, so that their items come back with them. */
export function hideLane(doc: Y.Doc, laneId: string, hidden = true) {
  doc.transact(() => {
    initMap(doc)
    mapRoots(doc).lanes.get(laneId)?.set('hidden', hidden)
  })
}

export function moveLane(doc: Y.Doc, laneId: string, index: number) {
  doc.transact(() => {
    initMap(doc)
    const lane = mapRoots(doc).lanes.get(laneId)
    if (lane) lane.set('order', keyAt(readLanes(doc).filter((l) => l.id !== laneId), index))
  })
}
