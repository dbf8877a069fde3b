// The workshop's parts of the board: the grouping button in a note's head, the private tag and votes at its
// foot, and a stage's clusters, private and face-down notes (features/board/context.ts).
import type { BoardSlots } from '../board/index.js'
import { GroupButton, NoteExtras } from './NoteExtras.js'
import { StageItems } from './StageItems.js'

export const workshopSlots: BoardSlots = { noteHead: GroupButton, noteFoot: NoteExtras, stageItems: StageItems }
