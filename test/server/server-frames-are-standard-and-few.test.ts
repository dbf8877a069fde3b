import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Connection } from '../../server/connection.js'
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../server/protocol.js'
import { Room } from '../../server/room.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'
import { rawClient, until } from '../helpers/clients.js'
import { createBoard, joinBoard, startTestServer, tempDir, type TestServer } from '../helpers/server.js'
import { testPolicy } from '../helpers/fakeSocket.js'

/** Reads one server frame the way any WebSocket peer would, then its y-websocket message with lib0. */
function parse(frame: Uint8Array) {
  expect(frame[0]).toBe(0x82) // FIN, binary
  let length = frame[1]!
  let at = 2
  expect(length & 0x80).toBe(0) // unmasked
  if (length === 126) [length, at] = [(frame[2]! << 8) | frame[3]!, 4]
  else if (length === 127) [length, at] = [Number(Buffer.from(frame).readBigUInt64BE(2)), 10]
  expect(frame.length).toBe(at + length)
  return message(frame.subarray(at))
}

function message(bytes: Uint8Array) {
  const d = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(d)
  const step = type === 0 ? decoding.readVarUint(d) : null
  const data = decoding.readVarUint8Array(d)
  expect(decoding.hasContent(d)).toBe(false)
  return { type, step, data }
}

it('frames every size of message as one standard WebSocket frame holding the y-websocket message', () => {
  // Around each boundary of the frame header (125/126, 65535/65536) and of the varint length (127/128, 16383/16384).
  for (const n of [0, 1, 122, 123, 124, 125, 126, 127, 128, 16383, 16384, 65531, 65532, 65535, 65536, 70_000, 2_097_160]) {
    const data = Buffer.alloc(n, n & 0xff)
    for (const [make, type, step] of [[updateFrame, 0, 2], [syncStep2Frame, 0, 1], [syncStep1Frame, 0, 0], [awarenessFrame, 1, null]] as const) {
      const m = parse(make(data))
      expect([m.type, m.step, m.data.length]).toEqual([type, step, n])
      expect(data.equals(m.data)).toBe(true)
    }
  }
})

let srv: TestServer
let boardId: string
let token: string
beforeAll(async () => {
  srv = await startTestServer()
  boardId = (await createBoard(srv.url)).id
  token = (await joinBoard(srv.url, boardId, { name: 'سارا' })).token
})
afterAll(() => srv.close())

it('answers a fresh client with the whole board, then its own sync step 1', async () => {
  const c = await rawClient(srv.wsUrl, boardId, token)
  c.ws.send(Uint8Array.of(0, 0, 1, 0)) // sync step 1 with an empty state vector, as the stock client opens
  await until(() => c.frames.length >= 2, 'the answer')
  const [state, ask] = c.frames.map(message)
  expect(state!.step).toBe(1)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state!.data)
  expect(readBoard(doc).stages).toHaveLength(5)
  expect(ask!.step).toBe(0)
  expect(Y.decodeStateVector(ask!.data)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)))
  c.ws.close()
})

it('hands both to the socket in one write, and the same bytes of an update to every connection', async () => {
  const room = new Room('doc', new SqliteStore(tempDir()), 1, { compactEvery: 500, policy: testPolicy(), onEmpty() {}, onFailed() {} })
  const board = new Y.Doc()
  initBoard(board, 'نقشه سفر', ['آگاهی'], () => 's1')
  room.load([Y.encodeStateAsUpdate(board)])
  const writes: (readonly Uint8Array[])[][] = [[], []]
  const conns = writes.map((w, i) => {
    const socket = {
      write: (frame: Uint8Array) => w.push([frame]) > 0,
      writeAll: (frames: readonly Uint8Array[]) => w.push(frames) > 0,
      close() {},
      terminate() {},
      bufferedAmount: 0,
    }
    return new Connection(socket, 1 << 20, { id: `p${i}`, name: 'p', color: '#000', role: 'facilitator' })
  })
  conns.forEach((c) => room.join(c))
  expect(writes).toEqual([[], []]) // nothing until the client speaks
  conns.forEach((c) => room.receive(c, { type: 'syncStep1', stateVector: Uint8Array.of(0) }))
  expect(writes.map((w) => w.map((frames) => frames.map((f) => parse(f).step)))).toEqual([[[1, 0]], [[1, 0]]])

  const before = Y.encodeStateVector(board)
  addNote(board, { id: 'n1', stageId: 's1', kind: 'pain', text: 'پشتیبانی جواب نمی‌دهد', authorId: 'p0' })
  room.receive(conns[0]!, { type: 'update', update: Y.encodeStateAsUpdate(board, before) })
  await until(() => writes[1]!.length === 2, 'the relayed update')
  expect(writes[0]![1]).toHaveLength(1)
  expect(writes[0]![1]![0]).toBe(writes[1]![1]![0]) // one frame object, built once
  expect(parse(writes[1]![1]![0]!).step).toBe(2)
  room.destroy()
})

it('asks a client that opens with something else for its state at once', async () => {
  const c = await rawClient(srv.wsUrl, boardId, token)
  c.ws.send(Uint8Array.of(3)) // query awareness
  await until(() => c.frames.length >= 1, 'the sync step 1')
  expect(message(c.frames[0]!).step).toBe(0)
  c.ws.close()
})
