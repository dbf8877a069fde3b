// Per client IP limits on the endpoints anyone may call without a token and that cost the server work
// (a board's summary, creating and importing boards): hono-rate-limiter's fixed window in memory, one
// counter per endpoint and IP, answering past the limit with our usual JSON error, a 429 and Retry-After.
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { rateLimiter } from 'hono-rate-limiter'
import { errorResponse } from './errors.js'

export interface RateLimit {
  /** Requests per window and client IP. */
  limit: number
  windowMs: number
  /** Told of each request refused, for the metrics. */
  onLimited?: (() => void) | undefined
}

export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 120, windowMs: 60_000 }

/** The peer's address as the TCP socket has it (not X-Forwarded-For, which any client can write). */
function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests: no socket
  }
}

export function perClientIp({ limit, windowMs, onLimited }: RateLimit) {
  return rateLimiter({
    windowMs,
    limit,
    standardHeaders: 'draft-6', // RateLimit-* on every answer, Retry-After on a 429
    keyGenerator: clientIp,
    handler: (c) => {
      onLimited?.()
      const reset = (c.get('rateLimit' as never) as { resetTime?: Date } | undefined)?.resetTime
      const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000))
      return errorResponse(c, 429, 'rate_limited', `Too many requests from this address; try again in ${seconds} s.`)
    },
  })
}
