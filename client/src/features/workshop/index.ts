// The workshop on a board: phases, private writing, clustering, voting, drafts, and the people.
export { workshopSlots } from './boardSlots.js'
export { WorkshopContext, useWorkshop } from './context.js'
export { createWorkshop, type Workshop } from './createWorkshop.js'
export { PeopleList } from './PeopleList.js'
export { WorkshopPanel } from './WorkshopPanel.js'
// Reactions and comments, for other parts of the board to show (e.g. beside a note that looks alike).
export { ReactionButtons } from './ReactionButtons.js'
export { CommentsButton } from './CommentsButton.js'
export { MapItemComments } from './MapItemComments.js'
