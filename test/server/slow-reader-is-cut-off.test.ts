import * as net from 'node:net'
import type { Socket } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { STALL_MS } from '../../server/connection.js'
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
  // The writer here is a load generator, faster than any person: its budgets are lifted.
  srv = await startTestServer({ config: { maxBufferedBytes: 256 * 1024, byteBurst: 1 << 30, messageBurst: 1 << 20 } })
  const { id, facilitatorKey } = await createBoard(srv.url)
  const writer = await member(srv.url, id, { name: 'Writer', facilitatorKey })
  const reader = await member(srv.url, id, { name: 'Reader' })
  clients.push(writer, reader)
  const slow = await rawClient(srv.wsUrl, id, (await joinBoard(srv.url, id, { name: 'Asleep' })).token)
  await Promise.all([synced(writer), synced(reader)])
  const room = (await srv.server.rooms.peek(id))!
  await until(() => room.conns.size === 3, 'three connections')
  ;(slow.ws as unknown as { _socket: Socket })._socket.pause() // stops reading; the kernel buffers fill up

  const stageIds = readBoard(writer.doc).stages.map((s) => s.id)
  const big = 'ملاحظة طويلة جدا '.repeat(117) // ~3.6 KB: a note's 2,000 characters at most
  // ~7.5 MB: more than loopback's socket buffers hold (4 MB send, the receive window), so Node's buffer grows.
  for (let i = 0; i < 2100; i += 50) {
    writer.doc.transact(() => {
      for (let k = i; k < i + 50; k++) addNote(writer.doc, { id: `n${k}`, stageId: stageIds[k % stageIds.length]!, kind: 'idea', text: big, authorId: writer.me })
    })
    await new Promise((r) => setTimeout(r, 5))
  }
  await until(() => reader.doc.getMap('notes').size === 2100, 'the reading client to get everything', 45_000)
  await until(() => room.conns.size === 2, 'the sleeping client to be cut off')
  expect([...room.conns].every((c) => !c.closed)).toBe(true)
})

/** A TCP proxy to the server over which the server's bytes reach the client at `rate` bytes a second at most:
 *  the proxy reads them that fast, so to the server this is a client on a slow link. */
async function slowLink(serverPort: number, rate: number) {
  const sockets = new Set<net.Socket>()
  const proxy = net.createServer((down) => {
    const up = net.connect(serverPort, '127.0.0.1')
    for (const s of [up, down]) {
      sockets.add(s)
      s.on('error', () => {})
      s.on('close', () => (up.destroy(), down.destroy()))
    }
    down.pipe(up)
    up.on('data', (d: Buffer) => {
      down.write(d)
      up.pause()
      setTimeout(() => up.resume(), (d.length / rate) * 1000)
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const port = (proxy.address() as net.AddressInfo).port
  return {
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    close: () => (sockets.forEach((s) => s.destroy()), new Promise((r) => proxy.close(r))),
  }
}

it('keeps readers taking a 24 MiB board at 1 MiB/s, and cuts off the one that reads nothing', { timeout: 60_000 }, async () => {
  srv = await startTestServer({ config: { maxBufferedBytes: 1024 * 1024 } })
  const { id, facilitatorKey } = await createBoard(srv.url)
  // A board of 26 MB, stored before anyone opens it (notes longer than a client may write today: what
  // the server holds, it serves).
  const seed = new Y.Doc()
  for (const u of (await srv.store.loadLog(id)).updates) Y.applyUpdate(seed, u)
  const before = Y.encodeStateVector(seed)
  const stageId = readBoard(seed).stages[0]!.id
  const text = 'x'.repeat(20_000)
  seed.transact(() => {
    for (let i = 0; i < 1300; i++) addNote(seed, { id: `n${i}`, stageId, kind: 'idea', text, authorId: 'someone' })
  })
  await srv.store.append(id, Y.encodeStateAsUpdate(seed, before))
  const writer = await member(srv.url, id, { name: 'Writer', facilitatorKey })
  clients.push(writer)
  await synced(writer)
  const room = (await srv.server.rooms.peek(id))!
  await until(() => room.doc.getMap('notes').size === 1300, 'the 26 MB board on the server', 30_000)
  expect(Y.encodeStateAsUpdate(room.doc).length).toBeGreaterThan(24 * 1024 * 1024)

  const links = await Promise.all([slowLink(srv.port, 1024 * 1024), slowLink(srv.port, 1024 * 1024)])
  try {
    const token = async (name: string) => (await joinBoard(srv.url, id, { name })).token
    const slow = await Promise.all(links.map(async (l, i) => rawClient(l.wsUrl, id, await token(`Slow ${i}`))))
    const asleep = await rawClient(srv.wsUrl, id, await token('Asleep'))
    ;(asleep.ws as unknown as { _socket: Socket })._socket.pause()
    await until(() => room.conns.size === 4, 'four connections')
    const start = Date.now()
    for (const c of [...slow, asleep]) c.ws.send(Uint8Array.of(0, 0, 1, 0)) // sync step 1: the whole board, please

    await until(() => room.conns.size <= 3, 'the sleeping client to be cut off', 3 * STALL_MS)
    expect(asleep.ws.readyState).toBe(asleep.ws.OPEN) // it never read the close: cut off, not closed
    expect(room.conns.size).toBe(3)
    // The slow ones stay (over their buffer limit all along, since one frame holds the whole board) for
    // three times as long as the sleeper lasted, and keep receiving.
    const received = () => slow.map((c) => (c.ws as unknown as { _socket: Socket })._socket.bytesRead)
    const before = received()
    await new Promise((r) => setTimeout(r, Math.max(0, 3 * STALL_MS - (Date.now() - start))))
    expect(room.conns.size).toBe(3)
    expect(slow.every((c) => c.ws.readyState === c.ws.OPEN)).toBe(true)
    received().forEach((n, i) => expect(n).toBeGreaterThan(before[i]! + 1024 * 1024))
    slow.forEach((c) => c.ws.terminate())
  } finally {
    await Promise.all(links.map((l) => l.close()))
  }
})
