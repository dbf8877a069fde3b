// A loaded document (a board, or one person's private notes): its Y.Doc, presence and connections.
//
// What arrives in one tick is applied, appended to the store as one entry, and only then relayed as one
// frame to everyone, so nothing is seen that is not durable and a burst costs one write. Each client
// update is applied in its own transaction and checked by the room's policy before it is kept; one that
// is refused (or undecodable) is discarded by reloading the doc from the durable log, so it is never
// stored nor relayed, and its sender is closed with a code that tells it to start afresh.
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { CloseCode } from '../shared/closeCodes.js'
import type { Bus, BusMessage } from './bus.js'
import { Connection } from './connection.js'
import { stampPresence } from './presence.js'
import { ProtocolError, awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame, type ClientMessage } from './protocol.js'
import { docFromLog } from './storage/snapshot.js'
import type { Store } from './storage/store.js'

const PRESENCE_BATCH_MS = 25
const PRESENCE_BATCH_MAX_MS = 150

/** Origin of the server's own changes. */
export const SERVER = Symbol('server')
/** Origin of what another server process stored and published. */
const BUS = Symbol('bus')

export interface RoomPolicy {
  /** Why `conn`'s transaction is refused, or null. Runs before deleted content is collected. */
  refusal(conn: Connection, tr: Y.Transaction, room: Room): string | null
  /** After changes were stored and relayed. */
  afterChange?(room: Room): void
}

export interface RoomOptions {
  compactEvery: number
  policy: RoomPolicy
  /** Called when the last connection leaves. */
  onEmpty(room: Room): void
  /** Called when storage failed and the room dropped its connections; the registry forgets it. */
  onFailed(room: Room): void
  /** Set when several processes share documents (REDIS_URL). */
  bus?: Bus | undefined
}

type Op =
  | { conn: Connection; update: Uint8Array }
  | { change: (doc: Y.Doc) => void; done: (err?: unknown) => void }

export class Room {
  doc = new Y.Doc()
  /** Presence lives beside the doc, not in it, so reloading the doc leaves everyone's presence alone. */
  readonly awareness = new Awareness(new Y.Doc())
  readonly conns = new Set<Connection>()

  private pending: Op[] = []
  private flushQueued = false
  private busy: Promise<unknown> | null = null
  private whenDurable: (() => void)[] = []
  private appendedSinceCompact = 0
  private changedPresence = new Set<number>()
  /** Presence changed by this process's own connections: the part other processes need to hear. */
  private localPresence = new Set<number>()
  /** Joined since the last presence flush: they get everyone's presence in one shared frame. */
  private newcomers = new Set<Connection>()
  private presenceTimer: NodeJS.Timeout | null = null
  private failed = false
  /** For fresh joiners: the whole state as a sync step 2 frame, encoded once, plus the changes since,
   *  which are re-encoded only when the next joiner comes; dropped when the changes grow past a quarter. */
  private fullState: { frame: Uint8Array; size: number; since: Uint8Array[]; sinceSize: number; sinceFrame: Uint8Array | null } | null = null
  /** Which connection speaks for each awareness id. */
  private readonly owners = new Map<number, Connection>()

  constructor(
    readonly docId: string,
    private readonly store: Store,
    private lastSeq: number,
    private readonly opts: RoomOptions,
  ) {
    this.awareness.setLocalState(null) // the server has no presence of its own
    this.awareness.on('update', this.onPresence)
  }

  /** Takes the stored log; called once, before any connection joins. */
  load(updates: Uint8Array[]) {
    this.doc.destroy()
    this.doc = docFromLog(updates)
    this.appendedSinceCompact = updates.length - 1
  }

  join(conn: Connection) {
    this.conns.add(conn)
    if (this.awareness.getStates().size > 0) {
      this.newcomers.add(conn)
      this.queuePresence()
    }
  }

  leave(conn: Connection) {
    if (!this.conns.delete(conn)) return
    this.newcomers.delete(conn)
    if (conn.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn)
    if (this.conns.size === 0) this.opts.onEmpty(this)
  }

  receive(conn: Connection, msg: ClientMessage) {
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
        // An observer's edits are dropped, not refused: its view stays live and read-only.
        if (conn.identity.role === 'observer') return
        this.pending.push({ conn, update: msg.update })
        this.queueFlush()
        break
      case 'awareness': {
        const stamped = stampPresence(msg.update, conn.identity, (id) => this.ownedByOther(conn, id))
        applyAwarenessUpdate(this.awareness, stamped, conn)
        break
      }
      case 'queryAwareness':
        conn.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])))
        break
    }
  }

  /** A change made by the server itself; resolves once it is durable and relayed. */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ change: fn, done: (err) => (err ? reject(err) : resolve()) })
      this.queueFlush()
    })
  }

  private ownedByOther(conn: Connection, clientId: number) {
    const owner = this.owners.get(clientId)
    return owner !== undefined && owner !== conn
  }

  private askForState(conn: Connection, before: Uint8Array[] = []) {
    conn.askedForState = true
    conn.sendAll([...before, syncStep1Frame(Y.encodeStateVector(this.doc))])
  }

  /** Answers a client's sync step 1 with what it lacks (and asks for its state, if not done yet). */
  private sendSyncStep2(conn: Connection, stateVector: Uint8Array) {
    const frames = this.missingFrom(stateVector)
    if (conn.askedForState) conn.sendAll(frames)
    else this.askForState(conn, frames)
  }

  private missingFrom(stateVector: Uint8Array): Uint8Array[] {
    if (!(stateVector.length === 1 && stateVector[0] === 0)) return [syncStep2Frame(Y.encodeStateAsUpdate(this.doc, stateVector))]
    if (!this.fullState) {
      const frame = syncStep2Frame(Y.encodeStateAsUpdate(this.doc))
      this.fullState = { frame, size: frame.length, since: [], sinceSize: 0, sinceFrame: null }
    }
    const cache = this.fullState
    if (cache.since.length === 0) return [cache.frame]
    cache.sinceFrame ??= updateFrame(cache.since.length === 1 ? cache.since[0]! : Y.mergeUpdates(cache.since))
    return [cache.frame, cache.sinceFrame]
  }

  /** Every change to the doc passes here, so the joiners' cache stays exact. */
  private changed(update: Uint8Array) {
    const cache = this.fullState
    if (!cache) return
    cache.since.push(update)
    cache.sinceSize += update.length
    cache.sinceFrame = null
    if (cache.sinceSize > cache.size / 4) this.fullState = null
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
    const batch = this.pending
    this.pending = []
    let from = 0
    let changed = false
    while (from < batch.length && !this.failed) {
      const seg = this.applySegment(batch, from)
      from = seg.next
      if (seg.updates.length > 0) {
        changed = true
        const update = seg.updates.length === 1 ? seg.updates[0]! : Y.mergeUpdates(seg.updates)
        await this.run(this.persistAndRelay(update))
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

  /** Applies ops from `from` until one must be discarded; returns what the kept ones changed. */
  private applySegment(batch: Op[], from: number) {
    const updates: Uint8Array[] = []
    const done: ((err?: unknown) => void)[] = []
    const capture = (u: Uint8Array) => updates.push(u)
    this.doc.on('update', capture)
    try {
      for (let i = from; i < batch.length; i++) {
        const op = batch[i]!
        if ('change' in op) {
          this.doc.transact(() => op.change(this.doc), SERVER)
          done.push(op.done)
          continue
        }
        const before = updates.length
        const refusal = this.applyChecked(op.conn, op.update)
        if (refusal) {
          updates.length = before // the refused transaction's update is not kept
          const [code, reason] = refusal === 'malformed' ? [CloseCode.malformed, 'malformed update'] : [CloseCode.forbidden, refusal]
          op.conn.close(code, reason.slice(0, 120))
          // Later updates from the same sender build on the refused one: drop them too.
          for (let j = i + 1; j < batch.length; j++) {
            const later = batch[j]!
            if ('conn' in later && later.conn === op.conn) batch.splice(j--, 1)
          }
          return { updates, done, next: i + 1, discard: true }
        }
      }
    } finally {
      this.doc.off('update', capture)
    }
    return { updates, done, next: batch.length, discard: false }
  }

  private applyChecked(conn: Connection, update: Uint8Array): string | null {
    let refusal: string | null = null
    const check = (tr: Y.Transaction) => {
      if (tr.origin === conn && refusal === null) refusal = this.opts.policy.refusal(conn, tr, this)
    }
    this.doc.on('afterTransaction', check)
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch {
      refusal = 'malformed'
    } finally {
      this.doc.off('afterTransaction', check)
    }
    return refusal
  }

  /** What another process stored and published: already durable, so it is applied and relayed only. */
  fromBus(msg: BusMessage) {
    if (msg.kind === 'update') this.applyDurable([msg.data])
    else if (msg.kind === 'awareness') {
      try {
        applyAwarenessUpdate(this.awareness, msg.data, BUS)
      } catch (err) {
        console.error(`[room ${this.docId}] bad presence from the bus:`, (err as Error).message)
      }
    }
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
      console.error(`[room ${this.docId}] could not apply a stored update:`, (err as Error).message)
    } finally {
      this.doc.off('update', capture)
    }
    if (!diff) return
    this.changed(diff)
    const frame = updateFrame(diff)
    for (const conn of this.conns) conn.send(frame)
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
    this.fullState = null
  }

  private async persistAndRelay(update: Uint8Array) {
    this.changed(update)
    try {
      this.lastSeq = await this.store.append(this.docId, update)
    } catch (err) {
      this.fail(err)
      return
    }
    const frame = updateFrame(update)
    for (const conn of this.conns) conn.send(frame)
    this.opts.bus?.publish(this.docId, { kind: 'update', data: update })
    if (++this.appendedSinceCompact >= this.opts.compactEvery) await this.compact()
  }

  /** Storage failed: the doc may hold what is not durable, so drop it and every connection.
   *  Clients keep their edits and resend them when they reconnect to a freshly loaded room. */
  private fail(err: unknown) {
    if (this.failed) return
    this.failed = true
    console.error(`[room ${this.docId}] storage failed, closing room:`, (err as Error).message)
    for (const op of this.pending) if ('change' in op) op.done(err)
    this.pending = []
    this.whenDurable = []
    for (const conn of this.conns) conn.close(CloseCode.storageUnavailable, 'storage unavailable')
    this.conns.clear()
    this.opts.onFailed(this)
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
      console.error(`[room ${this.docId}] compaction failed:`, (err as Error).message)
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
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awareness.off('update', this.onPresence)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private onPresence = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const conn = origin instanceof Connection ? origin : null
    if (conn) {
      for (const id of added) {
        conn.awarenessIds.add(id)
        this.owners.set(id, conn)
      }
      for (const id of removed) {
        conn.awarenessIds.delete(id)
        if (this.owners.get(id) === conn) this.owners.delete(id)
      }
    }
    for (const id of added) this.changedPresence.add(id)
    for (const id of updated) this.changedPresence.add(id)
    for (const id of removed) this.changedPresence.add(id)
    if (origin !== BUS && this.opts.bus) for (const id of [...added, ...updated, ...removed]) this.localPresence.add(id)
    this.queuePresence()
  }

  /** Presence waits a little so that a crowd joining, or many cursors moving, costs one frame per
   *  connection per batch instead of one per change (a 500-person join would otherwise be N²). Every
   *  batch goes to everyone, so a bigger room waits longer: 25 ms for a few people, 150 ms for 500. */
  private queuePresence() {
    if (this.presenceTimer) return
    const wait = Math.min(PRESENCE_BATCH_MAX_MS, PRESENCE_BATCH_MS + this.conns.size / 4)
    this.presenceTimer = setTimeout(this.flushPresence, wait)
  }

  private flushPresence = () => {
    this.presenceTimer = null
    const states = this.awareness.getStates()
    if (this.newcomers.size > 0 && states.size > 0) {
      const all = awarenessFrame(encodeAwarenessUpdate(this.awareness, [...states.keys()]))
      for (const conn of this.newcomers) conn.send(all)
    }
    if (this.changedPresence.size > 0) {
      const changes = awarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.changedPresence]))
      for (const conn of this.conns) if (!this.newcomers.has(conn)) conn.send(changes)
    }
    if (this.localPresence.size > 0) {
      this.opts.bus?.publish(this.docId, { kind: 'awareness', data: encodeAwarenessUpdate(this.awareness, [...this.localPresence]) })
      this.localPresence.clear()
    }
    this.newcomers.clear()
    this.changedPresence.clear()
  }
}
