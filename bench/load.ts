// The pieces every scenario is made of: writers that add notes through shared/schema.ts, crowds of
// listeners, probes that time when each note shows up, and the server's CPU time around a piece of work.
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { DEFAULT_STAGES, addNote, initBoard, roots } from '../shared/schema.js'
import { waves, type Seat } from './boards.js'
import { LoadClient, type Listen } from './client.js'
import type { BenchServer } from './servers.js'

export const PROBES = 10

export interface Writer {
  client: LoadClient
  doc: Y.Doc
  stageIds: string[]
  /** Adds one note in the writer's name (sent at once as its own update); answers its id. */
  add(): string
}

/** Connects and syncs a writer's doc; on a room that has no stages yet (the others) it creates them. */
export async function openWriter(server: BenchServer, boardId: string, seat: Seat): Promise<Writer> {
  const doc = new Y.Doc()
  const client = new LoadClient(server.wsUrl(boardId, seat.token), 'writer', 'doc', doc)
  await client.opened
  await within(client.synced, 10_000, 'a writer to sync')
  client.listen = 'count' // from here on it only writes: applying everyone's notes would load the bench
  if (roots(doc).stages.size === 0) initBoard(doc, 'Bench', DEFAULT_STAGES, () => nanoid())
  const stageIds = [...roots(doc).stages.keys()]
  let n = 0
  const add = () => {
    const id = nanoid()
    addNote(doc, { id, stageId: stageIds[n++ % stageIds.length]!, kind: 'idea', text: `note ${n}`, authorId: seat.authorId })
    return id
  }
  return { client, doc, stageIds, add }
}

/** `count` notes in `authorId`'s name, `perUpdate` to an update, made ahead of time for writers that send
 *  as fast as they can; on docs of their own, replaced every few hundred notes so that addNote's ordering
 *  among siblings stays cheap. */
export function noteUpdates(stageIds: string[], authorId: string, count: number, perUpdate = 1) {
  let doc = new Y.Doc()
  const out: { ids: string[]; update: Uint8Array }[] = []
  for (let from = 0; from < count; from += perUpdate) {
    if (roots(doc).notes.size >= 250) {
      doc.destroy()
      doc = new Y.Doc()
    }
    const ids: string[] = []
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      for (let i = from; i < Math.min(count, from + perUpdate); i++) {
        ids.push(nanoid())
        addNote(doc, { id: ids.at(-1)!, stageId: stageIds[i % stageIds.length]!, kind: 'idea', text: `note ${i}`, authorId })
      }
    })
    out.push({ ids, update: Y.encodeStateAsUpdate(doc, before) })
  }
  doc.destroy()
  return out
}

/** Connects one client per seat, `width` at a time, each synced before the next wave. */
export function connectAll(server: BenchServer, boardId: string, seats: Seat[], listen: (i: number) => Listen, width = 50) {
  return waves(seats.length, width, async (i) => {
    const mode = listen(i)
    const c = new LoadClient(server.wsUrl(boardId, seats[i]!.token), `listener ${i}`, mode, mode === 'doc' ? new Y.Doc() : null)
    await c.opened
    await within(c.synced, 20_000, 'a listener to sync')
    return c
  })
}

/** Records, on a probe's doc, how long after its send each note first appeared. */
export function watchNotes(doc: Y.Doc, sentAt: Map<string, number>, latencies: number[]) {
  const seen = { count: 0 }
  roots(doc).notes.observe((e) => {
    const now = performance.now()
    e.changes.keys.forEach((change, id) => {
      const sent = sentAt.get(id)
      if (change.action !== 'add' || sent === undefined) return
      seen.count++
      latencies.push(now - sent)
    })
  })
  return seen
}

/** Server CPU time in ms spent while `fn` runs, and the kernel's part of it (system time: on loopback,
 *  mostly the socket writes). No garbage is collected first: a full collection forced from idle frees the
 *  hidden classes of every short-lived object (decoders, encoders, transactions), and V8 throws away the
 *  optimized code built for them, so each window would measure the JIT compiling the relay again (a
 *  third of our CPU, and over a quarter of the reference's), which a running server does not do.
 *  With BENCH_CPU_PROF=<dir> set, the window is profiled into <dir>/<label>-<server>.cpuprofile. */
export async function serverCpu(server: BenchServer, fn: () => Promise<void>, label = 'window'): Promise<{ ms: number; systemMs: number }> {
  await server.profile('start')
  const before = await server.query('cpu')
  await fn()
  const after = await server.query('cpu')
  await server.profile('stop', label)
  return { ms: (after.cpuUs - before.cpuUs) / 1000, systemMs: (after.systemUs - before.systemUs) / 1000 }
}

export const closeAll = (clients: LoadClient[]) => waves(clients.length, 200, (i) => clients[i]!.close())

export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
