// createApp(deps): the HTTP API, the WebSocket relay at /ws/:boardId, and the built client.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import type { WebSocket } from 'ws'
import { CloseCode } from '../shared/closeCodes.js'
import { boardsApi } from './api.js'
import type { Config } from './config.js'
import { Connection } from './connection.js'
import { ApiError, onError } from './errors.js'
import { ProtocolError, decodeClientMessage } from './protocol.js'
import type { Room } from './room.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'maxMessageBytes' | 'maxBufferedBytes'>
  store: Store
  rooms: Rooms
  /** Where the built client lives; defaults to dist/client beside this package. */
  clientDir?: string
}

const defaultClientDir = fileURLToPath(new URL('../dist/client', import.meta.url))

export function createApp({ config, store, rooms, clientDir = defaultClientDir }: AppDeps) {
  const app = new Hono()
  const nodeWs = createNodeWebSocket({ app })
  // ws checks each frame's declared length against this before buffering its payload (closes with 1009).
  nodeWs.wss.options.maxPayload = config.maxMessageBytes

  app.onError(onError)
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'No such route.')
  })

  app.get('/health', (c) => c.json({ ok: true }))
  app.route('/api', boardsApi({ store, rooms, publicUrl: config.publicUrl }))

  const allowed = new Set(config.allowedOrigins)
  if (config.publicUrl) allowed.add(new URL(config.publicUrl).origin)

  app.get(
    '/ws/:boardId',
    async (c, next) => {
      // Browsers always send Origin; a page elsewhere must not open sockets with our users' cookies or links.
      const origin = c.req.header('origin')
      if (origin && !allowed.has(origin) && !sameHost(origin, c.req.header('host'))) {
        throw new ApiError(403, 'origin_not_allowed', `Origin ${origin} may not connect.`)
      }
      await next()
    },
    nodeWs.upgradeWebSocket((c) => {
      const boardId = c.req.param('boardId')!
      let conn: Connection | undefined
      let room: Room | undefined
      // Frames that arrive while the board loads wait here, then replay in order.
      let queue: Uint8Array[] | null = []

      const handle = (data: Uint8Array) => {
        if (!conn || conn.closed || !room) return
        try {
          room.receive(conn, decodeClientMessage(data))
        } catch (err) {
          const reason = err instanceof ProtocolError ? err.message : 'malformed message'
          conn.close(CloseCode.malformed, reason)
        }
      }

      return {
        onOpen(_evt, ws) {
          const raw = ws.raw as WebSocket
          // Our own listener: @hono/node-ws's onError builds an ErrorEvent, which Node 20 lacks.
          raw.on('error', (err) => console.warn(`[ws ${boardId}] socket error:`, err.message))
          conn = new Connection(
            {
              send: (data) => raw.send(data),
              close: (code, reason) => raw.close(code, reason),
              get bufferedAmount() {
                return raw.bufferedAmount
              },
            },
            config.maxBufferedBytes,
          )
          rooms.get(boardId).then(
            (r) => {
              if (!conn || conn.closed) return
              if (!r) return conn.close(CloseCode.unknownBoard, 'unknown board')
              room = r
              room.join(conn)
              const waiting = queue ?? []
              queue = null
              for (const data of waiting) handle(data)
            },
            (err) => {
              console.error(`[ws ${boardId}] could not load board:`, (err as Error).message)
              conn?.close(CloseCode.storageUnavailable, 'storage unavailable')
            },
          )
        },
        onMessage(evt, ws) {
          if (typeof evt.data === 'string') return conn?.close(CloseCode.malformed, 'text frames are not part of the protocol')
          const data = new Uint8Array(evt.data as ArrayBuffer)
          if (queue) queue.push(data)
          else handle(data)
        },
        onClose() {
          if (conn) conn.closed = true
          queue = null
          room?.leave(conn!)
        },
      }
    }),
  )

  if (existsSync(clientDir)) {
    app.use('/*', serveStatic({ root: clientDir }))
    app.get('/b/:id', serveStatic({ path: join(clientDir, 'index.html') }))
  } else {
    app.get('/', (c) => c.text('The client is not built: run `npm run build` (npm start does it for you).', 503))
  }

  return { app, injectWebSocket: nodeWs.injectWebSocket, wss: nodeWs.wss }
}

function sameHost(origin: string, host: string | undefined) {
  try {
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}
