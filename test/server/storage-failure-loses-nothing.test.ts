import { afterEach, expect, it } from 'vitest'
import { SqliteStore } from '../../server/storage/sqlite.js'
import { StorageError } from '../../server/storage/store.js'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.js'

/** The real SQLite store, with a switch that makes the database "go down". */
class FlakyStore extends SqliteStore {
  down = false
  override append(boardId: string, update: Uint8Array) {
    if (this.down) return Promise.reject(new StorageError('database is down'))
    return super.append(boardId, update)
  }
  override getBoard(id: string) {
    if (this.down) return Promise.reject(new StorageError('database is down'))
    return super.getBoard(id)
  }
}

let srv: TestServer
const clients: StockClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await srv.close()
})

it('a database that is down gets a clear error, relays nothing unsaved, and loses nothing once it is back', async () => {
  let store!: FlakyStore
  srv = await startTestServer({ store: (d) => (store = new FlakyStore(d)) })
  const { id, facilitatorKey } = await createBoard(srv.url)
  const writer = await member(srv.url, id, { name: 'W', facilitatorKey })
  const reader = await member(srv.url, id, { name: 'R' })
  clients.push(writer, reader)
  await Promise.all([synced(writer), synced(reader)])
  const closes: number[] = []
  reader.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code))

  store.down = true
  addNote(writer.doc, { id: 'n1', stageId: readBoard(writer.doc).stages[0]!.id, kind: 'pain', text: 'انتظار طويل للدعم', authorId: writer.me })
  await until(() => closes.includes(CloseCode.storageUnavailable), 'the reader to be told storage is unavailable')
  expect(reader.doc.getMap('notes').has('n1')).toBe(false) // not durable, so never relayed

  const res = await fetch(`${srv.url}/api/boards/${id}`)
  expect(res.status).toBe(503)
  expect(((await res.json()) as any).error.code).toBe('storage_unavailable')

  store.down = false
  // The stock clients reconnect by themselves; the writer's sync resends the note it kept.
  await until(() => reader.doc.getMap('notes').has('n1'), 'the note to arrive once storage is back', 10_000)
  const fresh = await member(srv.url, id, { observer: true })
  clients.push(fresh)
  await synced(fresh)
  await until(() => fresh.doc.getMap('notes').has('n1'), 'a fresh client to load the stored note')
})
