// What an operator watches (GET /metrics, Prometheus text format): one registry per server, made by
// startServer and handed to the parts that record, so test servers never share counts. Recording is a
// counter or histogram step with labels from small fixed sets (never a board id); what can be read when
// scraped (rooms, connections, the store's and the bus's health) is read then, costing the hot path nothing.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import { CloseCode } from '../shared/closeCodes.js'
import { ROLES } from '../shared/workshop.js'
import type { Bus } from './bus.js'
import type { Rooms } from './rooms.js'
import { PostgresStore } from './storage/postgres.js'
import { SqliteStore } from './storage/sqlite.js'
import type { Store } from './storage/store.js'

/** What closed a socket for cause, by its code's name in shared/closeCodes.ts. */
const CLOSE_REASONS = new Map<number, string>(Object.entries(CloseCode).map(([name, code]) => [code, name]))

/** The limits a client can run into. */
const LIMITS = [
  'rate_limit', // RATE_LIMIT: 429 on the unauthenticated, costly endpoints
  'message_budget', // MESSAGES_PER_SECOND, MESSAGE_BURST: 4429
  'byte_budget', // BYTES_PER_SECOND, BYTE_BURST: 4429
  'message_size', // MAX_MESSAGE_BYTES: 1009
  'first_sync_size', // MAX_FIRST_SYNC_BYTES: 4413
  'queue_before_open', // too much sent before the board opened: 1009
  'send_buffer', // MAX_BUFFERED_BYTES with nothing read for 2 s: cut off
] as const
export type Limit = (typeof LIMITS)[number]

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
const EXPORT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export function createMetrics() {
  const registry = new Registry()
  // CPU, memory, event loop lag, GC: how the process itself is doing.
  collectDefaultMetrics({ register: registry })
  const registers = [registry]

  const updatesRelayed = new Counter({
    name: 'touchpoint_updates_relayed_total',
    help: 'Yjs updates relayed to the sockets of a document: stored here (clients\' kept updates and the server\'s own changes), or stored by another process and come through the bus.',
    labelNames: ['source'] as const,
    registers,
  })
  const bytesRelayed = new Counter({
    name: 'touchpoint_relayed_bytes_total',
    help: 'Bytes of update frames written to sockets: each frame\'s size times the connections it went to.',
    labelNames: ['source'] as const,
    registers,
  })
  const relaySeconds = new Histogram({
    name: 'touchpoint_relay_latency_seconds',
    help: 'From the arrival of the oldest update in a relayed frame to that frame being written to every socket (judging, applying, storing included).',
    buckets: LATENCY_BUCKETS,
    registers,
  })
  const appendSeconds = new Histogram({
    name: 'touchpoint_store_append_seconds',
    help: 'How long the store took to append one update durably (SQLite or PostgreSQL).',
    buckets: LATENCY_BUCKETS,
    registers,
  })
  const appendFailures = new Counter({
    name: 'touchpoint_store_append_failures_total',
    help: 'Appends the store refused (a full disk, a database that is down): the room closed its sockets with 4503.',
    registers,
  })
  const socketRefusals = new Counter({
    name: 'touchpoint_socket_refusals_total',
    help: 'WebSockets the server closed for cause, by close code (shared/closeCodes.ts).',
    labelNames: ['code', 'reason'] as const,
    registers,
  })
  const httpRefusals = new Counter({
    name: 'touchpoint_http_refusals_total',
    help: 'HTTP requests answered with an error (4xx, 5xx), WebSocket handshakes refused included, by status.',
    labelNames: ['status'] as const,
    registers,
  })
  const limitsHit = new Counter({
    name: 'touchpoint_limits_hit_total',
    help: 'Times a client ran into one of the limits (README, Configuration).',
    labelNames: ['limit'] as const,
    registers,
  })
  const exports = new Counter({
    name: 'touchpoint_exports_total',
    help: 'Board exports, by format and whether they were made.',
    labelNames: ['format', 'outcome'] as const,
    registers,
  })
  const exportSeconds = new Histogram({
    name: 'touchpoint_export_duration_seconds',
    help: 'How long an export took to make, by format (PDF and PNG render in Chromium).',
    labelNames: ['format'] as const,
    buckets: EXPORT_BUCKETS,
    registers,
  })

  // Every series that can be known in advance starts at 0, so a rate is there from the first event.
  for (const source of ['local', 'bus']) {
    updatesRelayed.inc({ source }, 0)
    bytesRelayed.inc({ source }, 0)
  }
  for (const limit of LIMITS) limitsHit.inc({ limit }, 0)
  for (const [code, reason] of CLOSE_REASONS) if (code !== CloseCode.goingAway) socketRefusals.inc({ code: String(code), reason }, 0)
  const relayedHere = updatesRelayed.labels('local')
  const bytesHere = bytesRelayed.labels('local')

  return {
    registry,
    /** A frame of `updates` merged updates, first arrived at `arrivedAt` (performance.now()), written to `conns` sockets. */
    relayed(updates: number, frameBytes: number, conns: number, arrivedAt: number | undefined) {
      relayedHere.inc(updates)
      if (conns > 0) bytesHere.inc(frameBytes * conns)
      if (arrivedAt !== undefined) relaySeconds.observe((performance.now() - arrivedAt) / 1000)
    },
    /** What another process stored and published, written to `conns` sockets here. */
    relayedFromBus(frameBytes: number, conns: number) {
      updatesRelayed.inc({ source: 'bus' })
      if (conns > 0) bytesRelayed.inc({ source: 'bus' }, frameBytes * conns)
    },
    appended(startedAt: number) {
      appendSeconds.observe((performance.now() - startedAt) / 1000)
    },
    appendFailed() {
      appendFailures.inc()
    },
    socketRefused(code: number) {
      socketRefusals.inc({ code: String(code), reason: CLOSE_REASONS.get(code) ?? 'other' })
    },
    httpRefused(status: number) {
      httpRefusals.inc({ status: String(status) })
    },
    limitHit(limit: Limit) {
      limitsHit.inc({ limit })
    },
    /** Starts timing an export; call the answer with whether it was made. */
    exportStarted(format: string) {
      const startedAt = performance.now()
      return (ok: boolean) => {
        exports.inc({ format, outcome: ok ? 'ok' : 'failed' })
        if (ok) exportSeconds.observe({ format }, (performance.now() - startedAt) / 1000)
      }
    },

    /** Gauges read when scraped: the rooms in memory and their connections, and the store's and bus's health. */
    watch({ rooms, store, bus }: { rooms: Rooms; store: Store; bus?: Bus | undefined }) {
      new Gauge({
        name: 'touchpoint_rooms_loaded',
        help: 'Documents in memory: boards, and people\'s private notes.',
        labelNames: ['document'] as const,
        registers,
        async collect() {
          const loaded = await rooms.loaded()
          const boards = loaded.filter((r) => !r.docId.includes('/')).length
          this.set({ document: 'board' }, boards)
          this.set({ document: 'private' }, loaded.length - boards)
        },
      })
      new Gauge({
        name: 'touchpoint_connections',
        help: 'Open WebSocket connections, by role and by document (a board, or someone\'s private notes).',
        labelNames: ['role', 'document'] as const,
        registers,
        async collect() {
          const counts = new Map<string, number>()
          for (const room of await rooms.loaded()) {
            const document = room.docId.includes('/') ? 'private' : 'board'
            for (const c of room.conns) counts.set(`${c.identity.role} ${document}`, (counts.get(`${c.identity.role} ${document}`) ?? 0) + 1)
          }
          for (const role of ROLES) for (const document of ['board', 'private']) this.set({ role, document }, counts.get(`${role} ${document}`) ?? 0)
        },
      })
      const backend = store instanceof PostgresStore ? 'postgresql' : store instanceof SqliteStore ? 'sqlite' : 'other'
      new Gauge({
        name: 'touchpoint_store_up',
        help: 'Whether the store answers and its last write did not fail (1) or not (0), as GET /ready reads it.',
        labelNames: ['backend'] as const,
        registers,
        async collect() {
          this.set({ backend }, (await store.ready()) ? 1 : 0)
        },
      })
      if (bus?.ready) {
        const ready = bus.ready.bind(bus)
        new Gauge({
          name: 'touchpoint_redis_up',
          help: 'Whether Redis, which carries updates between processes, answers (1) or not (0).',
          registers,
          async collect() {
            this.set((await ready()) ? 1 : 0)
          },
        })
      }
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
