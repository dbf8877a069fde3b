// (d) Big board: a board prefilled with 5,000 notes (250 per update); then 20 fresh clients join one at
// a time, each timed to sync step 2 and charged the server CPU of its join; then 20 more whose HTTP joins
// were all made up front; then 20 that decode what they get into a doc, as a browser does, each timed until
// its doc holds the board, with the bytes it received. Medians are reported. Beside them, computed here from
// the same notes: the bytes of their state as our schema writes them, and as plain maps with a string text.
import * as Y from 'yjs'
import { readBoard, roots } from '../../shared/schema.js'
import type { Boards } from '../boards.js'
import { LoadClient, quiet, sleep, until } from '../client.js'
import { closeAll, connectAll, noteUpdates, openWriter, percentile, serverCpu, within } from '../load.js'

const NOTES = 5000
const BATCH = 250
const JOINERS = 20
const DECODING_JOINERS = 20

export async function bigBoard(boards: Boards) {
  const server = boards.server
  const boardId = await boards.create()
  const [writerSeat, probeSeat] = [...(await boards.seats(boardId, 'writer', 1)), ...(await boards.seats(boardId, 'listener', 1))]
  const writer = await openWriter(server, boardId, writerSeat!)
  const [probe] = await connectAll(server, boardId, [probeSeat!], () => 'doc')
  const prefill = noteUpdates(writer.stageIds, writerSeat!.authorId, NOTES, BATCH)
  for (const { update } of prefill) writer.client.sendUpdate(update)
  if (!(await until(() => roots(probe!.doc!).notes.size >= NOTES, 60_000))) throw new Error('the board was not prefilled')
  await probe!.close()
  await quiet([writer.client], 300)

  // A newcomer joins over HTTP just before it connects (outside the measured window), as a person would;
  // on ours that join also adds them to the board's people, so the board has changed since the last join.
  const changed = await joinEach(boards, boardId, false)
  // Everyone joined over HTTP up front: the board has not changed between these joins.
  const unchanged = await joinEach(boards, boardId, true)
  await closeAll([...changed.joiners, ...unchanged.joiners])
  const decoded = await decodingJoins(boards, boardId)
  await closeAll([writer.client])
  return {
    syncMs: percentile(changed.syncMs, 50),
    cpuPerJoinMs: percentile(changed.cpuMs, 50),
    syncUnchangedMs: percentile(unchanged.syncMs, 50),
    cpuPerJoinUnchangedMs: percentile(unchanged.cpuMs, 50),
    decodedSyncMs: percentile(decoded.ms, 50),
    joinerKB: percentile(decoded.bytes, 50) / 1024,
    ...documentKB(prefill.map((p) => p.update)),
  }
}

/** Fresh clients that apply what they receive to a doc, one at a time, each joined over HTTP just before:
 *  the time from opening the socket until the doc holds the board, and the bytes received to get there. */
async function decodingJoins(boards: Boards, boardId: string) {
  const ms: number[] = []
  const bytes: number[] = []
  for (let i = 0; i < DECODING_JOINERS; i++) {
    const seat = await boards.seat(boardId, 'listener', `decoding joiner ${i}`)
    await sleep(100) // the last one's garbage collected, mostly: this times decoding, not the collector
    const start = performance.now()
    const c = new LoadClient(boards.server.wsUrl(boardId, seat.token), `decoding joiner ${i}`, 'doc', new Y.Doc())
    await within(c.synced, 10_000, 'a decoding joiner to sync')
    ms.push(c.appliedAt! - start)
    if (roots(c.doc!).notes.size < NOTES) throw new Error('a joiner synced without the notes')
    await quiet([c], 100) // the changes since the cached state, if any, come right after
    bytes.push(c.bytes)
    await c.close()
    c.doc!.destroy()
  }
  return { ms, bytes }
}

/** The state of the prefilled notes as our schema wrote them, and of the same notes as plain maps with a
 *  string text (each note one value { stageId, kind, text, authorId, order, createdAt } under its id), from
 *  as many client ids (one per update), in KB. */
function documentKB(updates: Uint8Array[]) {
  const ours = Y.mergeUpdates(updates)
  const written = new Y.Doc()
  Y.applyUpdate(written, ours)
  const notes = readBoard(written).notes
  written.destroy()
  const plain: Uint8Array[] = []
  for (let from = 0; from < notes.length; from += BATCH) {
    const doc = new Y.Doc()
    doc.transact(() => {
      for (const { id, stageId, kind, text, authorId, order, createdAt } of notes.slice(from, from + BATCH)) {
        doc.getMap('notes').set(id, { stageId, kind, text, authorId, order, createdAt })
      }
    })
    plain.push(Y.encodeStateAsUpdate(doc))
    doc.destroy()
  }
  return { documentKB: ours.length / 1024, plainMapsKB: Y.mergeUpdates(plain).length / 1024 }
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
