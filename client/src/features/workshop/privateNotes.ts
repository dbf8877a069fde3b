// This person's notes while writing privately, as a board store over their private document: the same
// note cards and editor work on it, and it borrows the board's stages so that a private note is placed,
// moved and announced like any other.
import * as schema from '../../../../shared/schema.js'
import type * as Y from 'yjs'
import { createBoardStore, type BoardStore, type BoardView, type NotePlace } from '../board/boardStore.js'

export function createPrivateNotesStore(privateDoc: Y.Doc, board: BoardStore, me: () => string, newId?: () => string): BoardStore {
  const own = createBoardStore(privateDoc, me, newId)
  const state: BoardView = {
    get title() {
      return board.state.title
    },
    get stages() {
      return board.state.stages
    },
    get notes() {
      return own.state.notes
    },
    get stageNotes() {
      return own.state.stageNotes
    },
  }

  const place = (id: string): NotePlace | undefined => {
    const note = state.notes[id]
    if (!note) return
    const stageIndex = state.stages.findIndex((s) => s.id === note.stageId)
    if (stageIndex < 0) return
    const ids = state.stageNotes[note.stageId] ?? []
    return { stage: state.stages[stageIndex]!, stageIndex, index: ids.indexOf(id), count: ids.length }
  }

  function nudgeNote(id: string, dStage: number, dIndex: number): NotePlace | undefined {
    const from = place(id)
    const stage = from && state.stages[from.stageIndex + dStage]
    if (!from || !stage) return
    if (dStage === 0) {
      const index = from.index + dIndex
      if (index < 0 || index >= from.count) return
      schema.moveNote(privateDoc, id, stage.id, index)
    } else {
      schema.moveNote(privateDoc, id, stage.id, Math.min(from.index, (state.stageNotes[stage.id] ?? []).length))
    }
    return place(id)
  }

  return { ...own, state, place, actions: { ...own.actions, nudgeNote } }
}
