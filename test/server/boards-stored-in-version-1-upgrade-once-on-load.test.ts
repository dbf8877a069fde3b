// A board (and a private document) stored in version 1 of the schema, as that version wrote it, is upgraded by
// the server when it loads it: once, stored, with the same exports byte for byte (the golden files, written by
// version 1); and a device that still holds version-1 notes reconnects without being closed, keeping on the
// device what it typed in them offline.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NOTE, SCHEMA_VERSION, initBoard, isVersion1Note, readBoard, roots } from '../../shared/schema.js'
import { writeSession } from '../../shared/sessionDoc.js'
import { keepUpgradedNotes, readLocalDrafts, version1Notes, type DraftStorage } from '../../client/src/lib/localDrafts.js'
import { privateDocId } from '../../server/rooms.js'
import { hashSecret } from '../../server/workshop.js'
import type { Role } from '../../shared/workshop.js'
import { persianShop } from '../shared/fixtures/journeyBoards.js'
import { stockClient, synced, type StockClient } from '../helpers/clients.js'
import { closeCode, settle } from '../helpers/crafted.js'
import { asVersion1, version1PrivateDoc, version1Text } from '../helpers/schemaV1.js'
import { startTestServer, type TestServer } from '../helpers/server.js'

const golden = (ext: string) => readFileSync(new URL(`../shared/golden/fa-shop.${ext}`, import.meta.url), 'utf8')
const BOARD = 'board-in-version-1'
/** The Persian shop's people: p1, p2 and p3 wrote its notes; fac runs it. */
const token = (personId: string) => `token-of-${personId}`

let srv: TestServer
const clients: StockClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await srv?.close()
})

/** Stores `board` (by default the Persian shop after its workshop) in version 1, with its people. */
async function storeVersion1Board(s: TestServer, board = persianShop()) {
  const v1 = asVersion1(board)
  await s.store.createBoard({ id: BOARD, title: readBoard(v1).title, facilitatorKeyHash: hashSecret('key'), createdAt: 1 }, Y.encodeStateAsUpdate(v1))
  const people: [string, Role][] = [['fac', 'facilitator'], ['p1', 'participant'], ['p2', 'participant'], ['p3', 'participant']]
  for (const [id, role] of people) {
    await s.store.addParticipant({ id, boardId: BOARD, name: id, color: '#000', role, tokenHash: hashSecret(token(id)), revoked: false, joinedAt: 1, ballot: {} })
  }
  return v1
}

async function exported(s: TestServer, format: 'md' | 'csv' | 'json') {
  const res = await fetch(`${s.url}/api/boards/${BOARD}/export?format=${format}&lang=fa`, { headers: { authorization: `Bearer ${token('fac')}` } })
  expect(res.status).toBe(200)
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()) // the CSV's byte order mark too
}

async function exportsAreGolden(s: TestServer) {
  expect(await exported(s, 'json')).toBe(golden('json'))
  expect(await exported(s, 'md')).toBe(golden('md'))
  expect(await exported(s, 'csv')).toBe(golden('csv'))
}

/** Counts what the server appends to each document's log from now on. */
function countAppends(s: TestServer) {
  const counts = new Map<string, number>()
  const append = s.store.append.bind(s.store)
  s.store.append = (docId, update) => (counts.set(docId, (counts.get(docId) ?? 0) + 1), append(docId, update))
  return (docId: string) => counts.get(docId) ?? 0
}

async function open(s: TestServer, docId: string, personId: string, doc?: Y.Doc) {
  const c = stockClient(s.wsUrl, docId, { token: token(personId) }, doc)
  clients.push(c)
  await synced(c)
  return c
}

const records = (doc: Y.Doc) => [...roots(doc).notes.values()]

describe('a board stored in version 1', () => {
  it('is upgraded when it loads, once, and exports the same bytes before and after', async () => {
    srv = await startTestServer()
    const v1 = await storeVersion1Board(srv)
    // Before anyone loads it: exported from the store as version 1 holds it.
    await exportsAreGolden(srv)

    const appends = countAppends(srv)
    const fac = await open(srv, BOARD, 'fac')
    expect(appends(BOARD)).toBe(1) // the upgrade, stored before the first answer
    expect(readBoard(fac.doc).schemaVersion).toBe(SCHEMA_VERSION)
    expect(records(fac.doc).some(isVersion1Note)).toBe(false)
    expect(records(fac.doc).every((m) => [...m.keys()].sort().join() === 'f,k,p,t' && m.get(NOTE.text) instanceof Y.Text)).toBe(true)
    expect(readBoard(fac.doc).notes).toEqual(readBoard(v1).notes)
    await exportsAreGolden(srv)

    // Unloaded, compacted, and loaded again by a new process: nothing is upgraded twice.
    clients.splice(0).forEach((c) => c.destroy())
    await settle(800)
    await srv.close()
    srv = await startTestServer({ dataDir: srv.dataDir })
    const again = countAppends(srv)
    const later = await open(srv, BOARD, 'p1')
    await settle()
    expect(again(BOARD)).toBe(0)
    expect(readBoard(later.doc).notes).toEqual(readBoard(v1).notes)
    await exportsAreGolden(srv)
  })

  it('has its private documents upgraded the same way, once', async () => {
    srv = await startTestServer()
    const board = new Y.Doc()
    initBoard(board, 'کارگاه', ['آگاهی'], () => 'stage-1', 1)
    writeSession(board, { phase: 'ideate' }) // writing privately
    await storeVersion1Board(srv, board)
    const note = { id: 'p2-private', stageId: 'stage-1', clusterId: null, kind: 'idea' as const, text: 'هنوز خصوصی', authorId: 'p2', order: 'a0', createdAt: 5 }
    await srv.store.append(privateDocId(BOARD, 'p2'), Y.encodeStateAsUpdate(version1PrivateDoc([note])))

    const appends = countAppends(srv)
    const own = await open(srv, `${BOARD}/private`, 'p2')
    expect(appends(privateDocId(BOARD, 'p2'))).toBe(1)
    expect(records(own.doc).map((m) => [...m.keys()].sort().join())).toEqual(['f,k,p,t'])
    expect(readBoard(own.doc).notes).toEqual([note])

    clients.splice(0).forEach((c) => c.destroy())
    await settle(800)
    await srv.close()
    srv = await startTestServer({ dataDir: srv.dataDir })
    const again = countAppends(srv)
    const later = await open(srv, `${BOARD}/private`, 'p2')
    await settle()
    expect(again(privateDocId(BOARD, 'p2'))).toBe(0)
    expect(readBoard(later.doc).notes).toEqual([note])
  })

  it('takes back a device that still holds its notes in version 1: kept open, and what it typed offline kept on the device', async () => {
    srv = await startTestServer()
    const v1 = await storeVersion1Board(srv)
    // p1's device synced the board before the upgrade, then typed offline in n1, one of p1's notes.
    const device = new Y.Doc()
    Y.applyUpdate(device, Y.encodeStateAsUpdate(v1))
    version1Text(device, 'n1').insert(0, 'آفلاین: ')
    const before = version1Notes(device)
    expect(before).toHaveLength(readBoard(v1).notes.length)

    const c = stockClient(srv.wsUrl, BOARD, { token: token('p1') }, device)
    clients.push(c)
    const closed = closeCode(c)
    await Promise.race([synced(c), closed.then((code) => Promise.reject(new Error(`closed with ${code}`)))])
    const outcome = await Promise.race([closed, settle(600).then(() => 'open')])
    expect(outcome).toBe('open')
    expect(c.provider.wsconnected).toBe(true)
    // The edits landed in records the upgrade replaced: the board is as it was, here and on the server.
    expect(records(device).some(isVersion1Note)).toBe(false)
    expect(readBoard(device).notes).toEqual(readBoard(v1).notes)
    await exportsAreGolden(srv)

    // What the client does once synced: its own note whose text the board lacks becomes a draft on the device.
    const storage = memoryStorage()
    expect(keepUpgradedNotes(BOARD, 'p1', before, device, { storage, now: 7 })).toBe(1)
    expect(readLocalDrafts(BOARD, 'p1', storage)).toEqual([
      { id: 'n1', stageId: readBoard(v1).stages[0]!.id, kind: 'touchpoint', text: 'آفلاین: تبلیغ قابلمه چدنی در استوری اینستاگرام', code: 'upgraded', savedAt: 7 },
    ])
    // Only one's own notes: on p2's device nothing of p1's is kept.
    expect(keepUpgradedNotes(BOARD, 'p2', before, device, { storage })).toBe(0)
  })
})

function memoryStorage(): DraftStorage {
  const m = new Map<string, string>()
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) }
}
