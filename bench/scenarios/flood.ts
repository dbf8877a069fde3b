// (f) Flood: on one board, an honest writer adds 60 notes at 20/s while a probe (and a few listeners that
// only count) times each one, first with nothing else going on (the baseline) and then while one other
// connection (a writer seat on ours, so it may write) sends, as fast as it can, 20,000 tiny valid updates
// made ahead of time: one character each typed into a note of its own. Ours gives each connection a budget
// of messages (MESSAGES_PER_SECOND, MESSAGE_BURST) and closes one that runs dry (4429); the reference and
// the floor take everything. Each window waits at most CAP_MS for what was sent to arrive.
import * as Y from 'yjs'
import { noteText } from '../../shared/schema.js'
import type { Boards } from '../boards.js'
import { quiet, sleep, until, updateMessage, type LoadClient } from '../client.js'
import { closeAll, connectAll, openWriter, percentile, serverCpu, watchNotes, type Writer } from '../load.js'
import type { BenchServer } from '../servers.js'

const LISTENERS = 5 // the first of which is the probe
const NOTES = 60
const PER_SECOND = 20
export const FLOOD = 20_000
/** The flooder lets the load generator's event loop turn after this many messages (the probe and the
 *  honest writer share it); within a chunk it sends as fast as ws takes them. */
const CHUNK = 100
/** The flooder's note never grows past this: beyond it each update also takes its first character off,
 *  so that every update stays within ours' limit on a note's length, however many get through. */
const KEEP = 500
/** The longest a window waits, from its start, for its notes (and the flood) to arrive. */
const CAP_MS = 15_000

export async function flood(boards: Boards) {
  const server = boards.server
  const boardId = await boards.create()
  const [writerSeat, flooderSeat] = await boards.seats(boardId, 'writer', 2)
  const seats = await boards.seats(boardId, 'listener', LISTENERS)
  const writer = await openWriter(server, boardId, writerSeat!)
  await quiet([writer.client], 200) // the stages it created, before the flooder syncs
  const flooder = await openWriter(server, boardId, flooderSeat!)
  const listeners = await connectAll(server, boardId, seats, (i) => (i === 0 ? 'doc' : 'count'))
  const probe = listeners[0]!.doc!
  const noteId = flooder.add()
  if (!(await until(() => noteText(probe, noteId) !== undefined, 5000))) throw new Error("the flooder's note did not arrive")
  const typed = typing(flooder.doc, noteId, FLOOD)
  const everyone = [...listeners, writer.client, flooder.client]
  await quiet(everyone, 300)

  const floodSeen = () => Y.getState(probe.store, flooder.doc.clientID) - typed.from
  const calm = await honestWindow(server, writer, probe, 'flood-quiet', async (honestDone) => {
    await until(honestDone, CAP_MS)
    await quiet(listeners, 200, 2000)
  })
  let floodSent = 0
  const flooding = await honestWindow(server, writer, probe, 'flood', async (honestDone) => {
    const deadline = Date.now() + CAP_MS
    floodSent = await send(flooder.client, typed.messages)
    const drained = () => floodSeen() >= FLOOD || flooder.client.closeCode !== null
    await until(() => drained() && honestDone(), Math.max(0, deadline - Date.now()))
    await quiet(listeners, 300, Math.max(300, deadline - Date.now()))
  })
  const cutOff = flooder.client.closeCode !== null ? 1 : 0
  const closeCode = flooder.client.closeCode ?? 0
  const seen = floodSeen()
  await closeAll(everyone)
  return {
    quietP50Ms: percentile(calm.latencies, 50),
    quietP95Ms: percentile(calm.latencies, 95),
    floodP50Ms: percentile(flooding.latencies, 50),
    floodP95Ms: percentile(flooding.latencies, 95),
    floodP99Ms: percentile(flooding.latencies, 99),
    cpuQuietMs: calm.cpuMs,
    cpuMs: flooding.cpuMs,
    windowMs: flooding.wallMs,
    /** Honest notes the probe never saw in either window (their latency counts as the time waited). */
    lost: calm.lost + flooding.lost,
    floodSent,
    floodSeen: seen,
    cutOff,
    closeCode,
  }
}

/** The honest writer adds NOTES at PER_SECOND, timed by the probe, while `alongside` runs (it starts with
 *  the window and is told whether every note has been seen); the window ends when both are done, or at
 *  CAP_MS. A note the probe has not seen by then counts at the time waited: a lower bound. */
async function honestWindow(server: BenchServer, writer: Writer, probe: Y.Doc, label: string, alongside: (honestDone: () => boolean) => Promise<void>) {
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  const seen = watchNotes(probe, sentAt, latencies)
  const done = () => seen.count >= NOTES
  let wallMs = 0
  const { ms: cpuMs } = await serverCpu(server, async () => {
    const start = performance.now()
    const writing = (async () => {
      for (let i = 0; i < NOTES; i++) {
        await sleep(start + (i * 1000) / PER_SECOND - performance.now())
        sentAt.set(writer.add(), performance.now())
      }
      await until(done, Math.max(0, start + CAP_MS - performance.now()))
    })()
    await Promise.all([writing, alongside(done)])
    wallMs = performance.now() - start
  }, label)
  const now = performance.now()
  const lost = NOTES - seen.count
  for (const [id, t] of sentAt) if (!noteText(probe, id)) latencies.push(now - t)
  sentAt.clear() // this window's observer has nothing more to time
  return { latencies, cpuMs, wallMs, lost }
}

/** `n` updates of one character each, typed at the end of the note by `doc`'s own client id (so that each
 *  continues where the last left off), as sync messages ready to send; `from` is the clock they start at. */
function typing(doc: Y.Doc, noteId: string, n: number) {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  // Only after the copy: Yjs takes another id when an update from elsewhere writes under its own.
  copy.clientID = doc.clientID
  const from = Y.getState(copy.store, copy.clientID)
  const text = noteText(copy, noteId)!
  const messages: Uint8Array[] = []
  copy.on('update', (u: Uint8Array) => messages.push(updateMessage(u)))
  for (let i = 0; i < n; i++) {
    copy.transact(() => {
      if (text.length >= KEEP) text.delete(0, 1)
      text.insert(text.length, String.fromCharCode(97 + (i % 26)))
    })
  }
  copy.destroy()
  return { messages, from }
}

/** Sends every message as fast as the socket takes them, CHUNK at a time; answers how many went out
 *  before the socket closed. */
async function send(client: LoadClient, messages: Uint8Array[]) {
  for (let i = 0; i < messages.length; i += CHUNK) {
    for (let k = i; k < Math.min(messages.length, i + CHUNK); k++) if (!client.send(messages[k]!)) return k
    await new Promise((r) => setImmediate(r))
  }
  return messages.length
}
