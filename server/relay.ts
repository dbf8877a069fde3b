// One WebSocket's life: check its token, wait for its document to load (queueing what it sends), then
// hand every frame, strictly decoded, to the room. Nothing a client sends can throw past this file.
import type { Socket as TcpSocket } from 'node:net'
import type { WebSocket } from 'ws'
import { CloseCode } from '../shared/closeCodes.js'
import { Budget, type BudgetOptions } from './budget.js'
import { Connection, type Socket } from './connection.js'
import { ProtocolError, decodeClientMessage } from './protocol.js'
import type { Room } from './room.js'
import { privateDocId, type Rooms } from './rooms.js'
import type { Workshop } from './workshop.js'
import type { Limit, Metrics } from './metrics.js'
import { boardLog, why } from './log.js'

export interface RelayDeps {
  rooms: Rooms
  workshop: Workshop
  maxBufferedBytes: number
  /** The limit of every message but the first sync answer (MAX_MESSAGE_BYTES). */
  maxMessageBytes: number
  /** The limit of the first sync answer (MAX_FIRST_SYNC_BYTES), which is also ws's maxPayload: ws refuses
   *  a larger frame from its header, before buffering it. */
  maxFirstSyncBytes: number
  /** Bytes each connection may send (its first sync answer aside); unlimited when absent. */
  byteBudget?: BudgetOptions
  /** Where refusals and limits hit are counted; nothing is without it. */
  metrics?: Metrics | undefined
}

/** Pre-authentication queue: at most this many frames, and MAX_MESSAGE_BYTES in all. */
const MAX_QUEUED_FRAMES = 1000

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
      if (!(err instanceof ProtocolError)) boardLog(boardId).warn(why(err), 'refused a frame')
      conn.close(CloseCode.malformed, reason)
    }
  }

  // The first sync answer (the client's sync step 2 to the room's sync step 1) carries everything the
  // client wrote offline, in one message however large: the stock client has no other way to send it. So
  // that one message may be up to MAX_FIRST_SYNC_BYTES (ws's maxPayload, which bounds what it buffers);
  // every other stays within MAX_MESSAGE_BYTES, checked here. The room judges it like any update.
  let firstSyncAnswered = false
  const awaitingFirstSync = () => !!conn && !conn.closed && conn.askedForState && !firstSyncAnswered
  // ws closes with 1009 a frame over maxPayload as soon as it reads its header; during the first sync
  // that is offline work over MAX_FIRST_SYNC_BYTES, which gets its own code (shared/closeCodes.ts): the
  // client stops resending it and tells the person, who keeps it on their device.
  const wsClose = ws.close.bind(ws)
  const metrics = deps.metrics
  /** Closes for a limit, counting it and the refusal. */
  const overLimit = (limit: Limit, code: number, reason: string) => {
    if (ws.readyState === ws.OPEN && metrics) {
      metrics.limitHit(limit)
      metrics.socketRefused(code)
    }
    wsClose(code, reason)
  }
  ws.close = (code?: number, reason?: string | Buffer) =>
    code === CloseCode.tooLarge && awaitingFirstSync()
      ? overLimit('first_sync_size', CloseCode.firstSyncTooLarge, `offline changes over ${deps.maxFirstSyncBytes} bytes`)
      : code === CloseCode.tooLarge // ws's own, over maxPayload
        ? overLimit('message_size', code, typeof reason === 'string' ? reason : 'message too large')
        : wsClose(code, reason)
  let queuedBytes = 0
  const bytes = deps.byteBudget && new Budget(deps.byteBudget)

  ws.on('error', (err) => boardLog(boardId).warn(why(err), 'socket error'))
  // ws hands over each message without copying it.
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return void conn?.close(CloseCode.malformed, 'text frames are not part of the protocol')
    const isSyncAnswer = data.length > 1 && data[0] === 0 && data[1] === 1 // sync, step 2
    if (data.length > deps.maxMessageBytes && !(isSyncAnswer && awaitingFirstSync())) {
      return void overLimit('message_size', CloseCode.tooLarge, `message over ${deps.maxMessageBytes} bytes`)
    }
    if (isSyncAnswer && awaitingFirstSync()) firstSyncAnswered = true
    else if (bytes && !bytes.take(data.length)) return void overLimit('byte_budget', CloseCode.tooManyMessages, 'too many bytes')
    if (queue) {
      // Nothing honest is large before the room has asked: the stock client sends its sync step 1 and
      // presence. Refusing is safer than dropping a frame, which would leave a gap in what it sent.
      queuedBytes += data.length
      if (queue.length >= MAX_QUEUED_FRAMES || queuedBytes > deps.maxMessageBytes) {
        return void overLimit('queue_before_open', CloseCode.tooLarge, 'too much sent before the board opened')
      }
      queue.push(data)
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

  const refuse = (code: number, reason: string) => {
    if (ws.readyState === ws.OPEN) metrics?.socketRefused(code)
    ws.close(code, reason)
  }
  ;(async () => {
    const identity = await deps.workshop.authenticate(boardId, token)
    const target = await deps.rooms.get(identity && privateNotes ? privateDocId(boardId, identity.id) : boardId)
    if (closed) return
    if (!target) {
      // Deleted while this socket was being let in: it hears so, like everyone who was on the board.
      const deleted = await deps.rooms.isDeleted(boardId)
      if (closed) return
      return deleted ? refuse(CloseCode.deleted, 'the board was deleted') : refuse(CloseCode.unknownBoard, 'unknown board')
    }
    if (!identity) return refuse(CloseCode.unauthorized, 'a valid token is required')
    if (privateNotes && identity.role === 'observer') return refuse(CloseCode.forbidden, 'observers have no private notes')
    conn = new Connection(socketOf(ws, metrics), deps.maxBufferedBytes, identity)
    room = target
    room.join(conn)
    const waiting = queue ?? []
    queue = null
    for (const data of waiting) handle(data)
  })().catch((err) => {
    boardLog(boardId).error(why(err), 'could not open the board')
    refuse(CloseCode.storageUnavailable, 'storage unavailable')
  })
}

/** The room's view of a ws socket. Without permessage-deflate ws writes straight to the TCP socket, so
 *  writing frames built once for every recipient there keeps the order and skips framing them again per
 *  socket; corked, several frames leave in one write. */
function socketOf(ws: WebSocket, metrics?: Metrics): Socket {
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
    // Every close a room or connection decides (a forgery, a budget, a removal, storage...) is for cause.
    close: (code, reason) => {
      if (ws.readyState === ws.OPEN) metrics?.socketRefused(code)
      ws.close(code, reason)
    },
    // Only a connection that stopped reading is cut off this way.
    terminate: () => {
      metrics?.limitHit('send_buffer')
      ws.terminate()
    },
    get bufferedAmount() {
      return unsent(tcp) ?? ws.bufferedAmount
    },
  }
}

interface TcpInternals {
  _writableState?: { writing: boolean; writelen: number }
  _handle?: { writeQueueSize?: number } | null
}

/** Bytes written to `tcp` that have not reached the kernel: those Node holds, less the write in flight,
 *  plus what of that write libuv still holds (`writeQueueSize`, which falls as the kernel takes each
 *  part, as Node's own socket timeouts read it). Node's `writableLength` (and so ws's `bufferedAmount`)
 *  counts a write in flight whole until the last byte of it has gone: a 24 MiB frame would look stuck
 *  for as long as it takes to send. Undefined where these are not there to read. */
function unsent(tcp: TcpSocket): number | undefined {
  const { _writableState: state, _handle: handle } = tcp as unknown as TcpInternals
  const queue = handle?.writeQueueSize
  if (!state || typeof queue !== 'number' || typeof state.writelen !== 'number') return undefined
  return tcp.writableLength - (state.writing ? state.writelen : 0) + queue
}
