// Drafts: what a person wrote that the board could not take when it arrived (a note written offline
// that reaches the board after it moved to voting, a keystroke in flight when it locked). The server
// keeps each in the writer's private document, where only they see it, and they post it again or
// throw it away.
//
//   private doc:  drafts  Y.Map  noteId -> Draft (a plain value, written by the server; the owner may delete)
import * as Y from 'yjs'
import { isNoteKind, type NoteKind } from './schema.js'

export interface Draft {
  /** The note it came from. */
  id: string
  stageId: string
  kind: NoteKind
  text: string
  /** Why the board did not take it: a rule code of shared/rules.ts (`phase`, `locked`) or `taken`
   *  (its key was already used on the board). */
  code: string
  savedAt: number
}

export const draftsOf = (privateDoc: Y.Doc) => privateDoc.getMap<Draft>('drafts')

export function readDrafts(privateDoc: Y.Doc): Draft[] {
  return [...draftsOf(privateDoc).values()]
    .filter((d) => d && typeof d === 'object' && typeof d.id === 'string')
    .map((d) => ({ ...d, kind: isNoteKind(d.kind) ? d.kind : 'idea', text: String(d.text ?? '') }))
    .sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1))
}

/** Keeps a draft; a later version of the same note replaces an earlier one unless its text is empty. */
export function writeDraft(privateDoc: Y.Doc, d: Draft) {
  const m = draftsOf(privateDoc)
  const prev = m.get(d.id)
  if (prev && prev.text === d.text && prev.kind === d.kind && prev.stageId === d.stageId) return
  if (prev && d.text === '' && prev.text !== '') return
  m.set(d.id, d)
}

export const discardDraft = (privateDoc: Y.Doc, id: string) => draftsOf(privateDoc).delete(id)
