// Boards outside a room: a stored board read without loading it (also an earlier board a new one copies, for
// its facilitator), a new board with fresh secrets, and the links to it. Creating, importing, exporting and the
// command line all go through these.
import { timingSafeEqual } from 'node:crypto'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import type { CreateBoardResponse } from '../shared/api.js'
import { readBoard } from '../shared/schema.js'
import { ApiError, boardMissing } from './errors.js'
import type { Rooms } from './rooms.js'
import { docFromLog } from './storage/snapshot.js'
import type { BoardRecord, Store } from './storage/store.js'
import { BOARD_ID } from './upgrade.js'
import { hashSecret } from './workshop.js'

/** Reads a board that is not loaded without registering a room for it. */
export async function loadDetached(store: Store, id: string) {
  return docFromLog((await store.loadLog(id)).updates)
}

/** Whether `key` is the board's facilitator key (compared by hash, in constant time). */
export function keyOpens(board: BoardRecord, key: string) {
  const hash = hashSecret(key)
  return hash.length === board.facilitatorKeyHash.length && timingSafeEqual(Buffer.from(hash), Buffer.from(board.facilitatorKeyHash))
}

/** The document of an earlier board a new one starts from, once its facilitator key shows that the maker may
 *  read it (an id alone never copies a board): 403 wrong_key, 404 or 410 otherwise. `done` frees a copy. */
export async function readableBoard(store: Store, rooms: Rooms, boardId: string, facilitatorKey: string) {
  const board = BOARD_ID.test(boardId) ? await store.getBoard(boardId) : undefined
  if (!board) throw await boardMissing(store, boardId)
  if (!keyOpens(board, facilitatorKey)) throw new ApiError(403, 'wrong_key', 'That facilitator key does not open the board to start from.')
  const room = await rooms.peek(boardId)
  if (room) return { doc: room.doc, done() {} }
  const doc = await loadDetached(store, boardId)
  return { doc, done: () => doc.destroy() }
}

/** Stores `doc` as a new board with a new id and facilitator key (only the key's hash is kept). */
export async function storeNewBoard(store: Store, doc: Y.Doc) {
  const id = nanoid()
  const facilitatorKey = nanoid()
  const board = { id, title: readBoard(doc).title, facilitatorKeyHash: hashSecret(facilitatorKey), createdAt: Date.now() }
  await store.createBoard(board, Y.encodeStateAsUpdate(doc))
  return { id, facilitatorKey }
}

/** The two links to share; the key sits in the fragment, which never reaches logs or Referer headers. */
export function boardLinks(origin: string, id: string, facilitatorKey: string): CreateBoardResponse {
  const participantUrl = `${origin}/b/${id}`
  return { id, facilitatorKey, participantUrl, facilitatorUrl: `${participantUrl}#facilitator=${facilitatorKey}` }
}
