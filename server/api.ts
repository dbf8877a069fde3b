// The boards API: create a board (blank, from a template, or shaped like an earlier one), read its summary,
// delete it. Mounted under /api.
//
// Creating and reading answer anyone, so both are cheap and rate limited per client IP: a summary is read from
// the board's row and, when the board is in memory, its room; it never rebuilds a board from its log.
import { Hono } from 'hono'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import type { BoardSummary } from '../shared/api.js'
import { CreateBoardRequest } from '../shared/requests.js'
import { initMap } from '../shared/lanes.js'
import { DEFAULT_STAGES, initBoard, roots } from '../shared/schema.js'
import { TEMPLATES, startFromBoard, startFromTemplate } from '../shared/templates.js'
import { boardLinks, readableBoard, storeNewBoard } from './boards.js'
import { ApiError, boardMissing } from './errors.js'
import { DEFAULT_RATE_LIMIT, perClientIp, type RateLimit } from './rateLimit.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import { BOARD_ID } from './upgrade.js'
import { smallBody, validBody } from './validate.js'
import type { Workshop } from './workshop.js'
import { bearerToken } from './workshopApi.js'

export interface ApiDeps {
  store: Store
  rooms: Rooms
  /** Who a token is, for deleting. */
  workshop: Pick<Workshop, 'authenticate'>
  publicUrl: string | undefined
  rateLimit?: RateLimit
}

export function boardsApi({ store, rooms, workshop, publicUrl, rateLimit = DEFAULT_RATE_LIMIT }: ApiDeps) {
  const api = new Hono()

  api.post(
    '/boards',
    perClientIp(rateLimit),
    smallBody,
    validBody(CreateBoardRequest),
    async (c) => {
      const { title, stages, lang, template, from } = c.req.valid('json')
      const doc = new Y.Doc()
      if (from) {
        const source = await readableBoard(store, rooms, from.boardId, from.facilitatorKey)
        try {
          startFromBoard(doc, source.doc, { title, lang, newId: nanoid })
        } finally {
          source.done()
        }
      } else if (template) startFromTemplate(doc, TEMPLATES[template], { title, lang, newId: nanoid })
      else {
        initBoard(doc, title || 'Customer journey', stages ?? DEFAULT_STAGES, nanoid, Date.now(), lang)
        initMap(doc) // the default lanes exist from the start, so two first edits of them cannot collide
      }
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
    if (!board) throw await boardMissing(store, id, missing())
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

  // The facilitator's alone: gone from the store for good, its sockets closed (4410) in every process, and
  // its links answer 410 from then on.
  api.delete('/boards/:id', async (c) => {
    const id = c.req.param('id')
    const who = BOARD_ID.test(id) ? await workshop.authenticate(id, bearerToken(c.req.header('authorization'))) : undefined
    if (!who) {
      if (!BOARD_ID.test(id) || !(await store.getBoard(id))) throw await boardMissing(store, id)
      throw new ApiError(401, 'unauthorized', 'A facilitator token is required (Authorization: Bearer …).')
    }
    if (who.role !== 'facilitator') throw new ApiError(403, 'facilitator_only', 'Only the facilitator may delete the board.')
    if (!(await rooms.delete(id))) throw await boardMissing(store, id)
    return c.json({ ok: true, deleted: id })
  })

  return api
}
