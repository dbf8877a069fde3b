// Export a board (Markdown, CSV, JSON, print page, SVG curve, PDF, PNG) and import one from its JSON.
import { Hono } from 'hono'
import { BoardJsonError } from '../shared/export/json.js'
import { ExportQuery, ImportBoardRequest } from '../shared/requests.js'
import { boardLinks, loadDetached } from './boards.js'
import { ApiError, boardMissing } from './errors.js'
import { exportBoard, importBoard } from './exporter.js'
import { DEFAULT_RATE_LIMIT, perClientIp, type RateLimit } from './rateLimit.js'
import type { Renderer } from './render.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import { jsonBodyUpTo, validBody, validQuery } from './validate.js'
import type { Workshop } from './workshop.js'
import type { Metrics } from './metrics.js'
import { bearerToken } from './workshopApi.js'

export interface ExportDeps {
  store: Store
  rooms: Rooms
  workshop: Workshop
  renderer: Renderer
  publicUrl: string | undefined
  rateLimit?: RateLimit
  /** Where exports are counted and timed, by format. */
  metrics?: Metrics | undefined
}

export function exportApi({ store, rooms, workshop, renderer, publicUrl, rateLimit = DEFAULT_RATE_LIMIT, metrics }: ExportDeps) {
  const api = new Hono()

  // Every parameter is checked first: an unknown format or language is a 400 before anything is read or rendered.
  api.get('/boards/:id/export', validQuery(ExportQuery, 'invalid_format'), async (c) => {
    const id = c.req.param('id')
    const { format, lang, token: queryToken } = c.req.valid('query')
    // The header for programs; the query parameter for a plain download link.
    const token = bearerToken(c.req.header('authorization')) ?? queryToken
    const who = await workshop.authenticate(id, token)
    if (!who) throw await boardMissing(store, id, new ApiError(401, 'unauthorized', 'A participant or facilitator token is required.'))
    if (who.role === 'observer') throw new ApiError(403, 'observer', 'Observers cannot export.')
    const room = await rooms.peek(id)
    const doc = room?.doc ?? (await loadDetached(store, id))
    const exported = metrics?.exportStarted(format)
    try {
      const out = await exportBoard(doc, format, lang, renderer).catch((err) => {
        exported?.(false)
        throw err
      })
      exported?.(true)
      return c.body(typeof out.body === 'string' ? out.body : new Uint8Array(out.body), 200, {
        'content-type': out.contentType,
        'content-disposition': `attachment; filename="${out.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
        'cache-control': 'no-store',
      })
    } finally {
      if (!room) doc.destroy()
    }
  })

  // Anyone may import: rate limited per IP, 5 MiB at most, and every count and length bounded by LIMITS
  // (shared/export/json.ts checks them as it reads, before building anything).
  api.post(
    '/boards/import',
    perClientIp(rateLimit),
    jsonBodyUpTo(5 * 1024 * 1024, 'A board export is at most 5 MiB.', (reason) => new ApiError(400, 'invalid_board_json', `not JSON (${reason})`)),
    validBody(ImportBoardRequest, 'invalid_board_json'),
    async (c) => {
      // The envelope is checked; the board itself is read, and explained when wrong, by shared/export/json.ts.
      const { id, facilitatorKey } = await importBoard(store, { parsed: c.get('jsonBody') }).catch((err) => {
        if (err instanceof BoardJsonError || err instanceof SyntaxError) throw new ApiError(400, 'invalid_board_json', err.message)
        throw err
      })
      return c.json(boardLinks(publicUrl ?? new URL(c.req.url).origin, id, facilitatorKey), 201)
    },
  )

  return api
}
