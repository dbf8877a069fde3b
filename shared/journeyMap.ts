// The journey map: the structured draft that the facilitator builds from the top clusters (DOMAIN.md, step 5).
// Five roots of the board document; server/policy.ts lets only the facilitator write the first four.
//
//   doc.getMap('frame')    title, personaName, personaDescription, goal, scope: string (absent = '')
//   doc.getMap('lanes')    laneId -> Y.Map { id, name: string, order: string, hidden: boolean }   (shared/lanes.ts)
//                          A default lane keeps name '' until renamed: '' means "the default name in the
//                          reader's language", so a Persian and an English reader each see their own words.
//   doc.getMap('mapItems') itemId -> Y.Map { id, stageId, laneId, order, sourceKind: 'cluster'|'note'|'manual',
//                          sourceId: string ('' when manual), title: string, notes: string[] (texts of the
//                          source's notes when promoted), votes: number (the tally then), metric?: Metric,
//                          and for what the discuss phase decided (sourceKind 'outcome', sourceId the item it was
//                          decided about): outcome?: 'decision' | 'step', owner?: string, due?: 'YYYY-MM-DD' }
//                          (mutators in shared/mapItems.ts)
//   doc.getMap('emotions') stageId -> integer -2..+2, the facilitator's emotion score for the stage
//   doc.getMap('ratings')  `${personId}:${stageId}` -> integer -2..+2; each participant writes only their own
//                          (emotions and ratings: shared/emotionCurve.ts)
//
// A promoted item is a snapshot, not a live view of its cluster: the map is the document the team takes
// away, and must not change when someone later edits a note. Promoting again refreshes the snapshot.
import * as Y from 'yjs'
import { asDue, isOutcomeKind, type OutcomeKind } from './outcomes.js'

export const METRIC_TYPES = ['NPS', 'CES', 'CSAT', 'custom'] as const
export type MetricType = (typeof METRIC_TYPES)[number]

export interface Metric {
  type: MetricType
  name?: string
  target?: number
  current?: number
}

export const SOURCE_KINDS = ['cluster', 'note', 'manual', 'outcome'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** A metric as written, or null when `v` is not one: unknown fields dropped, numbers finite, name trimmed. */
export function asMetric(v: unknown): Metric | null {
  if (!v || typeof v !== 'object') return null
  const { type, name, target, current } = v as { [k: string]: unknown }
  if (!METRIC_TYPES.includes(type as MetricType)) return null
  const m: Metric = { type: type as MetricType }
  if (typeof name === 'string' && name.trim()) m.name = name.trim()
  if (typeof target === 'number' && Number.isFinite(target)) m.target = target
  if (typeof current === 'number' && Number.isFinite(current)) m.current = current
  return m
}

export interface MapItem {
  id: string
  stageId: string
  laneId: string
  order: string
  sourceKind: SourceKind
  sourceId: string
  title: string
  notes: string[]
  votes: number
  metric: Metric | null
  /** A decision or next step of the discuss phase (shared/outcomes.ts), with its owner and due date. An owner's
   *  item in the owner lane has none of these: its title is the owner, its notes what they own. */
  outcome?: OutcomeKind
  owner?: string
  due?: string
}

export interface Frame {
  title: string
  personaName: string
  personaDescription: string
  goal: string
  scope: string
}

export const FRAME_FIELDS = ['title', 'personaName', 'personaDescription', 'goal', 'scope'] as const

export type YRecord = Y.Map<unknown>

export const mapRoots = (doc: Y.Doc) => ({
  frame: doc.getMap<unknown>('frame'),
  lanes: doc.getMap<YRecord>('lanes'),
  mapItems: doc.getMap<YRecord>('mapItems'),
  emotions: doc.getMap<number>('emotions'),
  ratings: doc.getMap<number>('ratings'),
})

// ---- reads ----

export function readFrame(doc: Y.Doc): Frame {
  const m = mapRoots(doc).frame
  const field = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '')
  return { title: field('title'), personaName: field('personaName'), personaDescription: field('personaDescription'),
    goal: field('goal'), scope: field('scope') }
}

export function readMapItem(m: YRecord): MapItem {
  const kind = m.get('sourceKind')
  const notes = m.get('notes')
  const metric = m.get('metric')
  return {
    id: String(m.get('id')),
    stageId: String(m.get('stageId')),
    laneId: String(m.get('laneId')),
    order: String(m.get('order') ?? ''),
    sourceKind: SOURCE_KINDS.includes(kind as SourceKind) ? (kind as SourceKind) : 'manual',
    sourceId: String(m.get('sourceId') ?? ''),
    title: String(m.get('title') ?? ''),
    notes: Array.isArray(notes) ? notes.map(String) : [],
    votes: Number(m.get('votes') ?? 0),
    metric: asMetric(metric),
    ...outcomeFields(m),
  }
}

/** An outcome's kind, owner and due date, only on the items that have them. */
function outcomeFields(m: YRecord): Pick<MapItem, 'outcome' | 'owner' | 'due'> {
  const kind = m.get('outcome')
  if (!isOutcomeKind(kind)) return {}
  const owner = m.get('owner')
  return { outcome: kind, owner: typeof owner === 'string' ? owner : '', due: asDue(m.get('due')) }
}

export const readMapItems = (doc: Y.Doc): MapItem[] => [...mapRoots(doc).mapItems.values()].map(readMapItem)

// ---- writes ----

export function setFrame(doc: Y.Doc, patch: Partial<Frame>) {
  const { frame } = mapRoots(doc)
  doc.transact(() => {
    for (const k of FRAME_FIELDS) {
      const v = patch[k]
      if (typeof v === 'string' && frame.get(k) !== v) frame.set(k, v)
    }
  })
}
