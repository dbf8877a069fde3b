// The registry of loaded documents (boards and private notes): each is loaded once however many clients
// join at the same moment, and unloaded (compacted, then forgotten) once nobody has been on it for `idleMs`.
import { CloseCode } from '../shared/closeCodes.js'
import type { Role } from '../shared/workshop.js'
import type { Bus, BusMessage } from './bus.js'
import type { BudgetOptions } from './budget.js'
import { DENY_ALL, type RoomPolicy } from './policy.js'
import { Room } from './room.js'
import type { Store } from './storage/store.js'

export interface RoomsOptions {
  idleMs: number
  compactEvery: number
  messageBudget?: BudgetOptions
}

/** `<boardId>` is a board; `<boardId>/private/<personId>` is one person's private notes on it. */
export const privateDocId = (boardId: string, personId: string) => `${boardId}/private/${personId}`
export const boardOf = (docId: string) => docId.split('/')[0]!

export class Rooms {
  private readonly rooms = new Map<string, Promise<Room | undefined>>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private readonly unloading = new Map<string, Promise<void>>()

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

  /** Every live connection of a person on a board, across the board and their private document. */
  async connectionsOf(boardId: string, personId: string) {
    const rooms = await Promise.all([this.peek(boardId), this.peek(privateDocId(boardId, personId))])
    return rooms.flatMap((r) => (r ? [...r.conns].filter((c) => c.identity.id === personId) : []))
  }

  private async load(docId: string): Promise<Room | undefined> {
    await this.unloading.get(docId)
    const board = await this.store.getBoard(boardOf(docId))
    if (!board) return undefined
    // Listen before reading the store, so nothing published while loading is missed (applying twice is harmless).
    let room: Room | undefined
    const early: BusMessage[] = []
    await this.bus?.subscribe(docId, (m) => {
      if (m.kind === 'identity') this.applyIdentity(boardOf(docId), m.personId, m)
      else if (room) room.fromBus(m)
      else early.push(m)
    })
    try {
      const log = await this.store.loadLog(docId)
      room = new Room(docId, this.store, log.lastSeq, {
        compactEvery: this.opts.compactEvery,
        messageBudget: this.opts.messageBudget,
        policy: this.policyFor(docId),
        onEmpty: (r) => this.scheduleIdle(r),
        onFailed: (r) => this.forget(r),
        bus: this.bus,
      })
      room.load(log.updates)
      early.forEach((m) => room!.fromBus(m))
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

  private scheduleIdle(room: Room) {
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
    this.cancelIdle(room)
    this.rooms.delete(room.docId)
    void this.bus?.unsubscribe(room.docId)
  }

  private unload(room: Room, force = false): Promise<void> {
    if (room.conns.size > 0 && !force) return Promise.resolve()
    this.forget(room)
    const done = room.settle().finally(() => {
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
