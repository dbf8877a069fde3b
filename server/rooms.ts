// The registry of loaded documents (boards and private notes): each is loaded once however many clients
// join at the same moment, and unloaded (compacted, then forgotten) once nobody has been on it for `idleMs`; and
// a deleted board's documents closed and dropped, in this process and, through the bus, in every other.
import { CloseCode } from '../shared/closeCodes.js'
import type { Role } from '../shared/workshop.js'
import type { Bus, BusMessage } from './bus.js'
import type { BudgetOptions } from './budget.js'
import { DENY_ALL, type RoomPolicy } from './policy.js'
import { Room } from './room.js'
import type { Store } from './storage/store.js'
import type { Metrics } from './metrics.js'
import { boardLog, why } from './log.js'
import { needsUpgrade, upgradeSchema } from './upgradeSchema.js'

export interface RoomsOptions {
  idleMs: number
  compactEvery: number
  messageBudget?: BudgetOptions
  /** Where rooms record what they relay and store (server/metrics.ts); nothing is recorded without it. */
  metrics?: Metrics | undefined
}

/** `<boardId>` is a board; `<boardId>/private/<personId>` is one person's private notes on it. */
export const privateDocId = (boardId: string, personId: string) => `${boardId}/private/${personId}`
export const boardOf = (docId: string) => docId.split('/')[0]!

export class Rooms {
  private readonly rooms = new Map<string, Promise<Room | undefined>>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private readonly unloading = new Map<string, Promise<void>>()
  /** Boards being deleted: a load waits until that is done (and then finds nothing, or the board if a prune
   *  found it opened meanwhile). */
  private readonly deleting = new Map<string, Promise<unknown>>()
  /** Rooms already unloaded or dropped: a socket that leaves one afterwards schedules nothing. */
  private readonly forgotten = new WeakSet<Room>()

  /** Set by the workshop, which knows each document's rules; until then every write is refused. */
  policyFor: (docId: string) => RoomPolicy = () => DENY_ALL

  constructor(
    private readonly store: Store,
    private readonly opts: RoomsOptions,
    private readonly bus?: Bus,
  ) {
    bus?.onReconnect(() => {
      for (const p of this.rooms.values()) void p.then((r) => r?.catchUp()).catch(() => {})
    })
  }

  /** The loaded room of a document, or undefined when its board does not exist. Rejects if storage fails. */
  get(boardId: string): Promise<Room | undefined> {
    const deleting = this.deleting.get(boardOf(boardId))
    if (deleting) return deleting.then(() => this.get(boardId))
    let room = this.rooms.get(boardId)
    if (!room) {
      room = this.load(boardId)
      this.rooms.set(boardId, room)
      // A failed or empty load is not cached: the next join asks the store again.
      room.then(
        (r) => r || this.rooms.delete(boardId),
        () => this.rooms.delete(boardId),
      )
    }
    return room.then((r) => {
      // Loaded for an HTTP call or a socket: either way it unloads if nobody is on it when the timer fires.
      if (r && r.conns.size === 0) this.scheduleIdle(r)
      return r
    })
  }

  /** The room if it is in memory now, without loading it. */
  async peek(boardId: string): Promise<Room | undefined> {
    return this.rooms.has(boardId) ? this.rooms.get(boardId)!.catch(() => undefined) : undefined
  }

  get loadedCount() {
    return this.rooms.size
  }

  /** Every room in memory now (those still loading once they are), for the metrics when scraped. */
  async loaded(): Promise<Room[]> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)))
    return rooms.filter((r): r is Room => !!r)
  }

  /** Every live connection of a person on a board, across the board and their private document. */
  async connectionsOf(boardId: string, personId: string) {
    const rooms = await Promise.all([this.peek(boardId), this.peek(privateDocId(boardId, personId))])
    return rooms.flatMap((r) => (r ? [...r.conns].filter((c) => c.identity.id === personId) : []))
  }

  private async load(docId: string): Promise<Room | undefined> {
    await this.unloading.get(docId)
    const board = await this.store.getBoard(boardOf(docId))
    if (!board) return undefined
    if (docId === board.id) void this.touch(docId)
    // Listen before reading the store, so nothing published while loading is missed (applying twice is harmless).
    let room: Room | undefined
    const early: BusMessage[] = []
    await this.bus?.subscribe(docId, (m) => {
      if (m.kind === 'identity') this.applyIdentity(boardOf(docId), m.personId, m)
      else if (m.kind === 'deleted') void this.deletedElsewhere(boardOf(docId))
      else if (room) room.fromBus(m)
      else early.push(m)
    })
    try {
      const log = await this.store.loadLog(docId)
      room = new Room(docId, this.store, log.lastSeq, {
        compactEvery: this.opts.compactEvery,
        messageBudget: this.opts.messageBudget,
        metrics: this.opts.metrics,
        policy: this.policyFor(docId),
        onEmpty: (r) => this.scheduleIdle(r),
        onFailed: (r) => this.forget(r),
        bus: this.bus,
      })
      room.load(log.updates)
      early.forEach((m) => room!.fromBus(m))
      // Stored in an earlier schema version: upgraded, durably, before anyone is answered from it.
      if (needsUpgrade(room.doc)) await room.change(upgradeSchema)
      return room
    } catch (err) {
      await this.bus?.unsubscribe(docId)
      throw err
    }
  }

  /** A person's role changed or they were removed: every socket of theirs, in every process, follows. */
  async changeIdentity(boardId: string, personId: string, change: { role?: Role; revoked?: boolean }) {
    await this.applyIdentity(boardId, personId, change)
    for (const docId of [boardId, privateDocId(boardId, personId)]) this.bus?.publish(docId, { kind: 'identity', personId, ...change })
  }

  private async applyIdentity(boardId: string, personId: string, change: { role?: Role; revoked?: boolean }) {
    for (const c of await this.connectionsOf(boardId, personId)) {
      if (change.revoked) c.close(CloseCode.unauthorized, 'removed by the facilitator')
      else if (change.role) c.identity.role = change.role
    }
  }

  /** Whether the board was deleted (its links answer 410, its sockets 4410). */
  async isDeleted(boardId: string) {
    await this.deleting.get(boardId)
    return (await this.store.deletedAt(boardId)) !== undefined
  }

  /** Deletes a board for good (server/storage: its row, people and documents), then closes every socket on it,
   *  here and, through the bus, in every other process, with CloseCode.deleted. With `openedBefore` (pruning),
   *  only if nobody opened it since. Answers whether it was deleted. */
  delete(boardId: string, opts: { openedBefore?: number } = {}): Promise<boolean> {
    const run = (async () => {
      const at = Date.now()
      // Their private documents' channels, for processes that hold only those.
      const people = await this.store.listParticipants(boardId)
      if (!(await this.store.deleteBoard(boardId, at, opts))) return false
      const held = await this.end(boardId)
      // What these rooms were writing as the board went is swept too.
      if (held.length > 0) await this.store.deleteBoard(boardId, at, { docIds: held })
      for (const docId of [boardId, ...people.map((p) => privateDocId(boardId, p.id))]) this.bus?.publish(docId, { kind: 'deleted' })
      return true
    })()
    const settled = run.catch(() => false)
    this.deleting.set(boardId, settled)
    void settled.then(() => this.deleting.get(boardId) === settled && this.deleting.delete(boardId))
    return run
  }

  /** Another process deleted the board: close what this one holds of it, and sweep what it wrote meanwhile. */
  private async deletedElsewhere(boardId: string) {
    try {
      const held = await this.end(boardId)
      if (held.length > 0) await this.store.deleteBoard(boardId, Date.now(), { docIds: held })
    } catch (err) {
      boardLog(boardId).error(why(err), 'could not close the deleted board')
    }
  }

  /** Closes and forgets every document of a deleted board that this process holds, storing nothing more.
   *  Answers their ids, once what they were writing has finished. */
  private async end(boardId: string): Promise<string[]> {
    const ids = [...new Set([...this.rooms.keys(), ...this.unloading.keys()].filter((d) => boardOf(d) === boardId))]
    await Promise.all(
      ids.map(async (docId) => {
        const room = await this.rooms.get(docId)?.catch(() => undefined)
        await this.unloading.get(docId)
        if (!room) return
        this.forget(room)
        await room.end(CloseCode.deleted, 'the board was deleted')
        room.destroy()
      }),
    )
    return ids
  }

  /** Someone opened the board: pruning (BOARD_TTL_DAYS) leaves it alone. */
  private async touch(boardId: string) {
    await this.store.touchBoard(boardId, Date.now()).catch((err) => boardLog(boardId).error(why(err), 'could not note the board opened'))
  }

  private scheduleIdle(room: Room) {
    if (this.forgotten.has(room)) return
    this.cancelIdle(room)
    const timer = setTimeout(() => void this.unload(room), this.opts.idleMs)
    timer.unref()
    this.idleTimers.set(room, timer)
  }

  private cancelIdle(room: Room) {
    const t = this.idleTimers.get(room)
    if (t) clearTimeout(t)
    this.idleTimers.delete(room)
  }

  private forget(room: Room) {
    this.forgotten.add(room)
    this.cancelIdle(room)
    this.rooms.delete(room.docId)
    void this.bus?.unsubscribe(room.docId)
  }

  private unload(room: Room, force = false): Promise<void> {
    if (room.conns.size > 0 && !force) return Promise.resolve()
    this.forget(room)
    // Unloaded after a long workshop counts as opened now, as much as when it loaded.
    const done = room.settle().then(() => (room.docId === boardOf(room.docId) ? this.touch(room.docId) : undefined)).finally(() => {
      room.destroy()
      this.unloading.delete(room.docId)
    })
    this.unloading.set(room.docId, done)
    return done
  }

  /** Settles and unloads every room; used on shutdown after all sockets are closed. */
  async closeAll() {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)))
    await Promise.all(rooms.filter((r): r is Room => !!r).map((r) => this.unload(r, true)))
    await Promise.all(this.unloading.values())
  }
}
