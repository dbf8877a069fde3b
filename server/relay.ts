// One WebSocket's life: check its token, wait for its document to load (queueing what it sends), then
// hand every frame, strictly decoded, to the room. Nothing a client sends can throw past this file.
import type { WSEvents } from 'hono/ws'
import type { WebSocket } from 'ws'
import { CloseCode } from '../shared/closeCodes.js'
import { Connection } from './connection.js'
import { ProtocolError, decodeClientMessage } from './protocol.js'
import type { Room } from './room.js'
import { privateDocId, type Rooms } from './rooms.js'
import type { Workshop } from './workshop.js'

export interface RelayDeps {
  rooms: Rooms
  workshop: Workshop
  maxBufferedBytes: number
}

export function relay(deps: RelayDeps, boardId: string, token: string | undefined, privateNotes: boolean): WSEvents<WebSocket> {
  let conn: Connection | undefined
  let room: Room | undefined
  let closed = false
  // Frames that arrive while the token is checked and the document loads wait here, then replay in order.
  let queue: Uint8Array[] | null = []

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

  return {
    onOpen(_evt, ws) {
      const raw = ws.raw!
      // Our own listener: @hono/node-ws's onError builds an ErrorEvent, which Node 20 lacks.
      raw.on('error', (err) => console.warn(`[ws ${boardId}] socket error:`, err.message))
      const tcp = (raw as unknown as { _socket: import('node:net').Socket })._socket
      const socket = {
        // Without permessage-deflate ws writes straight to the TCP socket, so writing a frame built once
        // for every recipient keeps the order and skips framing it again per socket.
        send: (message: Uint8Array, framed?: Uint8Array) => {
          if (raw.readyState !== 1) return
          if (framed && !tcp.destroyed) tcp.write(framed)
          else raw.send(message)
        },
        close: (code: number, reason: string) => raw.close(code, reason),
        terminate: () => raw.terminate(),
        get bufferedAmount() {
          return raw.bufferedAmount
        },
      }
      const refuse = (code: number, reason: string) => raw.close(code, reason)
      ;(async () => {
        const identity = await deps.workshop.authenticate(boardId, token)
        const target = await deps.rooms.get(identity && privateNotes ? privateDocId(boardId, identity.id) : boardId)
        if (closed) return
        if (!target) return refuse(CloseCode.unknownBoard, 'unknown board')
        if (!identity) return refuse(CloseCode.unauthorized, 'a valid token is required')
        if (privateNotes && identity.role === 'observer') return refuse(CloseCode.forbidden, 'observers have no private notes')
        conn = new Connection(socket, deps.maxBufferedBytes, identity)
        room = target
        room.join(conn)
        const waiting = queue ?? []
        queue = null
        for (const data of waiting) handle(data)
      })().catch((err) => {
        console.error(`[ws ${boardId}] could not open the board:`, (err as Error).message)
        refuse(CloseCode.storageUnavailable, 'storage unavailable')
      })
    },
    onMessage(evt) {
      if (typeof evt.data === 'string') {
        conn?.close(CloseCode.malformed, 'text frames are not part of the protocol')
        return
      }
      const data = new Uint8Array(evt.data as ArrayBuffer)
      if (queue) {
        if (queue.length < 1000) queue.push(data)
      } else handle(data)
    },
    onClose() {
      closed = true
      queue = null
      if (conn) {
        conn.closed = true
        room?.leave(conn)
      }
    },
  }
}
