// A lightweight load-generating client speaking the standard y-websocket protocol: on open it sends sync
// step 1 (empty state vector) and, like the stock client, its presence; it answers nothing else. What it
// does with what it receives is its `listen` mode, so that hundreds of them stay cheap for the bench:
//   count     counts frames and bytes, notes when sync step 2 arrives, decodes nothing
//   doc       applies every sync message to its Y.Doc (probes and writers)
//   presence  counts the awareness client ids it has seen (the join scenario)
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as sync from 'y-protocols/sync'
import * as Y from 'yjs'

export type Listen = 'count' | 'doc' | 'presence'

const SYNC = 0
const AWARENESS = 1
const STEP2 = 1
/** Origin of what the client applies from the server: never sent back. */
const REMOTE = Symbol('remote')

export class LoadClient {
  frames = 0
  bytes = 0
  /** performance.now() when sync step 2 arrived. */
  syncedAt: number | null = null
  /** In 'doc' mode, performance.now() once sync step 2 was applied to the doc. */
  appliedAt: number | null = null
  /** Awareness client ids seen, in 'presence' mode. */
  readonly seen = new Set<number>()
  closeCode: number | null = null
  readonly opened: Promise<void>
  readonly synced: Promise<void>
  private readonly ws: WebSocket
  private readonly clientId = Math.floor(Math.random() * 0xffffffff)
  private onSynced!: () => void

  /** With `doc`, the client applies what it receives there and sends every local change of it. */
  constructor(
    url: string,
    name: string,
    public listen: Listen,
    readonly doc: Y.Doc | null = null,
  ) {
    this.synced = new Promise((r) => (this.onSynced = r))
    this.ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 10_000 })
    this.ws.binaryType = 'nodebuffer'
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => {
        this.ws.send(Uint8Array.of(SYNC, 0, 1, 0)) // sync step 1 with an empty state vector
        this.ws.send(presenceFrame(this.clientId, name))
        resolve()
      })
      this.ws.once('error', reject)
    })
    this.ws.on('error', () => {})
    this.ws.on('close', (code) => (this.closeCode = code))
    this.ws.on('message', (data: Buffer) => this.receive(data))
    doc?.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.sendUpdate(update)
    })
  }

  private receive(data: Buffer) {
    this.frames++
    this.bytes += data.length
    const type = data[0]
    if (type === SYNC && data[1] === STEP2 && this.syncedAt === null) {
      this.syncedAt = performance.now()
      this.onSynced()
    }
    if (this.listen === 'doc' && type === SYNC && this.doc) {
      sync.readSyncMessage(decoding.createDecoder(data.subarray(1)), encoding.createEncoder(), this.doc, REMOTE)
      if (data[1] === STEP2 && this.appliedAt === null) this.appliedAt = performance.now()
    } else if (this.listen === 'presence' && type === AWARENESS) {
      const d = decoding.createDecoder(decoding.readVarUint8Array(decoding.createDecoder(data.subarray(1))))
      for (let n = decoding.readVarUint(d); n > 0; n--) {
        this.seen.add(decoding.readVarUint(d))
        decoding.readVarUint(d) // clock
        decoding.readVarUint8Array(d) // the state as JSON, skipped
      }
    }
  }

  /** Sends a Yjs update as a sync 'update' message. */
  sendUpdate(update: Uint8Array) {
    this.send(updateMessage(update))
  }

  /** Sends a message as it is (one made ahead of time, e.g. by updateMessage); false once the socket is
   *  no longer open. */
  send(message: Uint8Array): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false
    this.ws.send(message)
    return true
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve())
      this.ws.close()
      setTimeout(() => (this.ws.terminate(), resolve()), 2000).unref()
    })
  }
}

/** A Yjs update as a y-websocket sync 'update' message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, SYNC)
  sync.writeUpdate(e, update)
  return encoding.toUint8Array(e)
}

function presenceFrame(clientId: number, name: string) {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, 1) // clock
  encoding.writeVarString(update, JSON.stringify({ user: { name } }))
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, AWARENESS)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(update))
  return encoding.toUint8Array(e)
}

export const totalFrames = (clients: LoadClient[]) => clients.reduce((n, c) => n + c.frames, 0)

/** Resolves once no client has received anything for `quietMs`, or after `maxMs` at the latest (with a
 *  warning, since what follows may then be measured while the server is still busy). */
export async function quiet(clients: LoadClient[], quietMs: number, maxMs = 20_000) {
  const deadline = Date.now() + maxMs
  let last = totalFrames(clients)
  let since = Date.now()
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) return void console.warn(`  (still receiving after ${maxMs} ms; going on)`)
    await sleep(Math.min(50, quietMs))
    const now = totalFrames(clients)
    if (now !== last) [last, since] = [now, Date.now()]
  }
}

/** Resolves once `check` holds (true) or after `ms` (false). */
export async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) return false
    await sleep(5)
  }
  return true
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
