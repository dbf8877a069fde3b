import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteStore } from '../../server/storage/sqlite.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, stockClient, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, joinBoard, startTestServer, tempDir } from '../helpers/server.js'

/** The real SQLite store on a slow disk: loading takes 300 ms, and every load is counted. */
class SlowCountingStore extends SqliteStore {
  loads = 0
  override async loadLog(boardId: string) {
    this.loads++
    await new Promise((r) => setTimeout(r, 300))
    return super.loadLog(boardId)
  }
}

const clients: StockClient[] = []
afterEach(() => clients.splice(0).forEach((c) => c.destroy()))

it('20 clients joining a stored board at once all get the full board; it is loaded once, nothing overwritten', async () => {
  const dataDir = tempDir()
  let srv = await startTestServer({ dataDir })
  const { id, facilitatorKey } = await createBoard(srv.url)
  const w = await member(srv.url, id, { name: 'W', facilitatorKey })
  const tokens: string[] = []
  for (let i = 0; i < 20; i++) tokens.push((await joinBoard(srv.url, id, { name: `P${i}` })).token)
  await synced(w)
  const stageId = readBoard(w.doc).stages[1]!.id
  for (let i = 0; i < 30; i++) addNote(w.doc, { id: `n${i}`, stageId, kind: 'touchpoint', text: `قناة ${i}`, authorId: w.me })
  await until(() => (srv.server.rooms.loadedCount > 0), 'room loaded')
  const room = (await srv.server.rooms.peek(id))!
  await until(() => room.doc.getMap('notes').size === 30, 'server to hold 30 notes')
  w.destroy()
  await srv.close()

  let store!: SlowCountingStore
  srv = await startTestServer({ dataDir, store: (d) => (store = new SlowCountingStore(d)) })
  const notesAtFirstSync: number[] = []
  for (let i = 0; i < 20; i++) {
    const c = stockClient(srv.wsUrl, id, { token: tokens[i]! })
    c.provider.once('sync', () => notesAtFirstSync.push(c.doc.getMap('notes').size))
    clients.push(c)
  }
  await Promise.all(clients.map(synced))
  expect(store.loads).toBe(1)
  expect(notesAtFirstSync).toEqual(Array(20).fill(30))
  const loaded = (await srv.server.rooms.peek(id))!
  await new Promise((r) => setTimeout(r, 100))
  expect(loaded.doc.getMap('notes').size).toBe(30)
  for (const c of clients) expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(loaded.doc))
  clients.splice(0).forEach((c) => c.destroy())
  await srv.close()
})
