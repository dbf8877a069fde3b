// The y-websocket wire format (y-protocols sync and awareness), decoded strictly, and encoded once
// straight into WebSocket frames.
//
//   message   = varUint(type) payload
//   type 0    sync:      varUint(step) varUint8Array(data)   step 0 = state vector, 1 = state update, 2 = update
//   type 1    awareness: varUint8Array(awareness update)
//   type 3    query awareness (no payload)
//
// A client's frame is decoded whole before anything acts on it, and every length is checked against what
// is left, so an empty, truncated or padded frame is refused instead of half-applied.
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
export const SyncStep = { stateVector: 0, stateUpdate: 1, update: 2 } as const

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

export class ProtocolError extends Error {}

class Reader {
  pos = 0
  constructor(private readonly buf: Uint8Array) {}

  varUint(): number {
    let num = 0
    let mult = 1
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.buf.length) throw new ProtocolError('truncated frame')
      const byte = this.buf[this.pos++]!
      num += (byte & 0x7f) * mult
      if (byte < 0x80) return num
      mult *= 128
    }
    throw new ProtocolError('varint too long')
  }

  bytes(): Uint8Array {
    const len = this.varUint()
    if (len > this.buf.length - this.pos) throw new ProtocolError('length exceeds frame')
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }

  end() {
    if (this.pos !== this.buf.length) throw new ProtocolError('trailing bytes')
  }
}

export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const r = new Reader(frame)
  const type = r.varUint()
  let msg: ClientMessage
  if (type === MessageType.sync) {
    const step = r.varUint()
    const data = r.bytes()
    if (step === SyncStep.stateVector) msg = { type: 'syncStep1', stateVector: data }
    else if (step === SyncStep.stateUpdate || step === SyncStep.update) msg = { type: 'update', update: data }
    else throw new ProtocolError(`unknown sync step ${step}`)
  } else if (type === MessageType.awareness) {
    msg = { type: 'awareness', update: r.bytes() }
  } else if (type === MessageType.queryAwareness) {
    msg = { type: 'queryAwareness' }
  } else {
    throw new ProtocolError(`unknown message type ${type}`)
  }
  r.end()
  return msg
}

/** One y-websocket message as the server sends it: a whole unmasked binary WebSocket frame, written in
 *  one allocation, so the same bytes can go to every recipient without framing or copying them again. */
function frame(type: number, step: number | null, data: Uint8Array): Uint8Array {
  const n = data.length
  const lengthBytes = n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5
  const m = (step === null ? 1 : 2) + lengthBytes + n
  const header = m < 126 ? 2 : m < 65536 ? 4 : 10
  const out = Buffer.allocUnsafe(header + m)
  out[0] = 0x82 // FIN, binary; server frames are never masked
  if (m < 126) out[1] = m
  else if (m < 65536) {
    out[1] = 126
    out.writeUInt16BE(m, 2)
  } else {
    out[1] = 127
    out.writeBigUInt64BE(BigInt(m), 2)
  }
  let pos = header
  out[pos++] = type
  if (step !== null) out[pos++] = step
  for (let v = n; ; v = Math.floor(v / 0x80)) {
    if (v < 0x80) {
      out[pos++] = v
      break
    }
    out[pos++] = (v & 0x7f) | 0x80
  }
  out.set(data, pos)
  return out
}

export const syncStep1Frame = (stateVector: Uint8Array) => frame(MessageType.sync, SyncStep.stateVector, stateVector)
export const syncStep2Frame = (update: Uint8Array) => frame(MessageType.sync, SyncStep.stateUpdate, update)
export const updateFrame = (update: Uint8Array) => frame(MessageType.sync, SyncStep.update, update)
export const awarenessFrame = (update: Uint8Array) => frame(MessageType.awareness, null, update)
