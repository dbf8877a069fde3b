// Presence as the server lets it through: each connection speaks only for the awareness ids it owns,
// and the `user` field of every state is stamped from the token, so nobody can appear as someone else.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Identity } from './connection.js'
import { ProtocolError } from './protocol.js'

/** A presence state is a name, a colour, a cursor and what someone is typing in: a few hundred bytes. */
export const PRESENCE_STATE_MAX = 4096

export function stampPresence(update: Uint8Array, who: Identity, ownedElsewhere: (clientId: number) => boolean) {
  const d = decoding.createDecoder(update.slice()) // own buffer: lib0 reads lengths without bounds checks
  const kept: [number, number, string][] = []
  try {
    const n = decoding.readVarUint(d)
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const json = decoding.readVarString(d)
      if (json.length > PRESENCE_STATE_MAX) throw new Error('state too large')
      if (ownedElsewhere(clientId)) continue
      const state = JSON.parse(json) as unknown
      if (state === null) kept.push([clientId, clock, 'null'])
      else if (typeof state === 'object' && !Array.isArray(state)) {
        const user = { id: who.id, name: who.name, color: who.color, role: who.role }
        kept.push([clientId, clock, JSON.stringify({ ...state, user })])
      } else throw new Error('state is not an object')
    }
    if (d.pos !== d.arr.length) throw new Error('trailing bytes')
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
  return encodePresence(kept)
}

/** An awareness update of these entries: client id, clock, the state as JSON. */
export function encodePresence(entries: readonly (readonly [clientId: number, clock: number, json: string])[]) {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(e, clientId)
    encoding.writeVarUint(e, clock)
    encoding.writeVarString(e, json)
  }
  return encoding.toUint8Array(e)
}
