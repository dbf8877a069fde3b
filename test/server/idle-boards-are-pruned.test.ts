// BOARD_TTL_DAYS: a server deletes the boards nobody opened for that many days (at start, then daily), and keeps
// the others; opening a board counts. Off by default. The clock and the boards' ages are injected, not waited for.
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.js'
import { DAY_MS, pruneIdleBoards } from '../../server/pruning.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import { initBoard } from '../../shared/schema.js'
import { member, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, startTestServer, tempDir, type TestServer } from '../helpers/server.js'

const servers: TestServer[] = []
const clients: StockClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const status = async (srv: TestServer, id: string) => (await fetch(`${srv.url}/api/boards/${id}`)).status

/** A board stored as if made `daysAgo` days ago and never opened since. */
async function oldBoard(store: SqliteStore, id: string, daysAgo: number) {
  const doc = new Y.Doc()
  initBoard(doc, 'قديمة', ['الوعي'], () => `s-${id}`)
  await store.createBoard({ id, title: 'قديمة', facilitatorKeyHash: 'x', createdAt: Date.now() - daysAgo * DAY_MS }, Y.encodeStateAsUpdate(doc))
}

describe('pruning idle boards', () => {
  it('deletes a board nobody opened for the configured days and keeps a recent one', async () => {
    const srv = await startTestServer()
    servers.push(srv)
    const old = await createBoard(srv.url)
    const recent = await createBoard(srv.url)
    await srv.store.touchBoard(old.id, Date.now() - 40 * DAY_MS) // last opened 40 days ago
    await oldBoard(srv.store as SqliteStore, 'made-long-ago-never-opened', 45)

    const pruned = await pruneIdleBoards(srv.store, srv.server.rooms, 30)
    expect(pruned.sort()).toEqual([old.id, 'made-long-ago-never-opened'].sort())
    expect(await status(srv, old.id)).toBe(410) // deleted like any other: remembered, not "not found"
    expect(await status(srv, 'made-long-ago-never-opened')).toBe(410)
    expect(await status(srv, recent.id)).toBe(200)

    // Forty days on (an injected clock), the recent one has had its time too, unless someone is on it.
    const later = Date.now() + 40 * DAY_MS
    const open = await createBoard(srv.url)
    const someone = await member(srv.url, open.id, { name: 'Leila' })
    clients.push(someone)
    await synced(someone)
    expect(await pruneIdleBoards(srv.store, srv.server.rooms, 30, later)).toEqual([recent.id])
    expect(await status(srv, recent.id)).toBe(410)
    expect(await status(srv, open.id)).toBe(200)
  })

  it('counts opening a board: loading it resets its age', async () => {
    const srv = await startTestServer()
    servers.push(srv)
    const board = await createBoard(srv.url)
    await srv.store.touchBoard(board.id, Date.now() - 40 * DAY_MS)
    expect(await srv.store.idleBoards(Date.now() - 30 * DAY_MS, 10)).toEqual([board.id])
    const someone = await member(srv.url, board.id, { name: 'Omid' })
    clients.push(someone)
    await synced(someone)
    expect(await srv.store.idleBoards(Date.now() - 30 * DAY_MS, 10)).toEqual([])
    // Gone from memory again (ROOM_IDLE_MS), it is still recent.
    someone.destroy()
    await until(() => srv.server.rooms.loadedCount === 0, 'the board unloaded', 5000)
    expect(await pruneIdleBoards(srv.store, srv.server.rooms, 30)).toEqual([])
    expect(await status(srv, board.id)).toBe(200)
  })

  it('runs when the server starts with BOARD_TTL_DAYS, and not without it', async () => {
    const dataDir = tempDir()
    const store = new SqliteStore(dataDir)
    await oldBoard(store, 'forty-days-old-board', 40)
    await oldBoard(store, 'ten-days-old-board', 10)
    await store.close()

    // Off by default: an old board survives a start.
    const off = await startTestServer({ dataDir })
    servers.push(off)
    expect(off.server.rooms.loadedCount).toBe(0)
    await new Promise((r) => setTimeout(r, 300))
    expect(await status(off, 'forty-days-old-board')).toBe(200)
    await off.close()
    servers.splice(0)

    const on = await startTestServer({ dataDir, config: { boardTtlDays: 30 } })
    servers.push(on)
    await expect.poll(() => status(on, 'forty-days-old-board')).toBe(410)
    expect(await status(on, 'ten-days-old-board')).toBe(200)
  })

  it('reads BOARD_TTL_DAYS: off (0) by default, a whole number of days otherwise', () => {
    expect(loadConfig({}).boardTtlDays).toBe(0)
    expect(loadConfig({ BOARD_TTL_DAYS: '90' }).boardTtlDays).toBe(90)
    expect(() => loadConfig({ BOARD_TTL_DAYS: 'soon' })).toThrow(/BOARD_TTL_DAYS/)
    expect(() => loadConfig({ BOARD_TTL_DAYS: '-1' })).toThrow(/BOARD_TTL_DAYS/)
  })
})
