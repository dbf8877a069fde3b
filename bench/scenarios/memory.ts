// (e) Memory: 1,000 boards with 3 clients each (one writes a few notes). Server memory after a forced
// collection: before, with everyone on (per board), and after everyone left and the idle unload ran.
import { waves, type Seat } from '../boards.js'
import type { Boards } from '../boards.js'
import { quiet, sleep } from '../client.js'
import { closeAll, connectAll, openWriter } from '../load.js'
import { ROOM_IDLE_MS, type Sample } from '../servers.js'

const BOARDS = 1000
const NOTES_EACH = 3
const MB = 1024 * 1024
const SETTLE_MS = 15_000

export async function memory(boards: Boards) {
  const server = boards.server
  await sleep(ROOM_IDLE_MS + 2000) // boards of earlier scenarios unload first (on ours)
  const base = await server.query('stats')
  const ids = await waves(BOARDS, 50, () => boards.create())
  const seats = await waves(BOARDS, 20, async (b): Promise<Seat[]> => [
    ...(await boards.seats(ids[b]!, 'writer', 1)),
    ...(await boards.seats(ids[b]!, 'listener', 2)),
  ])
  const clients = (
    await waves(BOARDS, 25, async (b) => {
      const [writerSeat, ...listenerSeats] = seats[b]!
      const writer = await openWriter(server, ids[b]!, writerSeat!)
      const listeners = await connectAll(server, ids[b]!, listenerSeats, () => 'count')
      for (let i = 0; i < NOTES_EACH; i++) writer.add()
      writer.doc.destroy()
      return [writer.client, ...listeners]
    })
  ).flat()
  await quiet(clients, 500, 30_000)
  const during = await server.query('stats')

  await closeAll(clients)
  await sleep(ROOM_IDLE_MS + 2000)
  const afterLeave = await server.query('stats')
  // Our unload compacts every board on disk first; give it a bounded while more, for information.
  let settled = afterLeave
  for (const end = Date.now() + SETTLE_MS; !backToBase(base, settled) && Date.now() < end; ) {
    await sleep(1000)
    settled = await server.query('stats')
  }
  const mb = (s: Sample, k: 'heapUsed' | 'rss') => s[k] / MB
  return {
    heapPerBoardKB: (during.heapUsed - base.heapUsed) / BOARDS / 1024,
    rssPerBoardKB: (during.rss - base.rss) / BOARDS / 1024,
    baseHeapMB: mb(base, 'heapUsed'),
    duringHeapMB: mb(during, 'heapUsed'),
    afterLeaveHeapMB: mb(afterLeave, 'heapUsed'),
    settledHeapMB: mb(settled, 'heapUsed'),
    baseRssMB: mb(base, 'rss'),
    afterLeaveRssMB: mb(afterLeave, 'rss'),
    backToBase: backToBase(base, afterLeave) ? 1 : 0,
  }
}

/** Heap within +10% or +5 MB of the baseline, whichever is larger. */
export const backToBase = (base: Sample, now: Sample) => now.heapUsed - base.heapUsed <= Math.max(0.1 * base.heapUsed, 5 * MB)
