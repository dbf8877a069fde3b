// The workshop's parts of the board: the grouping button in a note's head, the private tag, votes and the
// facilitator's spotlight at its foot, a stage's clusters, private and face-down notes, and agreeing with a look-alike
// note offered while writing a new one (features/board/context.ts).
import type { BoardSlots } from '../board/index.js'
import { GroupButton } from './NoteExtras.js'
import { NoteFoot } from './NoteFoot.js'
import { StageItems } from './StageItems.js'
import { SimilarNoteActions } from './SimilarNoteActions.js'

export const workshopSlots: BoardSlots = { noteHead: GroupButton, noteFoot: NoteFoot, stageItems: StageItems, similarNoteActions: SimilarNoteActions }
