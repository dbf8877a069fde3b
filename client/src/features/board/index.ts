// The board: stages and notes, how they are moved and edited. What the workshop adds comes in through
// BoardRules and BoardSlots, so this feature imports no other but presence.
export { createBoardStore, type BoardStore } from './boardStore.js'
export { BoardContext, useBoard, type BoardContextValue, type BoardRules, type BoardSlots } from './context.js'
export { NoteCard } from './NoteCard.js'
export { noteKeyCommand } from './noteKeys.js'
export { similarIndexOf } from './similarNotes.js'
export { BoardSearch } from './BoardSearch.js'
export { createBoardSearch } from './search.js'
export type { GroupTarget, NoteDragOptions } from './noteDrag.js'
export { ShortcutHelp } from './ShortcutHelp.js'
export { StageBoard } from './StageBoard.js'
export { createUndo, type Undo } from './undo.js'
export { UndoButtons, UndoNotice } from './UndoControls.js'
