// One WebSocket's life: check its token, wait for its document to load (queueing what it sends), then
// hand every frame, strictly decoded, to the room. Nothing a client sends can throw past this file.
import type { Socket as TcpSocket } from 'node:net'
import type { WebSocket } from 'ws'
import { CloseCode } from '../shared/closeCodes.js'
import { Connection, type Socket } from './connection.js'
import { ProtocolError, decodeClientMessage } from './protocol.js'
import type { Room } from './room.js'
import { privateDocId, type Rooms } from './rooms.js'
import type { Workshop } from './workshop.js'

export interface RelayDeps {
  rooms: Rooms
  workshop: Workshop
  maxBufferedBytes: number
}

export function relay(deps: RelayDeps, ws: WebSocket, boardId: string, token: string | undefined, privateNotes: boolean) {
  let conn: Connection | undefined
  let room: Room | undefined
  let closed = false
  // Frames that arrive while the token is checked and the document loads wait here, then replay in order.
  let queue: Buffer[] | null = []

  const handle = (data: Uint8Array) => {
    if (!conn || conn.closed || !room) return
    try {
      room.receive(conn, decodeClientMessage(data))
    } catch (err) {
      const reason = err instanceof ProtocolError ? err.message : 'malformed message'
      if (!(err instanceof ProtocolError)) console.warn(`[ws ${boardId}] refused a frame:`, (err as Error).message)
      conn.close(CloseCode.malformed, reason)
    }
  }

  ws.on('error', (err) => console.warn(`[ws ${boardId}] socket error:`, err.message))
  // ws hands over each message without copying it.
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return void conn?.close(CloseCode.malformed, 'text frames are not part of the protocol')
    if (queue) {
      if (queue.length < 1000) queue.push(data)
    } else handle(data)
  })
  ws.on('close', () => {
    closed = true
    queue = null
    if (conn) {
      conn.closed = true
      room?.leave(conn)
    }
  })

  const refuse = (code: number, reason: string) => ws.close(code, reason)
  ;(async () => {
    const identity = await deps.workshop.authenticate(boardId, token)
    const target = await deps.rooms.get(identity && privateNotes ? privateDocId(boardId, identity.id) : boardId)
    if (closed) return
    if (!target) return refuse(CloseCode.unknownBoard, 'unknown board')
    if (!identity) return refuse(CloseCode.unauthorized, 'a valid token is required')
    if (privateNotes && identity.role === 'observer') return refuse(CloseCode.forbidden, 'observers have no private notes')
    conn = new Connection(socketOf(ws), deps.maxBufferedBytes, identity)
    room = target
    room.join(conn)
    const waiting = queue ?? []
    queue = null
    for (const data of waiting) handle(data)
  })().catch((err) => {
    console.error(`[ws ${boardId}] could not open the board:`, (err as Error).message)
    refuse(CloseCode.storageUnavailable, 'storage unavailable')
  })
}

/** The room's view of a ws socket. Without permessage-deflate ws writes straight to the TCP socket, so
 *  writing frames built once for every recipient there keeps the order and skips framing them again per
 *  socket; corked, several frames leave in one write. */
function socketOf(ws: WebSocket): Socket {
  const tcp = (ws as unknown as { _socket: TcpSocket })._socket
  return {
    // A socket destroyed a moment before ws notices refuses the write quietly (false), so the hot path
    // checks only the WebSocket's own state.
    write(frame) {
      return ws.readyState === ws.OPEN && tcp.write(frame)
    },
    writeAll(frames) {
      if (ws.readyState !== ws.OPEN) return false
      tcp.cork()
      let ok = true
      for (const f of frames) ok = tcp.write(f)
      tcp.uncork()
      return ok
    },
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    get bufferedAmount() {
      return ws.bufferedAmount
    },
  }
}
