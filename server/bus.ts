// How several server processes share live traffic: every process that has a document loaded subscribes
// to its channel; updates (already durable in the shared store) and presence are published there, and
// so are changes to a person's role and a board's deletion, so sockets held by other processes follow.
import { nanoid } from 'nanoid'
import { Redis } from 'ioredis'
import type { Role } from '../shared/workshop.js'
import { log, why } from './log.js'

export type BusMessage =
  | { kind: 'update' | 'awareness'; data: Uint8Array }
  | { kind: 'identity'; personId: string; role?: Role; revoked?: boolean }
  /** The board was deleted: every process closes and forgets its documents. */
  | { kind: 'deleted' }

export interface Bus {
  subscribe(docId: string, handler: (msg: BusMessage) => void): Promise<void>
  unsubscribe(docId: string): Promise<void>
  publish(docId: string, msg: BusMessage): void
  /** Called after the bus was cut off and is back: messages may have been missed. */
  onReconnect(fn: () => void): void
  /** Whether it carries messages now (GET /ready, the metrics); a bus without it is taken as ready. */
  ready?(): Promise<boolean>
  close(): Promise<void>
}

const KIND = { update: 1, awareness: 2, identity: 3, deleted: 4 } as const
const ORIGIN_LENGTH = 16
/** How long GET /ready waits for Redis to answer. */
const READY_TIMEOUT_MS = 1000

export class RedisBus implements Bus {
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly handlers = new Map<string, (msg: BusMessage) => void>()
  /** Tags what this process publishes, so it skips its own messages. */
  private readonly origin = Buffer.from(nanoid(ORIGIN_LENGTH))
  private reconnectHandlers: (() => void)[] = []

  constructor(url: string, private readonly prefix = 'touchpoint:') {
    this.pub = new Redis(url, { maxRetriesPerRequest: 2 })
    this.sub = new Redis(url)
    for (const r of [this.pub, this.sub]) r.on('error', (err) => log.error(why(err), 'redis'))
    let wasReady = false
    this.sub.on('ready', () => {
      if (wasReady) this.reconnectHandlers.forEach((fn) => fn())
      wasReady = true
    })
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message))
  }

  private receive(channel: string, message: Buffer) {
    if (message.length < 1 + ORIGIN_LENGTH || message.subarray(1, 1 + ORIGIN_LENGTH).equals(this.origin)) return
    const handler = this.handlers.get(channel.slice(this.prefix.length))
    if (!handler) return
    const body = message.subarray(1 + ORIGIN_LENGTH)
    try {
      if (message[0] === KIND.update) handler({ kind: 'update', data: body })
      else if (message[0] === KIND.awareness) handler({ kind: 'awareness', data: body })
      else if (message[0] === KIND.identity) handler({ kind: 'identity', ...JSON.parse(body.toString()) })
      else if (message[0] === KIND.deleted) handler({ kind: 'deleted' })
    } catch (err) {
      log.error({ channel, ...why(err) }, 'a bus message failed')
    }
  }

  async subscribe(docId: string, handler: (msg: BusMessage) => void) {
    this.handlers.set(docId, handler)
    await this.sub.subscribe(this.prefix + docId) // resolves once Redis confirmed: nothing published after is missed
  }

  async unsubscribe(docId: string) {
    this.handlers.delete(docId)
    await this.sub.unsubscribe(this.prefix + docId).catch(() => {})
  }

  publish(docId: string, msg: BusMessage) {
    const body =
      msg.kind === 'identity' ? Buffer.from(JSON.stringify({ personId: msg.personId, role: msg.role, revoked: msg.revoked }))
      : msg.kind === 'deleted' ? Buffer.alloc(0)
      : msg.data
    const out = Buffer.allocUnsafe(1 + ORIGIN_LENGTH + body.length)
    out[0] = KIND[msg.kind]
    this.origin.copy(out, 1)
    out.set(body, 1 + ORIGIN_LENGTH)
    // Losing a publish only delays other processes: they catch up from the store when the bus returns.
    this.pub.publish(this.prefix + docId, out).catch((err) => log.error(why(err), 'redis publish failed'))
  }

  onReconnect(fn: () => void) {
    this.reconnectHandlers.push(fn)
  }

  /** Both connections are up and Redis answers a PING within READY_TIMEOUT_MS: one that is down, or hangs,
   *  is not ready. */
  async ready() {
    if (this.pub.status !== 'ready' || this.sub.status !== 'ready') return false
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)))
    try {
      return await Promise.race([this.pub.ping().then((r) => r === 'PONG', () => false), late])
    } finally {
      clearTimeout(timer)
    }
  }

  async close() {
    await Promise.all([this.pub.quit().catch(() => {}), this.sub.quit().catch(() => {})])
  }
}
