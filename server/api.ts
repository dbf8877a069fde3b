// The boards API: create a board, read its summary. Mounted under /api.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { LIMITS, type BoardSummary, type CreateBoardRequest } from '../shared/api.js'
import { initMap } from '../shared/lanes.js'
import { DEFAULT_STAGES, initBoard, roots } from '../shared/schema.js'
import { boardLinks, loadDetached, storeNewBoard } from './boards.js'
import { ApiError } from './errors.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'

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
    async (c) => {
      const { title, stages } = parseCreate(await c.req.text())
      const doc = new Y.Doc()
      initBoard(doc, title, stages, nanoid)
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

/** A JSON object from a request body (empty means {}), or a clear 400. */
export function parseObject<T>(body: string): Partial<T> {
  let input: unknown = {}
  if (body.trim() !== '') {
    try {
      input = JSON.parse(body)
    } catch {
      throw new ApiError(400, 'bad_json', 'The request body is not valid JSON.')
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ApiError(400, 'invalid_request', 'The request body must be a JSON object.')
  }
  return input as Partial<T>
}

/** Refuses a body over `maxSize` with a clear 413 before reading it. */
export const bodyUpTo = (maxSize: number, message: string) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', message)
    },
  })

export const smallBody = bodyUpTo(16 * 1024, 'The request body is larger than 16 KiB.')

function parseCreate(body: string): { title: string; stages: string[] } {
  const input = parseObject<CreateBoardRequest>(body)
  const title = input.title === undefined ? '' : input.title
  if (typeof title !== 'string' || title.length > LIMITS.titleLength) {
    throw new ApiError(400, 'invalid_request', `"title" must be a string of at most ${LIMITS.titleLength} characters.`)
  }
  const stages = input.stages ?? DEFAULT_STAGES
  if (
    !Array.isArray(stages) ||
    stages.length === 0 ||
    stages.length > LIMITS.maxStages ||
    !stages.every((s) => typeof s === 'string' && s.trim() !== '' && s.length <= LIMITS.stageNameLength)
  ) {
    throw new ApiError(
      400,
      'invalid_request',
      `"stages" must be 1 to ${LIMITS.maxStages} non-empty names of at most ${LIMITS.stageNameLength} characters.`,
    )
  }
  return { title: title.trim() || 'Customer journey', stages: stages.map((s) => s.trim()) }
}
