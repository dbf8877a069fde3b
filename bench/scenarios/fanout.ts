// (a) Fan-out: one writer adds 300 notes at 50/s (by default) to a room of `clients`: the writer and
// clients − 1 listeners, the first of which are probes that time every note; the rest only count.
import type { Boards } from '../boards.js'
import { quiet, sleep, until } from '../client.js'
import { PROBES, closeAll, connectAll, openWriter, percentile, serverCpu, watchNotes } from '../load.js'

export async function fanout(boards: Boards, clients: number, notes = 300, perSecond = 50) {
  const server = boards.server
  const boardId = await boards.create()
  const [writerSeat] = await boards.seats(boardId, 'writer', 1)
  const seats = await boards.seats(boardId, 'listener', clients - 1)
  const writer = await openWriter(server, boardId, writerSeat!)
  const listeners = await connectAll(server, boardId, seats, (i) => (i < PROBES ? 'doc' : 'count'))
  await quiet(listeners, 300)

  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  const probes = listeners.filter((c) => c.doc).map((c) => watchNotes(c.doc!, sentAt, latencies))
  let converged = false
  const { ms: cpuMs, systemMs } = await serverCpu(server, async () => {
    const start = performance.now()
    for (let i = 0; i < notes; i++) {
      await sleep(start + (i * 1000) / perSecond - performance.now())
      sentAt.set(writer.add(), performance.now())
    }
    converged = await until(() => probes.every((p) => p.count >= notes), 30_000)
    await quiet(listeners, 200, 5000)
  }, `fanout-${clients}`)
  await closeAll([writer.client, ...listeners])
  const delivered = notes * listeners.length
  return {
    cpuMs,
    cpuPerDeliveredUs: (cpuMs * 1000) / delivered,
    systemPerDeliveredUs: (systemMs * 1000) / delivered,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    converged: converged ? 1 : 0,
  }
}
