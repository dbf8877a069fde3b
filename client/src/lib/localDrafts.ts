// Drafts kept on this device: before the client drops its local copy of a board (the server closed with
// `forbidden` and kept nothing of what this copy held), it saves this person's notes here, so nothing they
// wrote is lost with the copy. Once the board is back from the server, the drafts it already shows with the
// same text are dropped; the rest are shown with the server's drafts ("Kept for you") until the person
// posts them again or throws them away.
// The same keeps what this person wrote offline in notes of the schema's version 1, which the server has
// since upgraded (server/upgradeSchema.ts): what they typed there reaches no note on the board.
import type * as Y from 'yjs'
import { isNoteKind, isVersion1Note, readBoard, readNote, readNoteById, roots, type Note, type NoteKind } from '../../../shared/schema.js'

export interface LocalDraft {
  id: string
  stageId: string
  kind: NoteKind
  text: string
  /** `reset`: the server refused this device's copy and it was loaded afresh; `upgraded`: written in a note of
   *  this device's copy that the server had upgraded meanwhile (its text differs from the board's). */
  code: 'reset' | 'upgraded'
  savedAt: number
}

/** The part of localStorage used here (a fake one in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export const localDraftsKey = (boardId: string, personId: string) => `touchpoint-drafts-${boardId}-${personId}`

const defaultStorage = (): DraftStorage | undefined => {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

const same = (a: string, b: string) => a.trim() === b.trim()

function isDraft(d: unknown): d is LocalDraft {
  const o = d as LocalDraft
  return !!o && typeof o === 'object' && typeof o.id === 'string' && typeof o.text === 'string' && typeof o.stageId === 'string'
}

export function readLocalDrafts(boardId: string, personId: string, storage = defaultStorage()): LocalDraft[] {
  let raw: string | null = null
  try {
    raw = storage?.getItem(localDraftsKey(boardId, personId)) ?? null
  } catch {
    return []
  }
  if (!raw) return []
  try {
    const list = JSON.parse(raw) as unknown
    if (!Array.isArray(list)) return []
    return list
      .filter(isDraft)
      .map((d) => ({ ...d, kind: isNoteKind(d.kind) ? d.kind : 'idea', code: d.code === 'upgraded' ? d.code : ('reset' as const), savedAt: Number(d.savedAt) || 0 }))
      .sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1))
  } catch {
    return []
  }
}

/** Writes the list; false when the device would not keep it (private mode, full quota). */
function writeLocalDrafts(boardId: string, personId: string, drafts: LocalDraft[], storage = defaultStorage()): boolean {
  try {
    if (drafts.length === 0) storage?.removeItem(localDraftsKey(boardId, personId))
    else storage?.setItem(localDraftsKey(boardId, personId), JSON.stringify(drafts))
    return !!storage
  } catch {
    return false
  }
}

/**
 * Saves this person's notes of `doc` as drafts on the device, before the copy is dropped: on the board the
 * notes they wrote (`authorId` = personId), on their private document every note (`all`). Empty notes are
 * not kept. A note saved before is replaced by its newer text. Returns how many notes were saved.
 */
export function saveLocalDrafts(
  boardId: string,
  personId: string,
  doc: Y.Doc,
  opts: { all?: boolean; now?: number; storage?: DraftStorage } = {},
): number {
  const storage = opts.storage ?? defaultStorage()
  const now = opts.now ?? Date.now()
  let notes: Note[]
  try {
    notes = readBoard(doc).notes
  } catch {
    return 0
  }
  const mine = notes.filter((n) => (opts.all || n.authorId === personId) && n.text.trim() !== '')
  if (mine.length === 0) return 0
  const byId = new Map(readLocalDrafts(boardId, personId, storage).map((d) => [d.id, d]))
  for (const n of mine) byId.set(n.id, { id: n.id, stageId: n.stageId, kind: n.kind, text: n.text, code: 'reset', savedAt: now })
  writeLocalDrafts(boardId, personId, [...byId.values()], storage)
  return mine.length
}

export function discardLocalDraft(boardId: string, personId: string, id: string, storage = defaultStorage()) {
  const rest = readLocalDrafts(boardId, personId, storage).filter((d) => d.id !== id)
  writeLocalDrafts(boardId, personId, rest, storage)
}

/** Whether a note of `docs` already shows this draft: the same note, or one of this person's, with the same text. */
export function shownIn(draft: { id: string; text: string }, personId: string, notes: Iterable<Note>): boolean {
  for (const n of notes) if ((n.id === draft.id || n.authorId === personId) && same(n.text, draft.text)) return true
  return false
}

/**
 * Once the board (and the private document) are synced from the server: drops the drafts they already
 * show with the same text. Returns the drafts that remain.
 */
export function dropShownDrafts(boardId: string, personId: string, docs: Y.Doc[], storage = defaultStorage()): LocalDraft[] {
  const drafts = readLocalDrafts(boardId, personId, storage)
  if (drafts.length === 0) return drafts
  const notes = docs.flatMap((d) => {
    try {
      return readBoard(d).notes
    } catch {
      return []
    }
  })
  const rest = drafts.filter((d) => !shownIn(d, personId, notes))
  if (rest.length !== drafts.length) writeLocalDrafts(boardId, personId, rest, storage)
  return rest
}

/** The notes this copy holds in the schema's version 1 (read when it is loaded from the device, before the
 *  server's board reaches it). */
export function version1Notes(doc: Y.Doc): Note[] {
  return [...roots(doc).notes].filter(([, m]) => isVersion1Note(m)).map(([id, m]) => readNote(m, id))
}

/**
 * Once the doc is synced from the server: keeps as drafts on the device the notes of `before` (version-1 notes
 * of this copy) that are this person's (or `all`, on their private document) and whose text the board's note of
 * the same id does not have, since what they typed in those records offline reached no note. Returns how many.
 */
export function keepUpgradedNotes(
  boardId: string,
  personId: string,
  before: readonly Note[],
  doc: Y.Doc,
  opts: { all?: boolean; now?: number; storage?: DraftStorage } = {},
): number {
  const storage = opts.storage ?? defaultStorage()
  const lost = before.filter((n) => {
    const now = readNoteById(doc, n.id)
    return (opts.all || n.authorId === personId) && n.text.trim() !== '' && now !== undefined && !same(now.text, n.text)
  })
  if (lost.length === 0) return 0
  const savedAt = opts.now ?? Date.now()
  const byId = new Map(readLocalDrafts(boardId, personId, storage).map((d) => [d.id, d]))
  for (const n of lost) byId.set(n.id, { id: n.id, stageId: n.stageId, kind: n.kind, text: n.text, code: 'upgraded', savedAt })
  writeLocalDrafts(boardId, personId, [...byId.values()], storage)
  return lost.length
}
