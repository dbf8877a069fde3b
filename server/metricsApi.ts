// GET /metrics: the registry of server/metrics.ts in Prometheus's text format, for whoever holds
// METRICS_TOKEN (compared in constant time); createApp mounts it only when the token is set. And the
// middleware that counts the HTTP answers that refuse.
import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError } from './errors.js'
import type { Metrics } from './metrics.js'
import { bearerToken } from './workshopApi.js'

/** Digests of equal length, so neither the comparison nor its length check says how much was right. */
const digest = (s: string) => createHash('sha256').update(s).digest()

export function metricsApi(metrics: Metrics, token: string) {
  const expected = digest(token)
  const api = new Hono()
  api.get('/metrics', async (c) => {
    const given = bearerToken(c.req.header('authorization'))
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      throw new ApiError(401, 'unauthorized', 'The metrics token is required (Authorization: Bearer …).')
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' })
  })
  return api
}

/** Counts every 4xx and 5xx answer by status: those returned, and those thrown (a route not found throws
 *  past the middleware, to onError). */
export function countRefusals(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    try {
      await next()
    } catch (err) {
      metrics.httpRefused(err instanceof HTTPException ? err.status : 500)
      throw err
    }
    if (c.res.status >= 400) metrics.httpRefused(c.res.status)
  }
}
