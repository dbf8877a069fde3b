// The board document: root types, record shapes, schema version, typed reads and writes.
// This is the contract for integrators: any Yjs client that writes these shapes is a Touchpoint client.
//
//   doc.getMap('meta')    title: string, schemaVersion: number (2), createdAt: number (ms since epoch),
//                         lang?: 'en' | 'ar' | 'fa' (the board's language; absent on boards made before it)
//   doc.getMap('stages')  stageId -> Y.Map { id, name: string, order: string }
//   doc.getMap('notes')   noteId  -> Y.Map {                                  (schema version 2; readNote reads it)
//                           f: [authorId: string, createdAt: number]         fixed: written once, when it is made
//                           p: [stageId, order] | [stageId, order, clusterId] its place, always written whole
//                           k: number                                         its kind: the index in NOTE_KINDS
//                           t: Y.Text                                         its text, typed in together
//                         }  The key is the note's id; the record does not repeat it.
//   doc.getMap('clusters') clusterId -> Y.Map { id, name: string, stageId, order, createdAt }   (shared/clusters.ts)
//   doc.getMap('reactions') `${personId}:${targetId}:${reaction}` -> createdAt   one of each per person and note or
//                          cluster; doc.getMap('comments') commentId -> Y.Map { id, targetId, authorId, text: string,
//                          createdAt, editedAt? } on notes, clusters and map items   (shared/discussion.ts)
//   session, people, hidden, tally, kept, rounds, clients: written only by the server (shared/sessionDoc.ts)
//   Who may write which root, record and field, and when: shared/rules.ts
//
// Records live in maps keyed by id, never in arrays, so that concurrent moves and reorders cannot
// duplicate or lose a record; `order` is a fractional index (shared/order.ts), ties broken by id. A note's
// place is one value, so a move and a grouping made at once leave it wholly in one of the places, never in
// one stage and another stage's cluster; its kind and text stay fields of their own, merged apart.
//
// Version 1 held a note as Y.Map { id, stageId, kind, text: Y.Text, authorId, order, createdAt, clusterId? },
// about 1.6× the bytes of version 2. The server rewrites a version-1 document when it loads it
// (server/upgradeSchema.ts); the readers here also read a version-1 record (a device's offline copy).
import * as Y from 'yjs'
import { keyAt } from './order.js'

export const SCHEMA_VERSION = 2

/** A note record holds its kind as the index in this list: never reorder it, add new kinds at the end. */
export const NOTE_KINDS = ['action', 'touchpoint', 'question', 'feeling', 'pain', 'idea'] as const
export type NoteKind = (typeof NOTE_KINDS)[number]

/** The languages a board is written in (the interface's): its exports' labels and direction follow it. */
export const BOARD_LANGS = ['en', 'ar', 'fa'] as const
export type BoardLang = (typeof BOARD_LANGS)[number]
export const isBoardLang = (v: unknown): v is BoardLang => BOARD_LANGS.includes(v as BoardLang)

/** The five stages of DOMAIN.md, used when a board is created without its own. */
/** The five usual stages in each of our languages: the start page offers them, and a board made without
 *  stages gets the English ones. */
export const DEFAULT_STAGE_NAMES = {
  en: ['Awareness', 'Consideration', 'Decision', 'Experience', 'Loyalty'],
  ar: ['الوعي', 'البحث والمقارنة', 'القرار', 'التجربة', 'الولاء'],
  fa: ['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری', 'تجربه', 'وفاداری'],
} as const satisfies Record<string, readonly string[]>
export const DEFAULT_STAGES: readonly string[] = DEFAULT_STAGE_NAMES.en

export interface Stage {
  id: string
  name: string
  order: string
}

export interface Note {
  id: string
  stageId: string
  /** The cluster it belongs to; null when it stands alone. */
  clusterId: string | null
  kind: NoteKind
  text: string
  authorId: string
  order: string
  createdAt: number
}

export interface Cluster {
  id: string
  name: string
  stageId: string
  order: string
  createdAt: number
}

export interface BoardState {
  title: string
  schemaVersion: number
  createdAt: number
  stages: Stage[]
  notes: Note[]
  /** Clusters that hold at least one note, in order. */
  clusters: Cluster[]
}

type YRecord = Y.Map<unknown>

export const roots = (doc: Y.Doc) => ({
  meta: doc.getMap<unknown>('meta'),
  stages: doc.getMap<YRecord>('stages'),
  notes: doc.getMap<YRecord>('notes'),
  clusters: doc.getMap<YRecord>('clusters'),
})

export const byOrder = <T extends { order: string; id: string }>(a: T, b: T) =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export const isNoteKind = (v: unknown): v is NoteKind => NOTE_KINDS.includes(v as NoteKind)

function readStage(m: YRecord): Stage {
  return { id: String(m.get('id')), name: String(m.get('name') ?? ''), order: String(m.get('order') ?? '') }
}

/** The fields of a note record (schema version 2). */
export const NOTE = { fixed: 'f', place: 'p', kind: 'k', text: 't' } as const

/** Where a note is: its stage, its position there, and the cluster it is in (null when alone). */
export type NotePlace = Pick<Note, 'stageId' | 'order' | 'clusterId'>

/** A record written in version 1: the server upgrades it on load, so only a device's offline copy has one. */
export const isVersion1Note = (m: YRecord) => !m.has(NOTE.fixed)

// Each read falls back to the version-1 field, so that a device's copy reads right until the server's
// upgrade reaches it, also where this version's writers have added a field to an old record.
export function readNotePlace(m: YRecord): NotePlace {
  const p = m.get(NOTE.place)
  if (Array.isArray(p)) return { stageId: String(p[0] ?? ''), order: String(p[1] ?? ''), clusterId: typeof p[2] === 'string' ? p[2] : null }
  const clusterId = m.get('clusterId')
  return { stageId: String(m.get('stageId')), order: String(m.get('order') ?? ''), clusterId: typeof clusterId === 'string' ? clusterId : null }
}

export function readNoteKind(m: YRecord): NoteKind {
  const k = m.get(NOTE.kind)
  const kind = typeof k === 'number' ? NOTE_KINDS[k] : m.get('kind')
  return isNoteKind(kind) ? kind : 'idea'
}

/** What a record's `k` holds for `kind`. */
export const kindIndex = (kind: NoteKind) => NOTE_KINDS.indexOf(kind)

export function readNoteAuthor(m: YRecord): string {
  const f = m.get(NOTE.fixed)
  return String((Array.isArray(f) ? f[0] : m.get('authorId')) ?? '')
}

function textOf(m: YRecord): Y.Text | undefined {
  const t = m.get(NOTE.text) ?? m.get('text')
  return t instanceof Y.Text ? t : undefined
}

/** A note record read as plain data; its id is the key it is kept under. */
export function readNote(m: YRecord, id = m._item?.parentSub ?? String(m.get('id'))): Note {
  const f = m.get(NOTE.fixed)
  return {
    id,
    ...readNotePlace(m),
    kind: readNoteKind(m),
    text: textOf(m)?.toString() ?? '',
    authorId: readNoteAuthor(m),
    createdAt: Number((Array.isArray(f) ? f[1] : m.get('createdAt')) ?? 0),
  }
}

/** A note's record in this version's layout, to put under its id in a notes root. */
export function noteRecord(n: Omit<Note, 'id'>): YRecord {
  const m = new Y.Map<unknown>()
  m.set(NOTE.fixed, [n.authorId, n.createdAt])
  m.set(NOTE.place, placeValue(n))
  m.set(NOTE.kind, kindIndex(n.kind))
  m.set(NOTE.text, new Y.Text(n.text))
  return m
}

const placeValue = (p: NotePlace) => (p.clusterId ? [p.stageId, p.order, p.clusterId] : [p.stageId, p.order])

/** Moves a note, its place written whole (and only when it changes). */
export function writeNotePlace(m: YRecord, place: NotePlace) {
  const now = readNotePlace(m)
  if (now.stageId === place.stageId && now.order === place.order && now.clusterId === place.clusterId && m.has(NOTE.place)) return
  m.set(NOTE.place, placeValue(place))
}

export function readCluster(m: YRecord): Cluster {
  return {
    id: String(m.get('id')),
    name: String(m.get('name') ?? ''),
    stageId: String(m.get('stageId')),
    order: String(m.get('order') ?? ''),
    createdAt: Number(m.get('createdAt') ?? 0),
  }
}

/** The board's stages in order (without reading its notes). */
export const readStages = (doc: Y.Doc): Stage[] => [...roots(doc).stages.values()].map(readStage).sort(byOrder)

/** A plain snapshot of the board: stages in order, notes by position key (filter by stage for a column). */
export function readBoard(doc: Y.Doc): BoardState {
  const { meta, notes, clusters } = roots(doc)
  const allNotes = [...notes].map(([id, m]) => readNote(m, id)).sort(byOrder)
  const used = new Set(allNotes.map((n) => n.clusterId))
  return {
    title: String(meta.get('title') ?? ''),
    schemaVersion: Number(meta.get('schemaVersion') ?? 0),
    createdAt: Number(meta.get('createdAt') ?? 0),
    stages: readStages(doc),
    notes: allNotes,
    clusters: [...clusters.values()].map(readCluster).filter((c) => used.has(c.id)).sort(byOrder),
  }
}

export function noteText(doc: Y.Doc, noteId: string): Y.Text | undefined {
  const m = roots(doc).notes.get(noteId)
  return m && textOf(m)
}

// ---- writes: every change to a board goes through one of these ----

/** A new board; `lang` is its language, the creating person's interface language (none: guessed on export). */
export function initBoard(doc: Y.Doc, title: string, stageNames: readonly string[], newId: () => string, now = Date.now(), lang?: BoardLang) {
  doc.transact(() => {
    const { meta } = roots(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', title)
    meta.set('createdAt', now)
    if (lang) meta.set('lang', lang)
    for (const name of stageNames) addStage(doc, newId(), name)
  })
}

export function setTitle(doc: Y.Doc, title: string) {
  roots(doc).meta.set('title', title)
}

/** The board's language as stored when it was made or since set by the facilitator; undefined on boards made
 *  before boards had one (shared/boardLang.ts guesses theirs), or when what is stored is no language of ours. */
export function readBoardLang(doc: Y.Doc): BoardLang | undefined {
  const lang = roots(doc).meta.get('lang')
  return isBoardLang(lang) ? lang : undefined
}

/** The facilitator's: the rule table lets only them write the meta root. */
export function setBoardLang(doc: Y.Doc, lang: BoardLang) {
  if (readBoardLang(doc) !== lang) roots(doc).meta.set('lang', lang)
}

/** Adds a stage at `index` among the stages (at the end by default). */
export function addStage(doc: Y.Doc, id: string, name: string, index?: number) {
  const ordered = readStages(doc)
  const stage = new Y.Map<unknown>()
  stage.set('id', id)
  stage.set('name', name)
  stage.set('order', keyAt(ordered, index ?? ordered.length))
  roots(doc).stages.set(id, stage)
}

export function renameStage(doc: Y.Doc, id: string, name: string) {
  roots(doc).stages.get(id)?.set('name', name)
}

export function moveStage(doc: Y.Doc, id: string, index: number) {
  const stage = roots(doc).stages.get(id)
  if (!stage) return
  const others = readStages(doc).filter((s) => s.id !== id)
  stage.set('order', keyAt(others, index))
}

/** Removes a stage together with its notes (the interface asks first when it has any). */
export function removeStage(doc: Y.Doc, id: string) {
  const { stages, notes } = roots(doc)
  doc.transact(() => {
    stages.delete(id)
    for (const [noteId, note] of notes) if (readNotePlace(note).stageId === id) notes.delete(noteId)
  })
}

export interface NewNote {
  id: string
  stageId: string
  kind: NoteKind
  text?: string
  authorId: string
  /** Position among the stage's notes; at the end by default. */
  index?: number
}

export function addNote(doc: Y.Doc, n: NewNote, now = Date.now()) {
  const siblings = placesIn(doc, n.stageId)
  const order = keyAt(siblings, n.index ?? siblings.length)
  roots(doc).notes.set(n.id, noteRecord({ stageId: n.stageId, order, clusterId: null, kind: n.kind, text: n.text ?? '', authorId: n.authorId, createdAt: now }))
}

export function setNoteKind(doc: Y.Doc, id: string, kind: NoteKind) {
  const m = roots(doc).notes.get(id)
  if (m && m.get(NOTE.kind) !== kindIndex(kind)) m.set(NOTE.kind, kindIndex(kind))
}

/** Replaces a note's text with the smallest edit, so concurrent typing elsewhere in it survives. */
export function setNoteText(doc: Y.Doc, id: string, next: string) {
  const text = noteText(doc, id)
  if (!text) return
  const prev = text.toString()
  if (prev === next) return
  let start = 0
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++
  let end = 0
  while (
    end < prev.length - start &&
    end < next.length - start &&
    prev[prev.length - 1 - end] === next[next.length - 1 - end]
  )
    end++
  doc.transact(() => {
    text.delete(start, prev.length - start - end)
    text.insert(start, next.slice(start, next.length - end))
  })
}

/** Moves a note to `index` among the notes of `stageId` (which may be its own stage). Moving a note to
 *  another stage takes it out of its cluster, since a cluster belongs to one stage. */
export function moveNote(doc: Y.Doc, id: string, stageId: string, index: number) {
  const note = roots(doc).notes.get(id)
  if (!note) return
  const siblings = placesIn(doc, stageId).filter((n) => n.id !== id)
  const now = readNotePlace(note)
  writeNotePlace(note, { stageId, order: keyAt(siblings, index), clusterId: now.stageId === stageId ? now.clusterId : null })
}

export function deleteNote(doc: Y.Doc, id: string) {
  roots(doc).notes.delete(id)
}

/** The positions of a stage's notes, in order, read without their texts. */
function placesIn(doc: Y.Doc, stageId: string): { id: string; order: string }[] {
  const out: { id: string; order: string }[] = []
  for (const [id, m] of roots(doc).notes) {
    const p = readNotePlace(m)
    if (p.stageId === stageId) out.push({ id, order: p.order })
  }
  return out.sort(byOrder)
}

// ---- reads of one record: a client refreshes only what a change touched, not the whole board ----

export function readNoteById(doc: Y.Doc, id: string): Note | undefined {
  const m = roots(doc).notes.get(id)
  return m ? readNote(m, id) : undefined
}

export function readStageById(doc: Y.Doc, id: string): Stage | undefined {
  const m = roots(doc).stages.get(id)
  return m ? readStage(m) : undefined
}
