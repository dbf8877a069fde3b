// A loaded board: its Y.Doc, its presence, its connections. Updates that arrive in one tick are applied
// in one transaction, appended to the store as one entry, and only then relayed as one frame to everyone;
// so nothing is seen that is not durable, and a burst costs one write and one frame per connection.
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { CloseCode } from '../shared/closeCodes.js'
import type { Connection } from './connection.js'
import { ProtocolError, awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame, type ClientMessage } from './protocol.js'
import type { Store } from './storage/store.js'

export interface RoomOptions {
  compactEvery: number
  /** Called when the last connection leaves. */
  onEmpty(room: Room): void
  /** Called when storage failed and the room dropped its connections; the registry forgets it. */
  onFailed(room: Room): void
}

const EMPTY_STATE_VECTOR = 1 // Y.encodeStateVector of an empty doc is the single byte 0

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly conns = new Set<Connection>()

  private pending: { conn: Connection; update: Uint8Array }[] = []
  private flushQueued = false
  private persisting: Promise<unknown> | null = null
  private whenDurable: (() => void)[] = []
  private appendedSinceCompact = 0
  private changedPresence = new Set<number>()
  private presenceQueued = false
  /** The whole state as a sync step 2 frame, built once per version for every fresh joiner. */
  private fullState: Uint8Array | null = null

  constructor(
    readonly boardId: string,
    private readonly store: Store,
    private lastSeq: number,
    private readonly opts: RoomOptions,
  ) {
    this.awareness.setLocalState(null) // the server has no presence of its own
    this.awareness.on('update', this.onPresence)
  }

  /** Applies the stored log; called once, before any connection joins. */
  load(updates: Uint8Array[]) {
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u)
    })
    this.appendedSinceCompact = updates.length - 1
  }

  join(conn: Connection) {
    this.conns.add(conn)
    conn.send(syncStep1Frame(Y.encodeStateVector(this.doc)))
    if (this.awareness.getStates().size > 0) {
      conn.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])))
    }
  }

  leave(conn: Connection) {
    if (!this.conns.delete(conn)) return
    if (conn.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn)
    if (this.conns.size === 0) this.opts.onEmpty(this)
  }

  receive(conn: Connection, msg: ClientMessage) {
    switch (msg.type) {
      case 'syncStep1':
        this.afterDurable(() => conn.send(this.syncStep2For(msg.stateVector)))
        break
      case 'update':
        this.pending.push({ conn, update: msg.update })
        this.queueFlush()
        break
      case 'awareness':
        try {
          applyAwarenessUpdate(this.awareness, msg.update, conn)
        } catch {
          throw new ProtocolError('malformed awareness update')
        }
        break
      case 'queryAwareness':
        conn.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])))
        break
    }
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length === EMPTY_STATE_VECTOR && stateVector[0] === 0) {
      this.fullState ??= syncStep2Frame(Y.encodeStateAsUpdate(this.doc))
      return this.fullState
    }
    return syncStep2Frame(Y.encodeStateAsUpdate(this.doc, stateVector))
  }

  /** Runs `fn` once everything in the doc is durable, so a reply never shows what a crash could lose. */
  private afterDurable(fn: () => void) {
    if (this.persisting) this.whenDurable.push(fn)
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
    if (this.persisting || this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const bad = new Set<Connection>()
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => (update = u)
    this.doc.on('update', capture)
    try {
      this.doc.transact(() => {
        for (const { conn, update } of batch) {
          if (bad.has(conn)) continue
          try {
            Y.applyUpdate(this.doc, update, conn)
          } catch {
            bad.add(conn)
          }
        }
      }, this)
    } finally {
      this.doc.off('update', capture)
    }
    for (const conn of bad) conn.close(CloseCode.malformed, 'malformed update')
    if (update) await this.persistAndRelay(update)
    const waiting = this.whenDurable
    this.whenDurable = []
    for (const fn of waiting) fn()
    if (this.pending.length > 0) this.queueFlush()
  }

  private async persistAndRelay(update: Uint8Array) {
    this.fullState = null
    try {
      this.persisting = this.store.append(this.boardId, update)
      this.lastSeq = (await this.persisting) as number
    } catch (err) {
      this.fail(err)
      return
    } finally {
      this.persisting = null
    }
    const frame = updateFrame(update)
    for (const conn of this.conns) conn.send(frame)
    if (++this.appendedSinceCompact >= this.opts.compactEvery) await this.compact()
  }

  /** Storage failed: the doc may hold what is not durable, so drop it and every connection.
   *  Clients keep their edits and resend them when they reconnect to a freshly loaded room. */
  private fail(err: unknown) {
    console.error(`[room ${this.boardId}] storage failed, closing room:`, (err as Error).message)
    this.pending = []
    this.whenDurable = []
    for (const conn of this.conns) conn.close(CloseCode.storageUnavailable, 'storage unavailable')
    this.conns.clear()
    this.opts.onFailed(this)
    this.destroy()
  }

  async compact() {
    if (this.appendedSinceCompact <= 0) return
    const through = this.lastSeq
    try {
      await this.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), through)
      this.appendedSinceCompact = 0
    } catch (err) {
      // The log is intact; compaction is retried after the next updates.
      console.error(`[room ${this.boardId}] compaction failed:`, (err as Error).message)
    }
  }

  /** Flushes what is pending and compacts; used before unloading and on shutdown. */
  async settle() {
    while (this.persisting || this.pending.length > 0) {
      if (this.persisting) await this.persisting.catch(() => {})
      else await this.flush()
    }
    await this.compact()
  }

  destroy() {
    this.awareness.off('update', this.onPresence)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private onPresence = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const conn = this.conns.has(origin as Connection) ? (origin as Connection) : null
    for (const id of added) conn?.awarenessIds.add(id)
    for (const id of removed) conn?.awarenessIds.delete(id)
    for (const id of added) this.changedPresence.add(id)
    for (const id of updated) this.changedPresence.add(id)
    for (const id of removed) this.changedPresence.add(id)
    if (!this.presenceQueued) {
      this.presenceQueued = true
      setImmediate(this.flushPresence)
    }
  }

  /** Presence changes of one tick go out as one frame, built once for every connection. */
  private flushPresence = () => {
    this.presenceQueued = false
    if (this.changedPresence.size === 0 || this.conns.size === 0) return this.changedPresence.clear()
    const frame = awarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.changedPresence]))
    this.changedPresence.clear()
    for (const conn of this.conns) conn.send(frame)
  }
}
