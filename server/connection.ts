// One client's socket as a room sees it. The room never touches `ws` itself, only this minimal
// interface, so the relay can be driven by any transport (and by tests) without a real socket.
import { CloseCode } from '../shared/closeCodes.js'
import type { Role } from '../shared/workshop.js'

export interface Socket {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  readonly bufferedAmount: number
}

/** Who is on the other end, as the server issued it; `role` changes when the facilitator hands over. */
export interface Identity {
  id: string
  name: string
  color: string
  role: Role
}

export class Connection {
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessIds = new Set<number>()
  closed = false

  constructor(
    private readonly socket: Socket,
    private readonly maxBufferedBytes: number,
    readonly identity: Identity,
  ) {}

  send(frame: Uint8Array) {
    if (this.closed) return
    // A client that stops reading would make us buffer without bound; drop it, it resyncs on reconnect.
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CloseCode.tooSlow, 'client too slow')
      return
    }
    this.socket.send(frame)
  }

  close(code: number, reason: string) {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, reason)
  }
}
