// A socket without a network, for unit tests of what a room sends: it implements the `Socket` interface
// of server/connection.ts, records every frame written, and decodes them with y-protocols' own readers.
import * as decoding from 'lib0/decoding'
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { Connection, type Identity, type Socket } from '../../server/connection.js'
import type { StoredLog, Store } from '../../server/storage/store.js'
import type { RoomPolicy } from '../../server/policy.js'
import { DEFAULT_SESSION } from '../../shared/workshop.js'

export type Decoded =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }

/** The y-websocket message inside one whole server frame (FIN, binary, unmasked). */
export function payloadOf(frame: Uint8Array): Uint8Array {
  if (frame[0] !== 0x82) throw new Error(`not a final binary frame: ${frame[0]}`)
  const len = frame[1]!
  if (len & 0x80) throw new Error('server frames are never masked')
  const [header, size] =
    len < 126 ? [2, len] : len === 126 ? [4, (frame[2]! << 8) | frame[3]!] : [10, Number(Buffer.from(frame).readBigUInt64BE(2))]
  if (frame.length !== header + size) throw new Error(`frame length ${frame.length} != ${header + size}`)
  return frame.subarray(header)
}

export function decodeFrame(frame: Uint8Array): Decoded {
  const d = decoding.createDecoder(payloadOf(frame))
  const type = decoding.readVarUint(d)
  let msg: Decoded
  if (type === 0) {
    const step = decoding.readVarUint(d)
    const data = decoding.readVarUint8Array(d)
    msg = step === 0 ? { type: 'syncStep1', stateVector: data } : step === 1 ? { type: 'syncStep2', update: data } : { type: 'update', update: data }
    if (step > 2) throw new Error(`unknown sync step ${step}`)
  } else if (type === 1) msg = { type: 'awareness', update: decoding.readVarUint8Array(d) }
  else throw new Error(`unexpected message type ${type}`)
  if (decoding.hasContent(d)) throw new Error('trailing bytes')
  return msg
}

export class FakeSocket implements Socket {
  /** Every frame, in order. */
  readonly frames: Uint8Array[] = []
  /** How many write calls (writeAll counts once). */
  writes = 0
  closed: { code: number; reason: string } | null = null
  terminated = false
  bufferedAmount = 0

  write(frame: Uint8Array) {
    this.writes++
    this.frames.push(frame)
    return true
  }

  writeAll(frames: readonly Uint8Array[]) {
    this.writes++
    this.frames.push(...frames)
    return true
  }

  close(code: number, reason: string) {
    this.closed = { code, reason }
  }

  terminate() {
    this.terminated = true
  }

  decoded(): Decoded[] {
    return this.frames.map(decodeFrame)
  }

  /** Forgets what was recorded so far. */
  clear() {
    this.frames.length = 0
    this.writes = 0
  }

  /** The awareness updates received, in order. */
  awarenessUpdates(): Uint8Array[] {
    return this.decoded().flatMap((m) => (m.type === 'awareness' ? [m.update] : []))
  }

  /** Applies every doc frame received to `doc` (sync step 2 and updates), as a stock client would. */
  applyTo(doc: Y.Doc) {
    for (const m of this.decoded()) if (m.type === 'syncStep2' || m.type === 'update') Y.applyUpdate(doc, m.update)
  }

  /** Everyone's presence as this socket's client would see it, from the presence frames received. */
  presenceSeen(): Map<number, Record<string, unknown>> {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState(null)
    for (const u of this.awarenessUpdates()) applyAwarenessUpdate(awareness, u, 'server')
    const states = new Map(awareness.getStates() as Map<number, Record<string, unknown>>)
    awareness.destroy()
    return states
  }
}

let people = 0
export function identity(over: Partial<Identity> = {}): Identity {
  people++
  return { id: `p${people}`, name: `Person ${people}`, color: '#123456', role: 'participant', ...over }
}

/** A Connection over a FakeSocket. */
export function fakeConnection(who: Identity = identity(), maxBufferedBytes = 1 << 20) {
  const socket = new FakeSocket()
  return { socket, conn: new Connection(socket, maxBufferedBytes, who) }
}

/** Just enough of a Store for a room: the log of one or more documents, in memory. */
export class MemoryLog implements Pick<Store, 'loadLog' | 'append' | 'compact'> {
  readonly logs = new Map<string, { seq: number; update: Uint8Array }[]>()
  private seq = 0

  async loadLog(docId: string): Promise<StoredLog> {
    const log = this.logs.get(docId) ?? []
    return { updates: log.map((e) => e.update), lastSeq: log.at(-1)?.seq ?? 0 }
  }

  async append(docId: string, update: Uint8Array) {
    const log = this.logs.get(docId) ?? []
    this.logs.set(docId, log)
    log.push({ seq: ++this.seq, update })
    return this.seq
  }

  async compact(docId: string, throughSeq: number) {
    const log = this.logs.get(docId) ?? []
    const upTo = log.filter((e) => e.seq <= throughSeq)
    if (upTo.length < 2) return
    const merged = { seq: throughSeq, update: Y.mergeUpdates(upTo.map((e) => e.update)) }
    this.logs.set(docId, [merged, ...log.filter((e) => e.seq > throughSeq)])
  }

  asStore(): Store {
    return this as unknown as Store
  }
}

/** A room policy for unit tests: people write the given roots (plain values, any phase), unless `refuse()`
 *  makes them observers. */
export function testPolicy(roots: string[] = ['notes', 'meta', 'stages'], refuse: () => boolean = () => false): RoomPolicy {
  return {
    rules: Object.fromEntries(roots.map((r) => [r, { writers: 'participants' as const }])),
    writer: (conn) => ({ personId: conn.identity.id, role: refuse() ? 'observer' : conn.identity.role, session: DEFAULT_SESSION }),
    keep: async () => {},
  }
}
