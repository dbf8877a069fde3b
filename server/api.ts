// The boards API: create a board, read its summary. Mounted under /api.
import { Hono } from 'hono'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import type { BoardSummary } from '../shared/api.js'
import { CreateBoardRequest } from '../shared/requests.js'
import { initMap } from '../shared/lanes.js'
import { DEFAULT_STAGES, initBoard, roots } from '../shared/schema.js'
import { boardLinks, loadDetached, storeNewBoard } from './boards.js'
import { ApiError } from './errors.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import { smallBody, validBody } from './validate.js'

export interface ApiDeps {
  store: Store
  rooms: Rooms
  publicUrl: string | undefined
}

export function boardsApi({ store, rooms, publicUrl }: ApiDeps) {
  const api = new Hono()

  api.post(
    '/boards',
    smallBody,
    validBody(CreateBoardRequest),
    async (c) => {
      const { title, stages } = c.req.valid('json')
      const doc = new Y.Doc()
      initBoard(doc, title || 'Customer journey', stages ?? DEFAULT_STAGES, nanoid)
      initMap(doc) // the default lanes exist from the start, so two first edits of them cannot collide
      const { id, facilitatorKey } = await storeNewBoard(store, doc)
      doc.destroy()
      return c.json(boardLinks(publicUrl ?? new URL(c.req.url).origin, id, facilitatorKey), 201)
    },
  )

  api.get('/boards/:id', async (c) => {
    const id = c.req.param('id')
    const board = await store.getBoard(id)
    if (!board) throw new ApiError(404, 'board_not_found', `No board with id "${id}".`)
    const room = await rooms.peek(id)
    const doc = room?.doc ?? (await loadDetached(store, id))
    const { meta, stages, notes } = roots(doc)
    const summary: BoardSummary = {
      id,
      title: String(meta.get('title') ?? board.title),
      createdAt: new Date(board.createdAt).toISOString(),
      stages: stages.size,
      notes: notes.size,
      online: room?.conns.size ?? 0,
    }
    if (!room) doc.destroy()
    return c.json(summary)
  })

  return api
}
