// Configuration from the environment, read and checked once at start. README lists every variable.
import { resolve } from 'node:path'

export interface Config {
  port: number
  host: string
  dataDir: string
  /** Public origin for links handed out (e.g. https://board.example.org); derived from the request if unset. */
  publicUrl: string | undefined
  /** Origins besides the server's own that may open a WebSocket. */
  allowedOrigins: string[]
  maxMessageBytes: number
  /** A client's first sync answer (its offline work, one message) may be this large; never below maxMessageBytes. */
  maxFirstSyncBytes: number
  maxBufferedBytes: number
  roomIdleMs: number
  compactEvery: number
  /** Messages (updates and presence) one connection may send per second, and in one burst. */
  messagesPerSecond: number
  messageBurst: number
  /** Bytes one connection may send per second, and in one burst (its first sync answer aside). */
  bytesPerSecond: number
  byteBurst: number
  /** PostgreSQL instead of the embedded SQLite file; needed when several processes share boards. */
  databaseUrl: string | undefined
  /** Redis pub/sub between processes; with DATABASE_URL, lets several processes serve one board. */
  redisUrl: string | undefined
  /** SQLite's synchronous pragma: NORMAL survives the process dying, FULL also a power cut. */
  sqliteSynchronous: 'NORMAL' | 'FULL'
  /** The Chromium that renders PDF and PNG exports. */
  chromiumPath: string
  /** Requests one client IP may make to each of the unauthenticated, costly endpoints (a board's summary,
   *  creating and importing boards) per rateLimitWindowMs; past it, 429 rate_limited with Retry-After. */
  rateLimit: number
  rateLimitWindowMs: number
  /** Boards nobody opened for this many days are deleted, checked at start and then daily; 0 (the default) never. */
  boardTtlDays: number
  /** GET /metrics answers only with `Authorization: Bearer <this>`; without it, /metrics is off (404). */
  metricsToken: string | undefined
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`)
  return n
}

function sync(raw: string | undefined): 'NORMAL' | 'FULL' {
  const v = (raw || 'NORMAL').toUpperCase()
  if (v !== 'NORMAL' && v !== 'FULL') throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${raw}"`)
  return v
}

/** A secret long enough not to be guessed; unset or empty is none. */
function token(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  if (raw.length < 16) throw new Error(`METRICS_TOKEN must be at least 16 characters, got ${raw.length}`)
  return raw
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 8787),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024),
    maxFirstSyncBytes: Math.max(int(env, 'MAX_FIRST_SYNC_BYTES', 32 * 1024 * 1024, 1024), int(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024)),
    maxBufferedBytes: int(env, 'MAX_BUFFERED_BYTES', 16 * 1024 * 1024, 64 * 1024),
    roomIdleMs: int(env, 'ROOM_IDLE_MS', 30_000),
    compactEvery: int(env, 'COMPACT_EVERY', 500, 1),
    messagesPerSecond: int(env, 'MESSAGES_PER_SECOND', 100, 1),
    messageBurst: int(env, 'MESSAGE_BURST', 1000, 1),
    bytesPerSecond: int(env, 'BYTES_PER_SECOND', 1024 * 1024, 1024),
    byteBurst: int(env, 'BYTE_BURST', 8 * 1024 * 1024, 1024),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    rateLimit: int(env, 'RATE_LIMIT', 120, 1),
    rateLimitWindowMs: int(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000),
    sqliteSynchronous: sync(env.SQLITE_SYNCHRONOUS),
    boardTtlDays: int(env, 'BOARD_TTL_DAYS', 0),
    metricsToken: token(env.METRICS_TOKEN),
  }
}
