// Who is here and where their pointer is (y-protocols awareness).
export { cursorAt, cursorPoint, noteElementId, stageElementId } from './cursors.js'
export { createPresenceStore, type Peer, type PresenceStore } from './presenceStore.js'
