// A loaded document (a board, or one person's private notes): its Y.Doc, presence and connections.
// Three parts: the commit log (this file: queue, judge, persist before relay, revert, compaction,
// failure), the joiners' cache (server/joinersCache.ts) and presence (server/presenceRelay.ts).
//
// What arrives in one tick is applied, appended to the store as one entry, and only then relayed as one
// frame to everyone, so nothing is seen that is not durable and a burst costs one write. Each client
// update is judged before it touches the doc (server/commit.ts): a refused one is never applied, stored
// nor relayed, and its sender is closed with a code that says why; honest work that a rule of the moment
// does not take is applied and reverted by the server, and kept for its writer as drafts first.
import * as Y from 'yjs'
import { CloseCode } from '../shared/closeCodes.js'
import type { Draft } from '../shared/drafts.js'
import { Budget, type BudgetOptions } from './budget.js'
import type { Bus, BusMessage } from './bus.js'
import { SERVER, applyOps, type Op } from './commit.js'
import type { Connection } from './connection.js'
import { JoinersCache } from './joinersCache.js'
import type { RoomPolicy } from './policy.js'
import { PresenceRelay } from './presenceRelay.js'
import { ProtocolError, syncStep1Frame, updateFrame, type ClientMessage } from './protocol.js'
import { docFromLog } from './storage/snapshot.js'
import type { Store } from './storage/store.js'
import type { Metrics } from './metrics.js'
import { log, why } from './log.js'

export { SERVER }
/** Ops one flush takes at most: judging and applying that many costs a few milliseconds. */
const MAX_OPS_PER_FLUSH = 256

/** Origin of what another server process stored and published. */
const BUS = Symbol('bus')

export interface RoomOptions {
  compactEvery: number
  /** How many messages each connection may send; unlimited when absent (tests of other parts). */
  messageBudget?: BudgetOptions | undefined
  /** Where what is relayed and stored is recorded; nothing is without it. */
  metrics?: Metrics | undefined
  policy: RoomPolicy
  /** Called when the last connection leaves. */
  onEmpty(room: Room): void
  /** Called when storage failed and the room dropped its connections; the registry forgets it. */
  onFailed(room: Room): void
  /** Set when several processes share documents (REDIS_URL). */
  bus?: Bus | undefined
}


export class Room {
  doc = new Y.Doc()
  readonly conns = new Set<Connection>()
  /** Presence lives beside the doc, not in it, so reloading the doc leaves everyone's presence alone. */
  readonly presence: PresenceRelay
  /** For fresh joiners: the whole state encoded once, plus the changes since. */
  private readonly joiners = new JoinersCache()

  private pending: Op[] = []
  private flushQueued = false
  private busy: Promise<unknown> | null = null
  private whenDurable: (() => void)[] = []
  private appendedSinceCompact = 0
  private failed = false
  /** Set when the board was deleted: whoever still arrives is closed with this. */
  private ended: { code: number; reason: string } | null = null
  private readonly budgets = new WeakMap<Connection, Budget>()

  constructor(
    readonly docId: string,
    private readonly store: Store,
    private lastSeq: number,
    private readonly opts: RoomOptions,
  ) {
    this.presence = new PresenceRelay(this.conns, docId, opts.bus)
  }

  get awareness() {
    return this.presence.awareness
  }

  /** Takes the stored log; called once, before any connection joins. */
  load(updates: Uint8Array[]) {
    this.doc.destroy()
    this.doc = docFromLog(updates)
    this.appendedSinceCompact = updates.length - 1
  }

  join(conn: Connection) {
    if (this.ended) return conn.close(this.ended.code, this.ended.reason)
    this.conns.add(conn)
    this.presence.join(conn)
  }

  leave(conn: Connection) {
    if (!this.conns.delete(conn)) return
    this.presence.leave(conn)
    if (this.conns.size === 0) this.opts.onEmpty(this)
  }

  receive(conn: Connection, msg: ClientMessage) {
    if (!this.withinBudget(conn)) return
    // The stock client opens with its sync step 1, so ours rides along with the answer to it (one write
    // instead of two); a client that opens with anything else is asked for its state at once.
    if (!conn.askedForState && msg.type !== 'syncStep1') this.askForState(conn)
    switch (msg.type) {
      case 'syncStep1':
        // Checked now: the reply may be deferred into a flush, where a throw would hurt everyone.
        try {
          Y.decodeStateVector(msg.stateVector)
        } catch {
          throw new ProtocolError('malformed state vector')
        }
        this.afterDurable(() => this.sendSyncStep2(conn, msg.stateVector))
        break
      case 'update':
        this.pending.push({ conn, update: msg.update, at: performance.now() })
        this.queueFlush()
        break
      case 'awareness':
        this.presence.receive(conn, msg.update)
        break
      case 'queryAwareness':
        this.presence.query(conn)
        break
    }
  }

  private withinBudget(conn: Connection) {
    const opts = this.opts.messageBudget
    if (!opts) return true
    let budget = this.budgets.get(conn)
    if (!budget) this.budgets.set(conn, (budget = new Budget(opts)))
    if (budget.take()) return true
    this.opts.metrics?.limitHit('message_budget')
    conn.close(CloseCode.tooManyMessages, 'too many messages')
    return false
  }

  /** A change made by the server itself; resolves once it is durable and relayed. */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ change: fn, done: (err) => (err ? reject(err) : resolve()), at: performance.now() })
      this.queueFlush()
    })
  }

  private askForState(conn: Connection, before: Uint8Array[] = []) {
    conn.askedForState = true
    conn.sendAll([...before, syncStep1Frame(Y.encodeStateVector(this.doc))])
  }

  /** Answers a client's sync step 1 with what it lacks (and asks for its state, if not done yet). */
  private sendSyncStep2(conn: Connection, stateVector: Uint8Array) {
    const frames = this.joiners.answer(this.doc, stateVector)
    if (conn.askedForState) conn.sendAll(frames)
    else this.askForState(conn, frames)
  }

  /** Runs `fn` once everything in the doc is durable, so a reply never shows what a crash could lose. */
  private afterDurable(fn: () => void) {
    if (this.busy) this.whenDurable.push(fn)
    else fn()
  }

  private queueFlush() {
    if (this.flushQueued) return
    this.flushQueued = true
    setImmediate(() => void this.flush())
  }

  /** Applies, persists and relays everything pending; one flush at a time, the next picks up the rest. */
  async flush(): Promise<void> {
    this.flushQueued = false
    if (this.busy || this.pending.length === 0 || this.failed) return
    // A bounded share a flush, so that a burst (however it got past the budgets) cannot hold the loop:
    // the rest goes in the next flush, after whatever else is waiting.
    const batch = this.pending.length > MAX_OPS_PER_FLUSH ? this.pending.splice(0, MAX_OPS_PER_FLUSH) : this.pending
    if (batch === this.pending) this.pending = []
    let from = 0
    let changed = false
    while (from < batch.length && !this.failed) {
      const arrivedAt = batch[from]?.at // the oldest of this segment: its relay latency is the frame's
      const seg = applyOps(this.doc, batch, from, this.opts.policy)
      from = seg.next
      // Drafts are durable before the revert that takes their notes off the board is relayed.
      if (seg.drafts.length > 0) await this.run(this.keepDrafts(seg.drafts))
      if (seg.updates.length > 0 && !this.failed) {
        changed = true
        const update = seg.updates.length === 1 ? seg.updates[0]! : Y.mergeUpdates(seg.updates)
        await this.run(this.persistAndRelay(update, seg.updates.length, arrivedAt))
      }
      seg.done.forEach((done) => (this.failed ? done(new Error('storage unavailable')) : done()))
      if (seg.discard && !this.failed) await this.run(this.reload())
    }
    const waiting = this.whenDurable
    this.whenDurable = []
    if (!this.failed) waiting.forEach((fn) => fn())
    if (changed && !this.failed) this.opts.policy.afterChange?.(this)
    if (this.pending.length > 0) this.queueFlush()
  }

  private async run(p: Promise<unknown>) {
    this.busy = p
    try {
      await p
    } finally {
      this.busy = null
    }
  }

  private async keepDrafts(all: { personId: string; drafts: Draft[] }[]) {
    try {
      for (const { personId, drafts } of all) await this.opts.policy.keep(personId, drafts)
    } catch (err) {
      // Not relayed yet: the writers still hold their notes, and resend them to the reloaded room.
      this.fail(err)
    }
  }

  /** What another process stored and published: already durable, so it is applied and relayed only. */
  fromBus(msg: BusMessage) {
    if (msg.kind === 'update') this.applyDurable([msg.data])
    else if (msg.kind === 'awareness') this.presence.fromBus(msg.data)
  }

  /** After the bus was away: take in whatever other processes stored meanwhile. */
  async catchUp() {
    const log = await this.store.loadLog(this.docId)
    this.applyDurable(log.updates)
  }

  private applyDurable(updates: Uint8Array[]) {
    let diff: Uint8Array | null = null
    const capture = (u: Uint8Array) => (diff = u)
    this.doc.on('update', capture)
    try {
      this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)), BUS)
    } catch (err) {
      log.error({ docId: this.docId, ...why(err) }, 'could not apply a stored update')
    } finally {
      this.doc.off('update', capture)
    }
    if (!diff) return
    this.joiners.changed(diff)
    const frame = updateFrame(diff)
    for (const conn of this.conns) conn.send(frame)
    this.opts.metrics?.relayedFromBus(frame.length, this.conns.size)
  }

  /** Replaces the doc with what the store holds: everything kept so far, nothing refused. */
  private async reload() {
    const log = await this.store.loadLog(this.docId).catch((err) => {
      this.fail(err)
      throw err
    })
    this.doc.destroy()
    this.doc = docFromLog(log.updates)
    this.lastSeq = log.lastSeq
    this.joiners.reset()
  }

  private async persistAndRelay(update: Uint8Array, merged = 1, arrivedAt?: number) {
    this.joiners.changed(update)
    const metrics = this.opts.metrics
    try {
      const startedAt = performance.now()
      this.lastSeq = await this.store.append(this.docId, update)
      metrics?.appended(startedAt)
    } catch (err) {
      metrics?.appendFailed()
      this.fail(err)
      return
    }
    const frame = updateFrame(update)
    for (const conn of this.conns) conn.send(frame)
    metrics?.relayed(merged, frame.length, this.conns.size, arrivedAt)
    this.opts.bus?.publish(this.docId, { kind: 'update', data: update })
    if (++this.appendedSinceCompact >= this.opts.compactEvery) await this.compact()
  }

  /** Storage failed: the doc may hold what is not durable, so drop it and every connection.
   *  Clients keep their edits and resend them when they reconnect to a freshly loaded room. */
  private fail(err: unknown) {
    if (this.failed) return
    this.failed = true
    log.error({ docId: this.docId, ...why(err) }, 'storage failed, closing the room')
    for (const op of this.pending) if ('change' in op) op.done(err)
    this.pending = []
    this.whenDurable = []
    for (const conn of this.conns) conn.close(CloseCode.storageUnavailable, 'storage unavailable')
    this.conns.clear()
    this.opts.onFailed(this)
  }

  /** The board was deleted: nothing more is stored or relayed, what waits is dropped, and everyone on it is
   *  closed with `code`. Resolves once a write in flight has finished, so the caller can sweep after it. */
  async end(code: number, reason: string) {
    this.ended = { code, reason }
    this.failed = true
    for (const op of this.pending) if ('change' in op) op.done(new Error(reason))
    this.pending = []
    this.whenDurable = []
    for (const conn of this.conns) conn.close(code, reason)
    this.conns.clear()
    await this.busy?.catch(() => {})
  }

  async compact() {
    if (this.appendedSinceCompact <= 0 || this.failed) return
    try {
      // The doc holds exactly what is stored through lastSeq, unless it also holds a client's updates
      // still waiting for what they build on, which were never stored: then the store merges its rows.
      const held = () => (this.doc.store.pendingStructs || this.doc.store.pendingDs ? null : Y.encodeStateAsUpdate(this.doc))
      await this.store.compact(this.docId, this.lastSeq, held)
      this.appendedSinceCompact = 0
    } catch (err) {
      // The log is intact; compaction is retried after the next updates.
      log.error({ docId: this.docId, ...why(err) }, 'compaction failed')
    }
  }

  /** Flushes what is pending and compacts; used before unloading and on shutdown. */
  async settle() {
    while (!this.failed && (this.busy || this.pending.length > 0)) {
      if (this.busy) await this.busy.catch(() => {})
      else await this.flush()
    }
    await this.compact()
  }

  destroy() {
    this.presence.destroy()
    this.doc.destroy()
  }
}
