// What every component of an open board needs, handed down once rather than threaded through props. The board
// knows notes and stages; what the workshop adds (the rules of the moment, votes, clusters, private notes)
// comes in through `rules` and `slots`, so the board never imports the workshop.
import { createContext, useContext, type Component } from 'solid-js'
import type { Refusal } from '../../../../shared/rules.js'
import type { BoardStore } from './boardStore.js'
import type { NoteDragOptions } from './noteDrag.js'
import type { Undo } from './undo.js'
import type { BoardSearch } from './search.js'
import type { PresenceStore } from '../presence/index.js'

export type NoteField = 'text' | 'kind' | 'stageId' | 'order' | 'clusterId'

/** What this person may do to notes now, as the rule table says (shared/rules.ts). */
export interface BoardRules {
  /** Why `field` of the note may not change now, or null. */
  noteRefusal(noteId: string, field: NoteField): Refusal | null
  deleteRefusal(noteId: string): Refusal | null
  /** A refusal in the reader's words. */
  reason(r: Refusal, what?: 'change' | 'delete'): string
  /** Whether the note lives in this person's private document (seen only by them). */
  isPrivate(noteId: string): boolean
  /** May this person add notes now? */
  mayCompose(): boolean
  /** New notes go to this person's private document rather than onto the board. */
  writesPrivately(): boolean
  /** The store new notes go to. */
  noteTarget(): BoardStore
  /** The store in which a dropped note moves, or none when it may not move now. */
  storeForMove(noteId: string): BoardStore | undefined
  drag: Omit<NoteDragOptions, 'onDrop'>
  /** Notes of a stage that are not on the board: this person's private ones, others' face-down ones. */
  moreNotes?(stageId: string): { private: number; faceDown: number }
  /** A note's own keys beyond the board's (e.g. G to group it); true when the key was used. */
  onNoteKey?(noteId: string, e: KeyboardEvent): boolean
  /** Whether the note is in the spotlight: highlighted on every screen until released. */
  isSpotlit?(noteId: string): boolean
}

/** What others render inside the board's parts. */
export interface BoardSlots {
  /** In a note's head, after its kind. */
  noteHead?: Component<{ id: string }>
  /** At the foot of a note. */
  noteFoot?: Component<{ id: string }>
  /** A stage's items; the board lists its notes when absent. */
  stageItems?: Component<{ stageId: string }>
  /** Beside each note that the composer offers as saying nearly the same as the one being typed (e.g. a
   *  reaction to it, instead of a duplicate). */
  similarNoteActions?: Component<{ id: string }>
}

export interface BoardContextValue {
  boardId: string
  board: BoardStore
  presence: PresenceStore
  /** Shows the stage tools; the server has the last word on what each role may change. */
  isFacilitator: () => boolean
  /** Which note's text this browser is editing; one at a time. */
  editing: () => string | null
  setEditing: (noteId: string | null, caret?: number) => void
  /** Where to put the caret when an editor opens (from the click that opened it). */
  pendingCaret: () => number | undefined
  /** Keeps the caret of an editor whose note is re-rendered elsewhere (moved by someone else). */
  keepCaret: (at: number) => void
  rules: BoardRules
  slots: BoardSlots
  /** What the search and filters show of the notes (search.ts). */
  search: BoardSearch
  /** Undo and redo of this person's own changes (undo.ts). */
  undo: Undo
}

export const BoardContext = createContext<BoardContextValue>()

export function useBoard(): BoardContextValue {
  const ctx = useContext(BoardContext)
  if (!ctx) throw new Error('useBoard outside a board')
  return ctx
}
