// Boards outside a room: a stored board read without loading it, a new board with fresh secrets, and the
// links to it. Creating, importing, exporting and the command line all go through these.
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import type { CreateBoardResponse } from '../shared/api.js'
import { readBoard } from '../shared/schema.js'
import { docFromLog } from './storage/snapshot.js'
import type { Store } from './storage/store.js'
import { hashSecret } from './workshop.js'

/** Reads a board that is not loaded without registering a room for it. */
export async function loadDetached(store: Store, id: string) {
  return docFromLog((await store.loadLog(id)).updates)
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
