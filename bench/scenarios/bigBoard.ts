// (d) Big board: a board prefilled with 5,000 notes (250 per update); then 20 fresh clients join one at
// a time, each timed to sync step 2 and charged the server CPU of its join; then 20 more whose HTTP joins
// were all made up front. Medians are reported.
import { roots } from '../../shared/schema.js'
import type { Boards } from '../boards.js'
import { LoadClient, quiet, sleep, until } from '../client.js'
import { closeAll, connectAll, noteUpdates, openWriter, percentile, serverCpu, within } from '../load.js'

const NOTES = 5000
const BATCH = 250
const JOINERS = 20

export async function bigBoard(boards: Boards) {
  const server = boards.server
  const boardId = await boards.create()
  const [writerSeat, probeSeat] = [...(await boards.seats(boardId, 'writer', 1)), ...(await boards.seats(boardId, 'listener', 1))]
  const writer = await openWriter(server, boardId, writerSeat!)
  const [probe] = await connectAll(server, boardId, [probeSeat!], () => 'doc')
  for (const { update } of noteUpdates(writer.stageIds, writerSeat!.authorId, NOTES, BATCH)) writer.client.sendUpdate(update)
  if (!(await until(() => roots(probe!.doc!).notes.size >= NOTES, 60_000))) throw new Error('the board was not prefilled')
  await probe!.close()
  await quiet([writer.client], 300)

  // A newcomer joins over HTTP just before it connects (outside the measured window), as a person would;
  // on ours that join also adds them to the board's people, so the board has changed since the last join.
  const changed = await joinEach(boards, boardId, false)
  // Everyone joined over HTTP up front: the board has not changed between these joins.
  const unchanged = await joinEach(boards, boardId, true)
  await closeAll([writer.client, ...changed.joiners, ...unchanged.joiners])
  return {
    syncMs: percentile(changed.syncMs, 50),
    cpuPerJoinMs: percentile(changed.cpuMs, 50),
    syncUnchangedMs: percentile(unchanged.syncMs, 50),
    cpuPerJoinUnchangedMs: percentile(unchanged.cpuMs, 50),
    syncBytes: changed.joiners[0]!.bytes,
  }
}

/** Fresh clients connect one at a time, their seats taken all `upFront` or each just before it connects;
 *  answers each one's time to synced and the server CPU of its join. */
async function joinEach(boards: Boards, boardId: string, upFront: boolean) {
  const server = boards.server
  const joiners: LoadClient[] = []
  const syncMs: number[] = []
  const cpuMs: number[] = []
  const seats = upFront ? await boards.seats(boardId, 'listener', JOINERS, 'joiner') : []
  for (let i = 0; i < JOINERS; i++) {
    const seat = seats[i] ?? (await boards.seat(boardId, 'listener', `joiner ${i}`))
    await sleep(50)
    const { ms: cpu } = await serverCpu(server, async () => {
      const start = performance.now()
      const c = new LoadClient(server.wsUrl(boardId, seat.token), `joiner ${i}`, 'count')
      joiners.push(c)
      await within(c.synced, 10_000, 'a joiner to sync')
      syncMs.push(c.syncedAt! - start)
      await sleep(100) // the rest of the join (presence to the others) belongs to it too
    }, `bigboard-join-${upFront ? 'unchanged' : 'changed'}`)
    cpuMs.push(cpu)
  }
  return { joiners, syncMs, cpuMs }
}
