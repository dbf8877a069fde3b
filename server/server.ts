// Starts and stops a server: used by main.ts and by the tests (which bind port 0).
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import type { Config } from './config.js'
import type { Bus } from './bus.js'
import { schedulePruning } from './pruning.js'
import { Renderer } from './render.js'
import { Rooms } from './rooms.js'
import { createMetrics } from './metrics.js'
import type { Store } from './storage/store.js'

export interface RunningServer {
  url: string
  port: number
  rooms: Rooms
  /** Closes every socket (1001), settles and unloads every board, closes the store. */
  close(): Promise<void>
}

export interface ServerDeps {
  store: Store
  bus?: Bus | undefined
  clientDir?: string
}

export async function startServer(config: Config, { store, bus, clientDir }: ServerDeps): Promise<RunningServer> {
  // Its own registry, and only when someone may read it (METRICS_TOKEN): otherwise nothing is recorded.
  const metrics = config.metricsToken ? createMetrics() : undefined
  const rooms = new Rooms(
    store,
    {
      idleMs: config.roomIdleMs,
      compactEvery: config.compactEvery,
      messageBudget: { perSecond: config.messagesPerSecond, burst: config.messageBurst },
      metrics,
    },
    bus,
  )
  metrics?.watch({ rooms, store, bus })
  const renderer = new Renderer(config.chromiumPath)
  const { app, upgrade, wss } = createApp({ config, store, rooms, renderer, bus, metrics, ...(clientDir ? { clientDir } : {}) })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
    s.once('error', reject)
  })
  server.on('upgrade', upgrade)
  const { port } = server.address() as AddressInfo
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const pruning = config.boardTtlDays > 0 ? schedulePruning(store, rooms, config.boardTtlDays) : undefined

  let closing: Promise<void> | undefined
  return {
    url: `http://${shownHost}:${port}`,
    port,
    rooms,
    close: () =>
      (closing ??= (async () => {
        const httpClosed = new Promise((r) => server.close(r))
        await pruning?.stop()
        for (const ws of wss.clients) ws.close(1001, 'server shutting down')
        await rooms.closeAll()
        for (const ws of wss.clients) ws.terminate()
        await renderer.close()
        await store.close()
        await bus?.close()
        await httpClosed
      })()),
  }
}
