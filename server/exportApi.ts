// Export a board (Markdown, CSV, JSON, print page, SVG curve, PDF, PNG) and import one from its JSON.
import { Hono } from 'hono'
import { BoardJsonError } from '../shared/export/json.js'
import { ImportBoardRequest } from '../shared/requests.js'
import { boardLinks, loadDetached } from './boards.js'
import { ApiError } from './errors.js'
import { exportBoard, importBoard, isFormat, FORMATS } from './exporter.js'
import type { Renderer } from './render.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import { jsonBodyUpTo, validBody } from './validate.js'
import type { Workshop } from './workshop.js'
import { bearerToken } from './workshopApi.js'

export interface ExportDeps {
  store: Store
  rooms: Rooms
  workshop: Workshop
  renderer: Renderer
  publicUrl: string | undefined
}

export function exportApi({ store, rooms, workshop, renderer, publicUrl }: ExportDeps) {
  const api = new Hono()

  api.get('/boards/:id/export', async (c) => {
    const id = c.req.param('id')
    const format = c.req.query('format') ?? 'md'
    if (!isFormat(format)) throw new ApiError(400, 'invalid_format', `"format" must be one of ${Object.keys(FORMATS).join(', ')}.`)
    // The header for programs; the query parameter for a plain download link.
    const token = bearerToken(c.req.header('authorization')) ?? c.req.query('token')
    const who = await workshop.authenticate(id, token)
    if (!who) throw new ApiError(401, 'unauthorized', 'A participant or facilitator token is required.')
    if (who.role === 'observer') throw new ApiError(403, 'observer', 'Observers cannot export.')
    const room = await rooms.peek(id)
    const doc = room?.doc ?? (await loadDetached(store, id))
    try {
      const out = await exportBoard(doc, format, c.req.query('lang'), renderer)
      return c.body(typeof out.body === 'string' ? out.body : new Uint8Array(out.body), 200, {
        'content-type': out.contentType,
        'content-disposition': `attachment; filename="${out.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
        'cache-control': 'no-store',
      })
    } finally {
      if (!room) doc.destroy()
    }
  })

  api.post(
    '/boards/import',
    jsonBodyUpTo(5 * 1024 * 1024, 'A board export is at most 5 MiB.', (reason) => new ApiError(400, 'invalid_board_json', `not JSON (${reason})`)),
    validBody(ImportBoardRequest, 'invalid_board_json'),
    async (c) => {
      // The envelope is checked; the board itself is read, and explained when wrong, by shared/export/json.ts.
      const { id, facilitatorKey } = await importBoard(store, await c.req.text()).catch((err) => {
        if (err instanceof BoardJsonError || err instanceof SyntaxError) throw new ApiError(400, 'invalid_board_json', err.message)
        throw err
      })
      return c.json(boardLinks(publicUrl ?? new URL(c.req.url).origin, id, facilitatorKey), 201)
    },
  )

  return api
}
