import type { Socket } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, rawClient, synced, until, type Member } from '../helpers/clients.js'
import { createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

let srv: TestServer
const clients: Member[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await srv.close()
})

it('disconnects a client that reads nothing while over its buffer limit; the others keep up, however slowly they drain', { timeout: 60_000 }, async () => {
  srv = await startTestServer({ config: { maxBufferedBytes: 256 * 1024 } })
  const { id, facilitatorKey } = await createBoard(srv.url)
  const writer = await member(srv.url, id, { name: 'Writer', facilitatorKey })
  const reader = await member(srv.url, id, { name: 'Reader' })
  clients.push(writer, reader)
  const slow = await rawClient(srv.wsUrl, id, (await joinBoard(srv.url, id, { name: 'Asleep' })).token)
  await Promise.all([synced(writer), synced(reader)])
  const room = (await srv.server.rooms.peek(id))!
  await until(() => room.conns.size === 3, 'three connections')
  ;(slow.ws as unknown as { _socket: Socket })._socket.pause() // stops reading; the kernel buffers fill up

  const stageId = readBoard(writer.doc).stages[0]!.id
  const big = 'ملاحظة طويلة جدا '.repeat(2000) // ~34 KB a note
  // ~7.5 MB: more than loopback's socket buffers hold (4 MB send, the receive window), so Node's buffer grows.
  for (let i = 0; i < 220; i++) {
    addNote(writer.doc, { id: `n${i}`, stageId, kind: 'idea', text: big, authorId: writer.me })
    if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5))
  }
  await until(() => reader.doc.getMap('notes').size === 220, 'the reading client to get everything', 45_000)
  await until(() => room.conns.size === 2, 'the sleeping client to be cut off')
  expect([...room.conns].every((c) => !c.closed)).toBe(true)
})
