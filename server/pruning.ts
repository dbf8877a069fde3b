// Boards nobody opens are deleted after BOARD_TTL_DAYS (off by default): checked at start, then once a day.
// Deleting one is the facilitator's deletion (Rooms.delete: gone from the store, remembered as deleted, its
// sockets closed everywhere), done only if nobody opened it since the check began.
import type { Rooms } from './rooms.js'
import type { Store } from './storage/store.js'
import { log, why } from './log.js'

export const DAY_MS = 24 * 60 * 60_000
/** The most boards one check deletes; the next takes the rest. */
const PER_CHECK = 1000

/** Deletes the boards nobody opened for `ttlDays` before `now`, but those open in this process. Answers their ids. */
export async function pruneIdleBoards(store: Store, rooms: Rooms, ttlDays: number, now = Date.now()): Promise<string[]> {
  const openedBefore = now - ttlDays * DAY_MS
  const pruned: string[] = []
  for (const id of await store.idleBoards(openedBefore, PER_CHECK)) {
    if (await rooms.peek(id)) continue
    if (await rooms.delete(id, { openedBefore })) pruned.push(id)
  }
  return pruned
}

export interface Pruning {
  /** Stops the daily check; resolves once a check in progress has finished. */
  stop(): Promise<void>
}

/** Checks at once and then every `everyMs`, one check at a time; a failed check is logged and tried again next time. */
export function schedulePruning(store: Store, rooms: Rooms, ttlDays: number, everyMs = DAY_MS, clock = Date.now): Pruning {
  let running: Promise<void> = Promise.resolve()
  const check = () => {
    running = running.then(async () => {
      try {
        const pruned = await pruneIdleBoards(store, rooms, ttlDays, clock())
        if (pruned.length > 0) log.info({ pruned: pruned.length, ttlDays }, 'deleted boards nobody opened')
      } catch (err) {
        log.error(why(err), 'pruning idle boards failed')
      }
    })
  }
  check()
  const timer = setInterval(check, everyMs)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      return running
    },
  }
}
