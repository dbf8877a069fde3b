// The boards API: create a board, read its summary. Mounted under /api.
//
// Both answer anyone, so both are cheap and rate limited per client IP: a summary is read from the board's
// row and, when the board is in memory, its room; it never rebuilds a board from its log.
import { Hono } from 'hono'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import type { BoardSummary } from '../shared/api.js'
import { CreateBoardRequest } from '../shared/requests.js'
import { initMap } from '../shared/lanes.js'
import { DEFAULT_STAGES, initBoard, roots } from '../shared/schema.js'
import { boardLinks, storeNewBoard } from './boards.js'
import { ApiError } from './errors.js'
import { DEFAULT_RATE_LIMIT, perClientIp, type RateLimit } from './rateLimit.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import { BOARD_ID } from './upgrade.js'
import { smallBody, validBody } from './validate.js'

export interface ApiDeps {
  store: Store
  rooms: Rooms
  publicUrl: string | undefined
  rateLimit?: RateLimit
}

export function boardsApi({ store, rooms, publicUrl, rateLimit = DEFAULT_RATE_LIMIT }: ApiDeps) {
  const api = new Hono()

  api.post(
    '/boards',
    perClientIp(rateLimit),
    smallBody,
    validBody(CreateBoardRequest),
    async (c) => {
      const { title, stages, lang } = c.req.valid('json')
      const doc = new Y.Doc()
      initBoard(doc, title || 'Customer journey', stages ?? DEFAULT_STAGES, nanoid, Date.now(), lang)
      initMap(doc) // the default lanes exist from the start, so two first edits of them cannot collide
      const { id, facilitatorKey } = await storeNewBoard(store, doc)
      doc.destroy()
      return c.json(boardLinks(publicUrl ?? new URL(c.req.url).origin, id, facilitatorKey), 201)
    },
  )

  api.get('/boards/:id', perClientIp(rateLimit), async (c) => {
    const id = c.req.param('id') ?? ''
    const missing = () => new ApiError(404, 'board_not_found', `No board with id "${id.slice(0, 64)}".`)
    if (!BOARD_ID.test(id)) throw missing()
    const board = await store.getBoard(id)
    if (!board) throw missing()
    // The counts come from the room when the board is loaded; otherwise only its row is read (null counts).
    const room = await rooms.peek(id)
    const r = room && roots(room.doc)
    const summary: BoardSummary = {
      id,
      title: String(r?.meta.get('title') ?? board.title),
      createdAt: new Date(board.createdAt).toISOString(),
      stages: r ? r.stages.size : null,
      notes: r ? r.notes.size : null,
      online: room?.conns.size ?? 0,
    }
    return c.json(summary)
  })

  return api
}
