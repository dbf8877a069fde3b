// A room's presence (y-protocols awareness): who is here and where their cursor is. It lives beside the
// doc, not in it, so reloading the doc leaves everyone's presence alone.
//
// Each awareness id belongs to the person (identity id) whose connection first used it, for as long as
// the room is loaded: another person's connection can neither update nor remove it (server/presence.ts
// drops such entries), while the same person reconnecting with the same id may use it again. What
// arrives from other processes over the bus records its owner from the state's stamped `user.id`, so the
// rule holds across processes too. The ids a connection speaks for are removed for everyone when it
// closes. Owners of ids that still have a state are as many as the states; owners of ids whose state is
// gone are remembered up to a cap, oldest forgotten first, so the memory never grows without bound.
//
// Changes are batched: a crowd joining, or many cursors moving, costs one frame per connection per batch.
import * as decoding from 'lib0/decoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Bus } from './bus.js'
import { Connection } from './connection.js'
import { encodePresence, stampPresence } from './presence.js'
import { awarenessFrame } from './protocol.js'
import { log, why } from './log.js'

const PRESENCE_BATCH_MS = 25
const PRESENCE_BATCH_MAX_MS = 150
/** Owners remembered for ids whose state is gone (a person who left may come back with the same id). */
export const RELEASED_OWNERS_MAX = 4096

/** Origin of presence another server process relayed. */
const BUS = Symbol('bus')

export interface PresenceRelayOptions {
  /** Overrides RELEASED_OWNERS_MAX (tests). */
  releasedOwnersMax?: number
}

type PresenceChange = { added: number[]; updated: number[]; removed: number[] }

export class PresenceRelay {
  readonly awareness = new Awareness(new Y.Doc())
  /** Awareness id -> the person it belongs to. */
  private readonly owners = new Map<number, string>()
  /** Ids in `owners` that have no state now, oldest release first: the part that is capped. */
  private readonly released = new Set<number>()
  /** Awareness id -> the connection of this process that speaks for it now (mirrors `awarenessIds`). */
  private readonly speakers = new Map<number, Connection>()
  private readonly changedIds = new Set<number>()
  /** Presence changed by this process's own connections: the part other processes need to hear. */
  private readonly localIds = new Set<number>()
  /** Joined since the last flush: they get everyone's presence in one shared frame. */
  private readonly newcomers = new Set<Connection>()
  /** Forgotten ids whose clock is dropped once the pending batch, which still encodes them, is out. */
  private readonly forgetClock = new Set<number>()
  private timer: NodeJS.Timeout | null = null
  private readonly releasedMax: number

  constructor(
    private readonly conns: ReadonlySet<Connection>,
    private readonly docId: string,
    private readonly bus?: Bus,
    opts: PresenceRelayOptions = {},
  ) {
    this.releasedMax = opts.releasedOwnersMax ?? RELEASED_OWNERS_MAX
    this.awareness.setLocalState(null) // the server has no presence of its own
    this.awareness.on('update', this.onUpdate)
  }

  /** Call after adding `conn` to the room's connections. */
  join(conn: Connection) {
    if (this.awareness.getStates().size > 0) {
      this.newcomers.add(conn)
      this.queue()
    }
  }

  /** Call after removing `conn` from the room's connections: its ids are removed for everyone. */
  leave(conn: Connection) {
    this.newcomers.delete(conn)
    if (conn.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn)
    for (const id of conn.awarenessIds) if (this.speakers.get(id) === conn) this.speakers.delete(id)
    conn.awarenessIds.clear()
  }

  /** An awareness update from `conn`; throws ProtocolError when it is malformed. */
  receive(conn: Connection, update: Uint8Array) {
    const stamped = stampPresence(update, conn.identity, (id) => this.ownedByOther(conn, id))
    applyAwarenessUpdate(this.awareness, stamped, conn)
  }

  /** Answers a query: everyone's presence, now. */
  query(conn: Connection) {
    conn.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])))
  }

  /** Presence another process let through and published. */
  fromBus(data: Uint8Array) {
    try {
      applyAwarenessUpdate(this.awareness, this.admitFromBus(data), BUS)
    } catch (err) {
      log.error({ docId: this.docId, ...why(err) }, 'bad presence from the bus')
    }
  }

  /** The person `clientId` belongs to, if remembered. */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId)
  }

  /** How many owners are remembered (for tests). */
  get rememberedOwners() {
    return this.owners.size
  }

  destroy() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
    this.awareness.doc.destroy()
  }

  private ownedByOther(conn: Connection, clientId: number) {
    const owner = this.owners.get(clientId)
    return owner !== undefined && owner !== conn.identity.id
  }

  /** Drops the bus's states that claim an id this process knows belongs to someone else (two processes
   *  admitted different people for one id at the same moment: each keeps its first). Removals pass. */
  private admitFromBus(data: Uint8Array): Uint8Array {
    const d = decoding.createDecoder(data.slice()) // own buffer: lib0 reads lengths without bounds checks
    const kept: [number, number, string][] = []
    const n = decoding.readVarUint(d)
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const json = decoding.readVarString(d)
      const person = personOf(JSON.parse(json) as unknown)
      const owner = this.owners.get(clientId)
      if (person !== undefined && owner !== undefined && owner !== person) continue
      kept.push([clientId, clock, json])
    }
    return kept.length === n ? data : encodePresence(kept)
  }

  private onUpdate = ({ added, updated, removed }: PresenceChange, origin: unknown) => {
    const conn = origin instanceof Connection ? origin : null
    // A state that comes back after it was removed is reported as updated, not added: both count.
    for (const ids of [added, updated]) {
      for (const id of ids) {
        this.released.delete(id)
        this.forgetClock.delete(id)
        const speaker = this.speakers.get(id)
        if (conn) {
          if (!this.owners.has(id)) this.owners.set(id, conn.identity.id)
          if (speaker !== conn) {
            // The same person's new connection took over (the old one may not have noticed it is gone):
            // closing the old one must not remove what the new one shows.
            speaker?.awarenessIds.delete(id)
            this.speakers.set(id, conn)
            conn.awarenessIds.add(id)
          }
        } else {
          if (origin === BUS && speaker) {
            speaker.awarenessIds.delete(id) // it speaks from another process now
            this.speakers.delete(id)
          }
          if (!this.owners.has(id)) {
            const person = personOf(this.awareness.getStates().get(id))
            if (person !== undefined) this.owners.set(id, person)
          }
        }
      }
    }
    for (const id of removed) {
      const speaker = this.speakers.get(id)
      speaker?.awarenessIds.delete(id)
      this.speakers.delete(id)
      if (this.owners.has(id)) this.release(id)
    }
    for (const ids of [added, updated, removed]) for (const id of ids) this.changedIds.add(id)
    if (origin !== BUS && this.bus) for (const ids of [added, updated, removed]) for (const id of ids) this.localIds.add(id)
    this.queue()
  }

  /** `id` has no state now: its owner is remembered, but only the latest releases are. */
  private release(id: number) {
    this.released.delete(id)
    this.released.add(id)
    while (this.released.size > this.releasedMax) {
      const oldest = this.released.values().next().value as number
      this.released.delete(oldest)
      this.owners.delete(oldest)
      // Its clock goes too, so nothing is left of it; unless the pending batch still has to encode it.
      if (this.changedIds.has(oldest) || this.localIds.has(oldest)) this.forgetClock.add(oldest)
      else if (!this.awareness.states.has(oldest)) this.awareness.meta.delete(oldest)
    }
  }

  /** Presence waits a little so that a crowd joining, or many cursors moving, costs one frame per
   *  connection per batch instead of one per change (a 500-person join would otherwise be N²). Every
   *  batch goes to everyone, so a bigger room waits longer: 25 ms for a few people, 150 ms for 500. */
  private queue() {
    if (this.timer) return
    const wait = Math.min(PRESENCE_BATCH_MAX_MS, PRESENCE_BATCH_MS + this.conns.size / 4)
    this.timer = setTimeout(this.flush, wait)
  }

  private flush = () => {
    this.timer = null
    const states = this.awareness.getStates()
    if (this.newcomers.size > 0 && states.size > 0) {
      const all = awarenessFrame(encodeAwarenessUpdate(this.awareness, [...states.keys()]))
      for (const conn of this.newcomers) conn.send(all)
    }
    if (this.changedIds.size > 0) {
      const changes = awarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.changedIds]))
      for (const conn of this.conns) if (!this.newcomers.has(conn)) conn.send(changes)
    }
    if (this.localIds.size > 0) {
      this.bus?.publish(this.docId, { kind: 'awareness', data: encodeAwarenessUpdate(this.awareness, [...this.localIds]) })
      this.localIds.clear()
    }
    this.newcomers.clear()
    this.changedIds.clear()
    for (const id of this.forgetClock) if (!this.awareness.states.has(id) && !this.owners.has(id)) this.awareness.meta.delete(id)
    this.forgetClock.clear()
  }
}

/** The person a stamped state speaks for (server/presence.ts writes `user.id` from the token). */
function personOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const user = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return undefined
  const id = (user as { id?: unknown }).id
  return typeof id === 'string' ? id : undefined
}
