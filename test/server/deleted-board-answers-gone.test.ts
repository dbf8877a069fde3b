// The facilitator deletes a board: its data leaves the store, everyone on it is closed with 4410 (and the stock
// client stops retrying), and every link to it answers 410, also after a restart; a participant cannot delete.
// On SQLite and on PostgreSQL.
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { PostgresStore } from '../../server/storage/postgres.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import type { Store } from '../../server/storage/store.js'
import { CloseCode } from '../../shared/closeCodes.js'
import * as Y from 'yjs'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'
import { createOpenBoard } from '../helpers/boards.js'
import { member, rawClient, stockClient, synced, until, type StockClient } from '../helpers/clients.js'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.js'
import { PG_URL, pgSchema, postgresMissing } from '../helpers/services.js'

const pgReason = await postgresMissing()
const schema = pgSchema()
afterAll(async () => {
  if (!pgReason) await schema.drop()
})

const stores: [string, (dataDir: string) => Store, string | null][] = [
  ['SQLite', (dataDir) => new SqliteStore(dataDir), null],
  ['PostgreSQL', () => new PostgresStore(PG_URL, schema.name), pgReason],
]

const servers: TestServer[] = []
const clients: StockClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const call = (url: string, method: string, token?: string, body?: unknown) =>
  fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

/** Every close code the provider gets, and how many times it starts connecting after the first. */
function watch(c: StockClient) {
  const seen = { codes: [] as number[], retries: 0 }
  c.provider.on('connection-close', (e: CloseEvent | null) => e && seen.codes.push(e.code))
  c.provider.on('status', ({ status }: { status: string }) => status === 'connecting' && seen.codes.length > 0 && seen.retries++)
  return seen
}

describe.each(stores)('a deleted board, on %s', (name, make, skipReason) => {
  const run = skipReason ? it.skip : it
  run(`is gone from the store, closes its sockets with 4410 and answers 410${skipReason ? ` (skipped: ${skipReason})` : ''}`, async () => {
    const srv = await startTestServer({ store: make })
    servers.push(srv)
    const board = await createOpenBoard(srv.url, { title: 'رحلة عميل المتجر' })
    const { id } = board
    const fac = await member(srv.url, id, { name: 'Rana', facilitatorKey: board.facilitatorKey })
    const guest = await member(srv.url, id, { name: 'Karim' })
    const guestPrivate = stockClient(srv.wsUrl, `${id}/private`, { token: guest.token })
    clients.push(fac, guest, guestPrivate)
    await Promise.all([fac, guest, guestPrivate].map(synced))
    addNote(guest.doc, { id: 'n1', stageId: readBoard(guest.doc).stages[0]!.id, kind: 'pain', text: 'الدفع يفشل مرتين', authorId: guest.me })
    await until(() => fac.doc.getMap('notes').has('n1'), 'the note on the board')
    const seen = [fac, guest, guestPrivate].map(watch)

    // Nobody but the facilitator deletes it.
    const byGuest = await call(`${srv.url}/api/boards/${id}`, 'DELETE', guest.token)
    expect(byGuest.status).toBe(403)
    expect(((await byGuest.json()) as any).error.code).toBe('facilitator_only')
    expect((await call(`${srv.url}/api/boards/${id}`, 'DELETE')).status).toBe(401)
    expect((await call(`${srv.url}/api/boards/${id}`, 'GET')).status).toBe(200)

    const deleted = await call(`${srv.url}/api/boards/${id}`, 'DELETE', fac.token)
    expect(deleted.status).toBe(200)
    expect(await deleted.json()).toEqual({ ok: true, deleted: id })

    // Everyone on it, the private document too, is closed with the dedicated code, and nobody reconnects.
    await until(() => seen.every((s) => s.codes.includes(CloseCode.deleted)), 'every socket closed with 4410')
    await new Promise((r) => setTimeout(r, 1500))
    expect(seen.map((s) => s.retries)).toEqual([0, 0, 0])

    // Its data is gone from the store.
    expect(await srv.store.getBoard(id)).toBeUndefined()
    expect(await srv.store.listParticipants(id)).toEqual([])
    expect((await srv.store.loadLog(id)).updates).toEqual([])
    expect((await srv.store.loadLog(`${id}/private/${guest.me}`)).updates).toEqual([])
    expect(await srv.store.deletedAt(id)).toBeGreaterThan(Date.now() - 60_000)

    const gone = async (res: Response) => {
      expect(res.status).toBe(410)
      if (res.headers.get('content-type')?.includes('json')) expect(((await res.json()) as any).error.code).toBe('board_deleted')
    }
    const answersGone = async (url: string) => {
      await gone(await call(`${url}/api/boards/${id}`, 'GET'))
      await gone(await call(`${url}/api/boards/${id}/join`, 'POST', undefined, { name: 'Late' }))
      await gone(await call(`${url}/api/boards/${id}/export?format=md`, 'GET', guest.token))
      await gone(await call(`${url}/api/boards/${id}/actions`, 'POST', guest.token, { type: 'revealNotes' }))
      await gone(await call(`${url}/api/boards/${id}`, 'DELETE', fac.token))
      await gone(await call(`${url}/api/boards`, 'POST', undefined, { from: { boardId: id, facilitatorKey: board.facilitatorKey } }))
      const page = await fetch(`${url}/b/${id}`)
      expect(page.status).toBe(410)
      // A new socket, with the old token or none, hears the same.
      const wsUrl = `${url.replace('http', 'ws')}/ws`
      for (const [doc, token] of [[id, guest.token], [id, ''], [`${id}/private`, guest.token]] as const) {
        expect((await (await rawClient(wsUrl, doc, token)).closed).code).toBe(CloseCode.deleted)
      }
      // An id that never was a board is still 404: the tombstone is only for deleted ones.
      expect((await call(`${url}/api/boards/never-a-board-here`, 'GET')).status).toBe(404)
    }
    await answersGone(srv.url)

    // The id is remembered: after a restart on the same store, the answer is still 410, not 404.
    await srv.close()
    servers.splice(servers.indexOf(srv), 1)
    const again = await startTestServer({ store: make, dataDir: srv.dataDir })
    servers.push(again)
    await answersGone(again.url)
  })

  run(`prunes only a board nobody opened since the check began${skipReason ? ` (skipped: ${skipReason})` : ''}`, async () => {
    const store = make(tempDir())
    const day = 86_400_000
    const ids = [`old-${Math.random().toString(36).slice(2)}`, `reopened-${Math.random().toString(36).slice(2)}`]
    for (const id of ids) {
      const doc = new Y.Doc()
      initBoard(doc, 'قديم', ['آگاهی'], () => `s-${id}`)
      await store.createBoard({ id, title: 'قديم', facilitatorKeyHash: 'k', createdAt: Date.now() - 60 * day }, Y.encodeStateAsUpdate(doc))
    }
    const cutoff = Date.now() - 30 * day
    expect((await store.idleBoards(cutoff, 100)).filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort())
    await store.touchBoard(ids[1]!, Date.now()) // opened after the list was read
    expect(await store.deleteBoard(ids[1]!, Date.now(), { openedBefore: cutoff })).toBe(false)
    expect(await store.deleteBoard(ids[0]!, Date.now(), { openedBefore: cutoff })).toBe(true)
    expect(await store.getBoard(ids[0]!)).toBeUndefined()
    expect(await store.deletedAt(ids[0]!)).toBeDefined()
    expect(await store.getBoard(ids[1]!)).toBeDefined()
    expect(await store.deletedAt(ids[1]!)).toBeUndefined()
    expect((await store.idleBoards(cutoff, 100)).filter((id) => ids.includes(id))).toEqual([])
    await store.close()
  })
})
