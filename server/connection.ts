// One client's socket as a room sees it. The room never touches `ws` itself, only this minimal
// interface, so the relay can be driven by any transport (and by tests) without a real socket.
import type { Role } from '../shared/workshop.js'

export interface Socket {
  /** Writes one complete WebSocket frame; false once the socket holds more than its high-water mark
   *  (16 KiB) unsent, as Node's streams answer, and whenever nothing could be written. */
  write(frame: Uint8Array): boolean
  /** Writes several, in order, with one system call; answers as `write`. */
  writeAll(frames: readonly Uint8Array[]): boolean
  close(code: number, reason: string): void
  /** Drops the connection at once, freeing what is buffered for it. */
  terminate(): void
  /** Bytes written here that have not yet left for the network: what Node still holds, and the part of
   *  the write in progress that the kernel has not taken. It falls as a huge frame goes out, long before
   *  the whole frame has gone (which is all that ws's own `bufferedAmount` would show). */
  readonly bufferedAmount: number
}

/** Who is on the other end, as the server issued it; `role` changes when the facilitator hands over. */
export interface Identity {
  id: string
  name: string
  color: string
  role: Role
}

/** How long a connection may sit over its buffer limit without reading anything before it is cut off. */
export const STALL_MS = 2000

export class Connection {
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessIds = new Set<number>()
  /** Whether the room has sent its sync step 1, asking for what the client has that it lacks. */
  askedForState = false
  closed = false
  /** Bytes handed to the socket so far; less bufferedAmount, the bytes that actually left for the client. */
  private queued = 0
  private stallTimer: NodeJS.Timeout | null = null
  private drainedAtCheck = 0

  constructor(
    private readonly socket: Socket,
    private readonly maxBufferedBytes: number,
    readonly identity: Identity,
  ) {}

  /** Sends a whole WebSocket frame, as server/protocol.ts makes them; the same bytes may go to many. */
  send(frame: Uint8Array) {
    if (this.closed) return
    this.queued += frame.length
    if (!this.socket.write(frame)) this.checkBuffer()
  }

  /** Sends several frames in one write. */
  sendAll(frames: readonly Uint8Array[]) {
    if (this.closed) return
    for (const f of frames) this.queued += f.length
    if (!this.socket.writeAll(frames)) this.checkBuffer()
  }

  /** Only after a write found the socket over its high-water mark, which is below any buffer limit
   *  (config.ts), so a client that keeps up costs no check per frame. */
  private checkBuffer() {
    if (this.socket.bufferedAmount > this.maxBufferedBytes && !this.stallTimer) this.watchStall()
  }

  /** A client that stops reading would make us buffer without bound. Over the limit, it gets STALL_MS to
   *  read something; one that is merely slow (a big board arriving on a slow link) keeps going, one that
   *  reads nothing is cut off, which frees its buffer at once; its client reconnects and resyncs.
   *  Progress is bytes that left (drained()), so a 24 MiB sync step 2 going out at 1 MiB/s counts as
   *  progress all along, not only once the whole frame is gone. */
  private watchStall() {
    this.drainedAtCheck = this.drained()
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null
      if (this.closed || this.socket.bufferedAmount <= this.maxBufferedBytes) return
      if (this.drained() > this.drainedAtCheck) return this.watchStall()
      this.closed = true
      this.socket.terminate()
    }, STALL_MS)
    this.stallTimer.unref()
  }

  private drained() {
    return this.queued - this.socket.bufferedAmount
  }

  close(code: number, reason: string) {
    if (this.closed) return
    this.closed = true
    if (this.stallTimer) clearTimeout(this.stallTimer)
    this.socket.close(code, reason)
  }
}
