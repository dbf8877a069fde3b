import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, readBoard, setNoteText } from '../../shared/schema.js'
import { member, stockClient, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

let srv: TestServer
const clients: StockClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await srv?.close()
})

it('fresh joiners between changes each get exactly the current state (cached snapshot plus the changes since)', async () => {
  srv = await startTestServer()
  const { id, facilitatorKey } = await createBoard(srv.url)
  const writer = await member(srv.url, id, { name: 'W', facilitatorKey })
  clients.push(writer)
  await synced(writer)
  const stageId = readBoard(writer.doc).stages[0]!.id
  for (let i = 0; i < 40; i++) addNote(writer.doc, { id: `n${i}`, stageId, kind: 'idea', text: `یادداشت ${i}`, authorId: writer.me })
  const tokens = await Promise.all(Array.from({ length: 12 }, () => joinBoard(srv.url, id, { observer: true }).then((j) => j.token)))
  const room = (await srv.server.rooms.peek(id))!
  for (let round = 0; round < 12; round++) {
    // A small change, then a fresh joiner: it must see the change on top of whatever snapshot is cached.
    setNoteText(writer.doc, `n${round}`, `ویرایش ${round}`)
    addNote(writer.doc, { id: `r${round}`, stageId, kind: 'pain', text: 'x'.repeat(round * 50), authorId: writer.me })
    await until(() => room.doc.getMap('notes').has(`r${round}`), 'the server to apply the change')
    const fresh = stockClient(srv.wsUrl, id, { token: tokens[round]! })
    clients.push(fresh)
    await synced(fresh)
    await until(() => fresh.doc.getMap('notes').has(`r${round}`), 'the joiner to have the latest change')
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(room.doc))
    expect(readBoard(fresh.doc)).toEqual(readBoard(room.doc))
  }
})

it('a board loaded only by an HTTP call is unloaded when nobody comes', async () => {
  srv = await startTestServer({ config: { roomIdleMs: 200 } })
  const { id } = await createBoard(srv.url)
  await joinBoard(srv.url, id, { name: 'Passer-by' }) // loads the board to write the person in
  expect(srv.server.rooms.loadedCount).toBe(1)
  await until(() => srv.server.rooms.loadedCount === 0, 'the idle board to be unloaded', 3000)
})
