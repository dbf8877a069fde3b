// Updates no honest client sends, built with Yjs and lib0 and sent on a stock client's own socket.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { encodePresence } from '../../server/presence.js'
import type { StockClient } from './clients.js'

/** Sends `update` as a y-websocket sync update on the client's socket. */
export function sendUpdate(c: StockClient, update: Uint8Array) {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0) // sync
  encoding.writeVarUint(e, 2) // update
  encoding.writeVarUint8Array(e, update)
  c.provider.ws!.send(encoding.toUint8Array(e))
}

/** An update holding no structs, only a delete set: `len` items of `client` from `clock`. */
export function deleteRange(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0) // no structs
  encoding.writeVarUint(e, 1) // one client in the delete set
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, clock)
  encoding.writeVarUint(e, len)
  return encoding.toUint8Array(e)
}

/** A copy of `doc` with another client id, to write changes as `clientID` would. */
export function copyAs(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  copy.clientID = clientID // after the copy: Yjs picks a new id when an update holds its own
  return copy
}

/** What `doc` holds beyond `base`: the changes made on it since it was copied. */
export const changesSince = (doc: Y.Doc, base: Y.Doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base))

/** Resolves with the close code of the client's next disconnection. */
export const closeCode = (c: StockClient) =>
  new Promise<number>((resolve) => c.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)))

export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms))

/** An awareness update as any client could write it, for any ids, clocks and states. */
export const presenceUpdate = (entries: [clientId: number, clock: number, state: unknown][]) =>
  encodePresence(entries.map(([clientId, clock, state]) => [clientId, clock, JSON.stringify(state)] as const))
