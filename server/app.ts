// createApp(deps): the HTTP API, the WebSocket relay at /ws/:boardId, and the built client.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import { boardsApi } from './api.js'
import type { Config } from './config.js'
import { ApiError, onError } from './errors.js'
import { exportApi } from './exportApi.js'
import type { Renderer } from './render.js'
import { relay } from './relay.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import { Workshop } from './workshop.js'
import { workshopApi } from './workshopApi.js'

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'maxMessageBytes' | 'maxBufferedBytes'>
  store: Store
  rooms: Rooms
  renderer: Renderer
  /** Where the built client lives; defaults to dist/client beside this package. */
  clientDir?: string
}

const defaultClientDir = fileURLToPath(new URL('../dist/client', import.meta.url))

export function createApp({ config, store, rooms, renderer, clientDir = defaultClientDir }: AppDeps) {
  const app = new Hono()
  const nodeWs = createNodeWebSocket({ app })
  // ws checks each frame's declared length against this before buffering its payload (closes with 1009).
  nodeWs.wss.options.maxPayload = config.maxMessageBytes

  app.onError(onError)
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'No such route.')
  })

  app.get('/health', (c) => c.json({ ok: true }))
  const workshop = new Workshop(store, rooms)
  app.route('/api', boardsApi({ store, rooms, publicUrl: config.publicUrl }))
  app.route('/api', workshopApi(workshop))
  app.route('/api', exportApi({ store, rooms, workshop, renderer, publicUrl: config.publicUrl }))

  const allowed = new Set(config.allowedOrigins)
  if (config.publicUrl) allowed.add(new URL(config.publicUrl).origin)

  const relayDeps = { rooms, workshop, maxBufferedBytes: config.maxBufferedBytes }
  app.get(
    '/ws/:boardId/:private{private}?',
    async (c, next) => {
      // Browsers always send Origin; a page elsewhere must not open sockets with our users' cookies or links.
      const origin = c.req.header('origin')
      if (origin && !allowed.has(origin) && !sameHost(origin, c.req.header('host'))) {
        throw new ApiError(403, 'origin_not_allowed', `Origin ${origin} may not connect.`)
      }
      await next()
    },
    nodeWs.upgradeWebSocket((c) =>
      relay(relayDeps, c.req.param('boardId')!, c.req.query('token'), c.req.path.endsWith('/private')),
    ),
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
