// The registry of loaded boards: each board is loaded once however many clients join at the same moment,
// and unloaded (compacted, then forgotten) once nobody has been on it for `idleMs`.
import { Room } from './room.js'
import type { Store } from './storage/store.js'

export interface RoomsOptions {
  idleMs: number
  compactEvery: number
}

export class Rooms {
  private readonly rooms = new Map<string, Promise<Room | undefined>>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(
    private readonly store: Store,
    private readonly opts: RoomsOptions,
  ) {}

  /** The loaded room of a board, or undefined when no such board exists. Rejects if storage fails. */
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
      if (r) this.cancelIdle(r)
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

  private async load(boardId: string): Promise<Room | undefined> {
    await this.unloading.get(boardId)
    const board = await this.store.getBoard(boardId)
    if (!board) return undefined
    const log = await this.store.loadLog(boardId)
    const room = new Room(boardId, this.store, log.lastSeq, {
      compactEvery: this.opts.compactEvery,
      onEmpty: (r) => this.scheduleIdle(r),
      onFailed: (r) => this.forget(r),
    })
    room.load(log.updates)
    return room
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
    this.rooms.delete(room.boardId)
  }

  private unload(room: Room): Promise<void> {
    this.forget(room)
    const done = room.settle().finally(() => {
      room.destroy()
      this.unloading.delete(room.boardId)
    })
    this.unloading.set(room.boardId, done)
    return done
  }

  /** Settles and unloads every room; used on shutdown after all sockets are closed. */
  async closeAll() {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)))
    await Promise.all(rooms.filter((r): r is Room => !!r).map((r) => this.unload(r)))
    await Promise.all(this.unloading.values())
  }
}
