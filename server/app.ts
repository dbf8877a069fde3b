// createApp(deps): the HTTP API and the built client, and the WebSocket upgrades at /ws/:boardId.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { requestId } from 'hono/request-id'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { boardsApi } from './api.js'
import type { Config } from './config.js'
import { ApiError, errorResponse, onError } from './errors.js'
import { exportApi } from './exportApi.js'
import { log } from './log.js'
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rateLimit.js'
import type { Renderer } from './render.js'
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import type { Bus } from './bus.js'
import type { Metrics } from './metrics.js'
import { countRefusals, metricsApi } from './metricsApi.js'
import { BOARD_ID, wsUpgrades } from './upgrade.js'
import { Workshop } from './workshop.js'
import { workshopApi } from './workshopApi.js'

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'maxMessageBytes' | 'maxFirstSyncBytes' | 'maxBufferedBytes'> &
    Partial<Pick<Config, 'host' | 'rateLimit' | 'rateLimitWindowMs' | 'bytesPerSecond' | 'byteBurst' | 'metricsToken'>>
  store: Store
  rooms: Rooms
  renderer: Renderer
  /** Redis between processes, when several share boards: /ready fails while it is unreachable. */
  bus?: Bus | undefined
  /** What GET /metrics shows, with config.metricsToken; off (404) without either. */
  metrics?: Metrics | undefined
  /** Where the built client lives; defaults to dist/client beside this package. */
  clientDir?: string
}

// Run from source (server/app.ts) or compiled (dist/server/app.js): either way the built client is dist/client.
const here = dirname(fileURLToPath(import.meta.url))
const defaultClientDir = basename(dirname(here)) === 'dist' ? join(here, '../client') : join(here, '../dist/client')

/** How long a browser or proxy may keep a file of the built client. Files named by their content (Vite's
 *  assets/, Workbox's runtime workbox-<hash>.js) never change: a year. The page and the service worker
 *  (sw.js, which names every other file of the build) are asked for again each time, so a deploy is seen at
 *  the next check and an old worker is never kept by a cache. */
export function cacheControlFor(path: string): string {
  const name = basename(path)
  const hashed = basename(dirname(path)) === 'assets' || /^workbox-[0-9a-f]{8,}\.js$/.test(name)
  return hashed ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** One line per request, with its id (also sent back as X-Request-Id), the board it concerns and the path
 *  without its query; successes at debug, refusals at info, failures at error. */
const requestLog: MiddlewareHandler = async (c, next) => {
  const started = performance.now()
  await next()
  const status = c.res.status
  const line = {
    reqId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    boardId: /^\/(?:api\/boards|b)\/([A-Za-z0-9_-]+)/.exec(c.req.path)?.[1],
    status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  }
  if (status >= 500) log.error(line, 'request failed')
  else if (status >= 400) log.info(line, 'request refused')
  else log.debug(line, 'request')
}

export function createApp({ config, store, rooms, renderer, bus, metrics, clientDir = defaultClientDir }: AppDeps) {
  const app = new Hono()
  app.use(requestId(), requestLog)
  if (metrics) app.use(countRefusals(metrics))
  app.onError(onError)
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'No such route.')
  })

  app.get('/health', (c) => c.json({ ok: true }))
  // Ready to take writes: the store answers and its last write did not fail (a full disk, a database that
  // is down), and the bus to other processes, if any, answers. /health stays a liveness check.
  app.get('/ready', async (c) => {
    const [storeReady, busReady] = await Promise.all([store.ready(), bus?.ready?.() ?? true])
    if (!storeReady) return errorResponse(c, 503, 'not_ready', 'The board store cannot take writes right now.')
    if (!busReady) return errorResponse(c, 503, 'not_ready', 'Redis, which shares boards between processes, is unreachable.')
    return c.json({ ok: true })
  })
  if (metrics && config.metricsToken) app.route('/', metricsApi(metrics, config.metricsToken))
  const workshop = new Workshop(store, rooms)
  const rateLimit: RateLimit = { limit: config.rateLimit ?? DEFAULT_RATE_LIMIT.limit, windowMs: config.rateLimitWindowMs ?? DEFAULT_RATE_LIMIT.windowMs }
  if (metrics) rateLimit.onLimited = () => metrics.limitHit('rate_limit')
  app.route('/api', boardsApi({ store, rooms, workshop, publicUrl: config.publicUrl, rateLimit }))
  app.route('/api', workshopApi(workshop))
  app.route('/api', exportApi({ store, rooms, workshop, renderer, publicUrl: config.publicUrl, rateLimit, metrics }))

  const { wss, upgrade } = wsUpgrades(config, {
    rooms, workshop, store, metrics,
    maxBufferedBytes: config.maxBufferedBytes,
    maxMessageBytes: config.maxMessageBytes,
    maxFirstSyncBytes: Math.max(config.maxMessageBytes, config.maxFirstSyncBytes),
    ...(config.bytesPerSecond && config.byteBurst ? { byteBudget: { perSecond: config.bytesPerSecond, burst: config.byteBurst } } : {}),
  })

  // A deleted board's page answers 410, and is the app, which says so in the reader's language.
  app.get('/b/:id', async (c, next) => {
    const id = c.req.param('id')
    if (!BOARD_ID.test(id) || (await store.deletedAt(id)) === undefined) return next()
    const page = join(clientDir, 'index.html')
    if (!existsSync(page)) return errorResponse(c, 410, 'board_deleted', 'This board was deleted.')
    return c.html(await readFile(page, 'utf8'), 410, { 'Cache-Control': 'no-store' })
  })

  if (existsSync(clientDir)) {
    const onFound = (path: string, c: Context) => void c.header('Cache-Control', cacheControlFor(path))
    app.use('/*', serveStatic({ root: clientDir, onFound }))
    app.get('/b/:id', serveStatic({ path: join(clientDir, 'index.html'), onFound }))
  } else {
    app.get('/', (c) => c.text('The client is not built: run `npm run build` (npm start does it for you).', 503))
  }

  return { app, upgrade, wss }
}
