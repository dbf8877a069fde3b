import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, stockClient, synced, until, type Member, type StockClient } from '../helpers/clients.js'
import { serverProcess } from '../helpers/process.js'
import { createBoard, joinBoard, startTestServer, tempDir } from '../helpers/server.js'

const clients: StockClient[] = []
afterEach(() => clients.splice(0).forEach((c) => c.destroy()))

const logRows = (dataDir: string, id: string) => {
  const db = new Database(join(dataDir, 'touchpoint.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE doc_id = ?').get(id) as { n: number }).n
  } finally {
    db.close()
  }
}

async function writeOneByOne(c: Member, n: number) {
  const stageId = readBoard(c.doc).stages[0]!.id
  for (let i = 0; i < n; i++) {
    addNote(c.doc, { id: `n${i}`, stageId, kind: 'action', text: `گام ${i}`, authorId: c.me })
    await new Promise((r) => setTimeout(r, 5)) // one update per tick, so each is its own log entry
  }
}

it('compacts the log every COMPACT_EVERY updates and unloads an idle board, keeping its state', async () => {
  const srv = await startTestServer({ config: { compactEvery: 10, roomIdleMs: 200 } })
  const { id, facilitatorKey } = await createBoard(srv.url)
  const c = await member(srv.url, id, { name: 'C', facilitatorKey })
  const { token } = await joinBoard(srv.url, id, { observer: true })
  await synced(c)
  await writeOneByOne(c, 25)
  const room = (await srv.server.rooms.peek(id))!
  await until(() => room.doc.getMap('notes').size === 25, 'server to hold 25 notes')
  expect(logRows(srv.dataDir, id)).toBeLessThanOrEqual(10)
  const state = Y.encodeStateAsUpdate(room.doc)

  c.destroy()
  await until(() => srv.server.rooms.loadedCount === 0, 'the idle board to be unloaded', 3000)
  expect(logRows(srv.dataDir, id)).toBe(1)
  const again = stockClient(srv.wsUrl, id, { token })
  clients.push(again)
  await synced(again)
  expect(Buffer.from(Y.encodeStateAsUpdate((await srv.server.rooms.peek(id))!.doc)).equals(Buffer.from(state))).toBe(true)
  await srv.close()
})

it('SIGTERM saves, compacts and exits cleanly', async () => {
  const dataDir = tempDir()
  const { proc, url, exited } = await serverProcess({ DATA_DIR: dataDir })
  const { id, facilitatorKey } = await createBoard(url)
  const c = await member(url, id, { name: 'C', facilitatorKey })
  clients.push(c)
  await synced(c)
  await writeOneByOne(c, 12)
  const closed = new Promise<number>((r) => c.provider.once('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)))
  await new Promise((r) => setTimeout(r, 100))
  const draining = performance.now()
  proc.kill('SIGTERM')
  expect(await exited).toBe(0)
  // The operator's figure for the README: how long a drain takes (stop accepting, 1001, flush, exit).
  console.log(`SIGTERM drain: ${Math.round(performance.now() - draining)} ms from the signal to the exit, one board of 12 edits`)
  expect(await closed).toBe(1001)
  expect(logRows(dataDir, id)).toBe(1)

  const srv = await startTestServer({ dataDir })
  const fresh = await member(srv.url, id, { observer: true })
  clients.push(fresh)
  await synced(fresh)
  expect(fresh.doc.getMap('notes').size).toBe(12)
  await srv.close()
})
