// The whole board as JSON: a backup, a copy to another server, a way in for other tools.
//
//   { "format": "touchpoint-board", "version": 1,
//     "title", "schemaVersion" (1, see EXPORTED_SCHEMA_VERSION), "createdAt", "lang" (en, ar or fa: the board's
//     language; absent on boards made before boards had one), "phase",
//     "stages":   [{ id, name, order }],
//     "notes":    [{ id, stageId, clusterId (null when alone), kind, text, authorId, order, createdAt }],
//     "clusters": [{ id, name, stageId, order, createdAt }],
//     "tally":    { itemId: votes },
//     "frame":    { title, personaName, personaDescription, goal, scope },
//     "lanes":    [{ id, name ('' = default name), order, hidden }],
//     "mapItems": [{ id, stageId, laneId, order, sourceKind, sourceId, title, notes, votes, metric (or null) }],
//     "emotions": { stageId: -2..2 }, "ratings": { "personId:stageId": -2..2 },
//     "outcomes": [{ id, itemId, kind (decision or step), text, owner, due ('' or YYYY-MM-DD), authorId, createdAt }]
//                 (only when the discuss phase left some),
//     "reactions": { "personId:targetId:reaction": createdAt } (reaction: agree, love, insight or surprise) and
//     "comments": [{ id, targetId, authorId, text, createdAt, editedAt? }] (oldest first): each only when there
//                 are some, and only about notes, clusters and map items still on the board (shared/discussion.ts),
//     "round":    { id, name, budget, maxPerItem, kindBudgets?: { kind: votes }, items?: [itemId] } (the current
//                 voting round, whose votes are "tally") and
//     "rounds":   [{ …the same, tally: { itemId: votes } }] (the finished ones, oldest first): only when the
//                 workshop voted in more than one round }
//   A map item made from an outcome also has "outcome" (decision or step), "owner" and "due", after "metric".
//
// Fields come in this order, records in board order (map items by id), and keys of objects sorted, so the
// same board always gives the same bytes: export, import, export again is identical. Authors are ids only:
// names belong to the people of the board, not to its content.
import * as Y from 'yjs'
import { BOARD_LANGS, SCHEMA_VERSION, isNoteKind, type BoardLang } from '../schema.js'
import { PHASES, type Phase } from '../workshop.js'
import { FRAME_FIELDS, SOURCE_KINDS, asMetric, type SourceKind } from '../journeyMap.js'
import { isScore } from '../emotionCurve.js'
import { writeSnapshot, type BoardSnapshot } from '../boardSnapshot.js'
import { LIMITS } from '../requests.js'
import { BOARD_FORMAT, BOARD_FORMAT_VERSION } from './format.js'
import { OUTCOME_KINDS, type Outcome, type OutcomeKind } from '../outcomes.js'
import type { KeptRound } from '../votingRounds.js'
import { parseReactionKey, type Comment } from '../discussion.js'

export { BOARD_FORMAT, BOARD_FORMAT_VERSION }

/** The records of a JSON export have the shape of the document's version 1 (`Note`, `Stage`, …, as the readers of
 *  shared/schema.ts answer them), whatever version the board is stored in: the document's version 2 stores notes
 *  more compactly, not differently, so a board exports the same bytes before and after the server upgrades it. */
export const EXPORTED_SCHEMA_VERSION = 1

const sorted = <T>(o: { [k: string]: T }) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)))

export function toJson(b: BoardSnapshot): string {
  const doc = {
    format: BOARD_FORMAT,
    version: BOARD_FORMAT_VERSION,
    title: b.title,
    schemaVersion: EXPORTED_SCHEMA_VERSION,
    createdAt: b.createdAt,
    ...(b.lang ? { lang: b.lang } : {}),
    phase: b.phase,
    stages: b.stages.map(({ id, name, order }) => ({ id, name, order })),
    notes: b.notes.map(({ id, stageId, clusterId, kind, text, authorId, order, createdAt }) =>
      ({ id, stageId, clusterId, kind, text, authorId, order, createdAt })),
    clusters: b.clusters.map(({ id, name, stageId, order, createdAt }) => ({ id, name, stageId, order, createdAt })),
    tally: sorted(b.tally),
    frame: Object.fromEntries(FRAME_FIELDS.map((k) => [k, b.frame[k]])),
    lanes: b.lanes.map(({ id, name, order, hidden }) => ({ id, name, order, hidden })),
    mapItems: b.mapItems.map(({ id, stageId, laneId, order, sourceKind, sourceId, title, notes, votes, metric, outcome, owner, due }) => ({
      id, stageId, laneId, order, sourceKind, sourceId, title, notes,
      votes, metric: metric && { type: metric.type, name: metric.name, target: metric.target, current: metric.current },
      ...(outcome ? { outcome, owner: owner ?? '', due: due ?? '' } : {}),
    })),
    emotions: sorted(b.emotions),
    ratings: sorted(b.ratings),
    ...(b.outcomes.length
      ? { outcomes: b.outcomes.map(({ id, itemId, kind, text, owner, due, authorId, createdAt }) => ({ id, itemId, kind, text, owner, due, authorId, createdAt })) }
      : {}),
    ...(Object.keys(b.reactions).length ? { reactions: sorted(b.reactions) } : {}),
    ...(b.comments.length
      ? { comments: b.comments.map(({ id, targetId, authorId, text, createdAt, editedAt }) =>
          ({ id, targetId, authorId, text, createdAt, ...(editedAt !== undefined ? { editedAt } : {}) })) }
      : {}),
    ...(b.rounds
      ? { round: roundJson(b.rounds.current), rounds: b.rounds.kept.map((r) => ({ ...roundJson(r), tally: sorted(r.tally) })) }
      : {}),
  }
  return JSON.stringify(doc, null, 2) + '\n'
}

const roundJson = ({ id, name, budget, maxPerItem, kindBudgets, items }: Omit<KeptRound, 'tally'>) =>
  ({ id, name, budget, maxPerItem, ...(kindBudgets ? { kindBudgets: sorted(kindBudgets) } : {}), ...(items ? { items } : {}) })

/** Why an import was refused; `path` points at the offending value, e.g. `notes[3].kind`. */
export class BoardJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason)
    this.name = 'BoardJsonError'
  }
}

/** A board read from its JSON export, or a BoardJsonError saying what is wrong and where. Every count and
 *  length is checked against LIMITS as it is read, each list's length before any of its records, so a crafted
 *  file is refused before it costs more than reading it. */
export function parseBoardJson(json: string): BoardSnapshot {
  let raw: unknown
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new BoardJsonError('', `not JSON (${(e as Error).message})`)
  }
  return readBoardJson(raw)
}

/** The same from the JSON value already parsed (the server parses a body once). */
export function readBoardJson(raw: unknown): BoardSnapshot {
  const top = obj(raw, '')
  if (top.format !== BOARD_FORMAT) throw new BoardJsonError('format', `expected "${BOARD_FORMAT}": this is not a Touchpoint board export`)
  const version = num(top.version, 'version')
  if (version > BOARD_FORMAT_VERSION) {
    throw new BoardJsonError('version', `${version} is from a newer Touchpoint; this one reads version ${BOARD_FORMAT_VERSION}`)
  }
  if (version !== BOARD_FORMAT_VERSION) throw new BoardJsonError('version', `expected ${BOARD_FORMAT_VERSION}`)
  const schemaVersion = num(top.schemaVersion, 'schemaVersion')
  if (schemaVersion > SCHEMA_VERSION) throw new BoardJsonError('schemaVersion', `${schemaVersion} is newer than ${SCHEMA_VERSION}`)

  const L = LIMITS
  return {
    title: str(top.title, 'title', L.titleLength),
    schemaVersion,
    createdAt: num(top.createdAt, 'createdAt'),
    lang: top.lang === undefined ? undefined : (oneOf(top.lang, BOARD_LANGS, 'lang') as BoardLang),
    phase: oneOf(top.phase, PHASES, 'phase') as Phase,
    stages: records(top.stages, 'stages', L.maxStages, (r, p) => ({ id: key(r.id, `${p}.id`),
      name: str(r.name, `${p}.name`, L.stageNameLength), order: key(r.order, `${p}.order`) })),
    notes: records(top.notes, 'notes', L.maxNotes, (r, p) => {
      if (!isNoteKind(r.kind)) throw new BoardJsonError(`${p}.kind`, 'expected action, touchpoint, question, feeling, pain or idea')
      return { id: key(r.id, `${p}.id`), stageId: key(r.stageId, `${p}.stageId`),
        clusterId: r.clusterId === null ? null : key(r.clusterId, `${p}.clusterId`), kind: r.kind,
        text: str(r.text, `${p}.text`, L.noteLength), authorId: key(r.authorId, `${p}.authorId`), order: key(r.order, `${p}.order`),
        createdAt: num(r.createdAt, `${p}.createdAt`) }
    }),
    clusters: records(top.clusters, 'clusters', L.maxClusters, (r, p) => ({ id: key(r.id, `${p}.id`),
      name: str(r.name, `${p}.name`, L.textLength), stageId: key(r.stageId, `${p}.stageId`), order: key(r.order, `${p}.order`),
      createdAt: num(r.createdAt, `${p}.createdAt`) })),
    tally: numbers(top.tally, 'tally', L.maxTallyKeys, (v) => Number.isInteger(v) && v >= 0, 'a whole number of votes'),
    frame: (() => {
      const f = obj(top.frame, 'frame')
      return Object.fromEntries(FRAME_FIELDS.map((k) => [k, str(f[k], `frame.${k}`, L.textLength)])) as unknown as BoardSnapshot['frame']
    })(),
    lanes: records(top.lanes, 'lanes', L.maxLanes, (r, p) => {
      if (typeof r.hidden !== 'boolean') throw new BoardJsonError(`${p}.hidden`, 'expected true or false')
      return { id: key(r.id, `${p}.id`), name: str(r.name, `${p}.name`, L.textLength), order: key(r.order, `${p}.order`), hidden: r.hidden }
    }),
    mapItems: (() => {
      let itemNotes = 0 // across every item: each holds the texts of the notes it came from
      return records(top.mapItems, 'mapItems', L.maxMapItems, (r, p) => {
        const metric = r.metric === null ? null : asMetric(r.metric)
        if (r.metric !== null && !metric) throw new BoardJsonError(`${p}.metric`, 'expected null or { type: NPS, CES, CSAT or custom, … }')
        if (metric?.name !== undefined && metric.name.length > L.textLength) throw over(`${p}.metric.name`, metric.name.length, L.textLength, 'characters')
        const notes = arr(r.notes, `${p}.notes`)
        itemNotes += notes.length
        if (itemNotes > L.maxNotes) throw new BoardJsonError(`${p}.notes`, `the map's items hold more than the ${L.maxNotes} notes a board may hold`)
        return { id: key(r.id, `${p}.id`), stageId: key(r.stageId, `${p}.stageId`), laneId: key(r.laneId, `${p}.laneId`),
          order: key(r.order, `${p}.order`), sourceKind: oneOf(r.sourceKind, SOURCE_KINDS, `${p}.sourceKind`) as SourceKind,
          sourceId: key(r.sourceId, `${p}.sourceId`), title: str(r.title, `${p}.title`, L.textLength),
          notes: notes.map((n, i) => str(n, `${p}.notes[${i}]`, L.noteLength)), votes: num(r.votes, `${p}.votes`), metric,
          ...(r.outcome === undefined ? {} : { outcome: oneOf(r.outcome, OUTCOME_KINDS, `${p}.outcome`) as OutcomeKind,
            owner: str(r.owner, `${p}.owner`, L.ownerLength), due: due(r.due, `${p}.due`) }) }
      })
    })(),
    emotions: numbers(top.emotions, 'emotions', L.maxStages, isScore, 'a whole number from -2 to 2'),
    ratings: (() => {
      const ratings = numbers(top.ratings, 'ratings', L.maxRatings, isScore, 'a whole number from -2 to 2')
      const bad = Object.keys(ratings).find((k) => !/^.+:.+$/.test(k))
      if (bad !== undefined) throw new BoardJsonError(`ratings.${bad}`, 'expected a key "personId:stageId"')
      return ratings
    })(),
    outcomes: top.outcomes === undefined ? [] : records(top.outcomes, 'outcomes', L.maxNotes, (r, p): Outcome => ({
      id: key(r.id, `${p}.id`), itemId: key(r.itemId, `${p}.itemId`),
      kind: oneOf(r.kind, OUTCOME_KINDS, `${p}.kind`) as OutcomeKind, text: str(r.text, `${p}.text`, L.noteLength),
      owner: str(r.owner, `${p}.owner`, L.ownerLength), due: due(r.due, `${p}.due`), authorId: key(r.authorId, `${p}.authorId`),
      createdAt: num(r.createdAt, `${p}.createdAt`),
    })),
    reactions: (() => {
      if (top.reactions === undefined) return {}
      const reactions = numbers(top.reactions, 'reactions', L.maxReactions, (v) => v >= 0, 'a time (ms)')
      const bad = Object.keys(reactions).find((k) => !parseReactionKey(k))
      if (bad !== undefined) throw new BoardJsonError(`reactions.${bad}`, 'expected a key "personId:targetId:reaction" (agree, love, insight or surprise)')
      return reactions
    })(),
    comments: top.comments === undefined ? [] : records(top.comments, 'comments', L.maxComments, (r, p): Comment => ({
      id: key(r.id, `${p}.id`), targetId: key(r.targetId, `${p}.targetId`), authorId: key(r.authorId, `${p}.authorId`),
      text: str(r.text, `${p}.text`, L.commentLength), createdAt: num(r.createdAt, `${p}.createdAt`),
      ...(r.editedAt === undefined ? {} : { editedAt: num(r.editedAt, `${p}.editedAt`) }),
    })),
    rounds: top.rounds === undefined ? undefined : readRoundsJson(top),
  }
}

/** The current voting round and the finished ones; each round's number is its own, the current one's the last. */
function readRoundsJson(top: Rec): NonNullable<BoardSnapshot['rounds']> {
  const list = arr(top.rounds, 'rounds')
  if (list.length > LIMITS.maxRounds) throw over('rounds', list.length, LIMITS.maxRounds, 'rounds')
  const kept = list.map((item, i): KeptRound => {
    const r = obj(item, `rounds[${i}]`)
    const tally = numbers(r.tally, `rounds[${i}].tally`, LIMITS.maxTallyKeys, (v) => Number.isInteger(v) && v >= 0, 'a whole number of votes')
    return { ...readRound(r, `rounds[${i}]`), tally }
  })
  const current = readRound(obj(top.round, 'round'), 'round')
  kept.forEach((r, i) => {
    if (r.id >= (kept[i + 1]?.id ?? current.id)) throw new BoardJsonError(`rounds[${i}].id`, 'expected rounds oldest first, each numbered below the next and the current one')
  })
  return { kept, current }
}

function readRound(r: Rec, p: string): Omit<KeptRound, 'tally'> {
  const whole = (v: unknown, path: string, min: number, max: number) => {
    const n = num(v, path)
    if (!Number.isInteger(n) || n < min || n > max) throw new BoardJsonError(path, `expected a whole number from ${min} to ${max}`)
    return n
  }
  const kindBudgets = r.kindBudgets === undefined ? undefined : obj(r.kindBudgets, `${p}.kindBudgets`)
  const bad = kindBudgets && Object.keys(kindBudgets).find((k) => !isNoteKind(k))
  if (bad !== undefined) throw new BoardJsonError(`${p}.kindBudgets.${bad.slice(0, 40)}`, 'expected a kind of note')
  const items = r.items === undefined ? undefined : arr(r.items, `${p}.items`)
  if (items && items.length > LIMITS.maxTopN) throw over(`${p}.items`, items.length, LIMITS.maxTopN, 'items')
  return {
    id: whole(r.id, `${p}.id`, 1, Number.MAX_SAFE_INTEGER),
    name: str(r.name, `${p}.name`, LIMITS.roundNameLength),
    budget: whole(r.budget, `${p}.budget`, LIMITS.minVotes, LIMITS.maxVotes),
    maxPerItem: whole(r.maxPerItem, `${p}.maxPerItem`, LIMITS.minVotes, LIMITS.maxVotes),
    ...(kindBudgets && { kindBudgets: Object.fromEntries(Object.entries(kindBudgets).map(([k, v]) => [k, whole(v, `${p}.kindBudgets.${k}`, 0, LIMITS.maxVotes)])) }),
    ...(items && { items: items.map((id, i) => key(id, `${p}.items[${i}]`)) }),
  }
}

/** A fresh board document holding the board of a JSON export. */
export function fromJson(json: string | { parsed: unknown }): Y.Doc {
  const snapshot = typeof json === 'string' ? parseBoardJson(json) : readBoardJson(json.parsed)
  const doc = new Y.Doc()
  writeSnapshot(doc, snapshot)
  return doc
}

// ---- checks, each naming where the bad value is ----

type Rec = { [k: string]: unknown }

function obj(v: unknown, path: string): Rec {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Rec
  throw new BoardJsonError(path, 'expected an object')
}
function arr(v: unknown, path: string): unknown[] {
  if (Array.isArray(v)) return v
  throw new BoardJsonError(path, 'expected an array')
}
function str(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw new BoardJsonError(path, 'expected a string')
  if (v.length > max) throw over(path, v.length, max, 'characters')
  return v
}
/** An id, a reference to one, or an order key. */
const key = (v: unknown, path: string) => str(v, path, LIMITS.idLength)
function over(path: string, count: number, max: number, what: string) {
  return new BoardJsonError(path, `${count} ${what}, more than the ${max} allowed`)
}
/** '' or a calendar date, YYYY-MM-DD. */
function due(v: unknown, path: string): string {
  if (v === '' || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) return v
  throw new BoardJsonError(path, 'expected "" or a date YYYY-MM-DD')
}
function num(v: unknown, path: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  throw new BoardJsonError(path, 'expected a number')
}
function oneOf(v: unknown, allowed: readonly string[], path: string): string {
  if (allowed.includes(v as string)) return v as string
  throw new BoardJsonError(path, `expected one of ${allowed.join(', ')}`)
}

/** An array of records whose ids are unique: two records with one id would silently become one. */
function records<T extends { id: string }>(v: unknown, path: string, max: number, read: (r: Rec, path: string) => T): T[] {
  const seen = new Set<string>()
  const list = arr(v, path)
  if (list.length > max) throw over(path, list.length, max, path)
  return list.map((item, i) => {
    const r = read(obj(item, `${path}[${i}]`), `${path}[${i}]`)
    if (seen.has(r.id)) throw new BoardJsonError(`${path}[${i}].id`, `"${r.id}" appears twice`)
    seen.add(r.id)
    return r
  })
}

function numbers(v: unknown, path: string, max: number, ok: (n: number) => boolean, what: string): { [k: string]: number } {
  const o = obj(v, path)
  let count = 0
  for (const k in o) if (Object.hasOwn(o, k) && ++count > max) throw new BoardJsonError(path, `more than the ${max} keys allowed`)
  const entries = Object.entries(o)
  for (const [k, n] of entries) {
    if (k.length > LIMITS.idLength) throw new BoardJsonError(`${path}.${k.slice(0, 40)}…`, `a key of ${k.length} characters, more than the ${LIMITS.idLength} allowed`)
    if (typeof n !== 'number' || !ok(n)) throw new BoardJsonError(`${path}.${k}`, `expected ${what}`)
  }
  // fromEntries defines keys: an id like "__proto__" stays a key instead of replacing the prototype.
  return Object.fromEntries(entries) as { [k: string]: number }
}
