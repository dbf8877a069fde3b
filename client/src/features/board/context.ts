// What every component of an open board needs, handed down once rather than threaded through props.
import { createContext, useContext } from 'solid-js'
import type { BoardStore } from './boardStore.js'
import type { PresenceStore } from '../presence/presenceStore.js'

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
}

export const BoardContext = createContext<BoardContextValue>()

export function useBoard(): BoardContextValue {
  const ctx = useContext(BoardContext)
  if (!ctx) throw new Error('useBoard outside a board')
  return ctx
}
