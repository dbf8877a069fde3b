// (b) Burst: 20 writers each add 100 notes as fast as they can to a room of 200 listeners; the time to
// full convergence is when every probe holds all 2,000 notes. The notes' updates (one per note) are made
// before the clock starts, so that the time is the server's rather than the load generator's.
import type { Boards } from '../boards.js'
import { quiet, until } from '../client.js'
import { PROBES, closeAll, connectAll, noteUpdates, openWriter, serverCpu, watchNotes, type Writer } from '../load.js'

const WRITERS = 20
const NOTES_EACH = 100
const LISTENERS = 200

export async function burst(boards: Boards) {
  const server = boards.server
  const boardId = await boards.create()
  const writerSeats = await boards.seats(boardId, 'writer', WRITERS)
  const seats = await boards.seats(boardId, 'listener', LISTENERS)
  // The first writer creates the stages where the room has none, before the others sync.
  const first = await openWriter(server, boardId, writerSeats[0]!)
  await quiet([first.client], 200)
  const writers = [first, ...(await Promise.all(writerSeats.slice(1).map((s) => openWriter(server, boardId, s))))]
  const listeners = await connectAll(server, boardId, seats, (i) => (i < PROBES ? 'doc' : 'count'))
  await quiet([...listeners, ...writers.map((w) => w.client)], 300)

  const total = WRITERS * NOTES_EACH
  const notes = writers.map((w, i) => noteUpdates(w.stageIds, writerSeats[i]!.authorId, NOTES_EACH))
  const sentAt = new Map<string, number>()
  const probes = listeners.filter((c) => c.doc).map((c) => watchNotes(c.doc!, sentAt, []))
  let convergenceMs = NaN
  const { ms: cpuMs } = await serverCpu(server, async () => {
    const start = performance.now()
    await Promise.all(writers.map((w, i) => writeAll(w, notes[i]!, sentAt)))
    if (await until(() => probes.every((p) => p.count >= total), 60_000)) convergenceMs = performance.now() - start
    await quiet(listeners, 200, 5000)
  }, 'burst')
  await closeAll([...writers.map((w) => w.client), ...listeners])
  return { cpuMs, cpuPerDeliveredUs: (cpuMs * 1000) / (total * LISTENERS), convergenceMs }
}

async function writeAll(w: Writer, notes: { ids: string[]; update: Uint8Array }[], sentAt: Map<string, number>) {
  for (const { ids, update } of notes) {
    w.client.sendUpdate(update)
    sentAt.set(ids[0]!, performance.now())
    await new Promise((r) => setImmediate(r)) // lets the other writers interleave
  }
}
