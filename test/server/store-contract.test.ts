import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { privateDocId } from '../../server/rooms.js'
import { PostgresStore } from '../../server/storage/postgres.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import type { Store } from '../../server/storage/store.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'
import { PG_URL, pgSchema, postgresMissing } from '../helpers/services.js'
import { tempDir } from '../helpers/server.js'

const pgReason = await postgresMissing()
const schema = pgSchema()
afterAll(async () => {
  if (!pgReason) await schema.drop()
})

const stores: [string, () => Store, string | null][] = [
  ['SQLite', () => new SqliteStore(tempDir()), null],
  ['PostgreSQL', () => new PostgresStore(PG_URL, schema.name), pgReason],
]

describe.each(stores)('the %s store', (name, make, skipReason) => {
  const run = skipReason ? it.skip : it
  let n = 0
  const person = (boardId: string) => ({
    id: `p${++n}`, boardId, name: 'زهرا', color: '#000', role: 'participant' as const, tokenHash: `h${n}-${Math.random()}`,
    revoked: false, joinedAt: Date.now() + n, ballot: {},
  })
  const board = async (store: Store) => {
    const id = `b-${Math.random().toString(36).slice(2)}`
    const doc = new Y.Doc()
    initBoard(doc, 'نقشه', ['الف', 'ب'], () => Math.random().toString(36).slice(2))
    await store.createBoard({ id, title: 'نقشه', facilitatorKeyHash: 'k', createdAt: 1 }, Y.encodeStateAsUpdate(doc))
    return { id, doc }
  }

  run('keeps boards and people, finds people by token, updates roles and removals', async () => {
    const store = make()
    const { id } = await board(store)
    expect(await store.getBoard(id)).toMatchObject({ id, title: 'نقشه', facilitatorKeyHash: 'k', createdAt: 1 })
    expect(await store.getBoard('missing')).toBeUndefined()
    const p = person(id)
    await store.addParticipant(p)
    expect(await store.findParticipant(id, p.tokenHash)).toMatchObject({ id: p.id, name: 'زهرا', role: 'participant' })
    expect(await store.findParticipant('other', p.tokenHash)).toBeUndefined()
    await store.updateParticipant(id, p.id, { role: 'facilitator' })
    await store.updateParticipant(id, p.id, { revoked: true })
    expect((await store.listParticipants(id))[0]).toMatchObject({ role: 'facilitator', revoked: true })
    await store.close()
  })

  run('spends a ballot atomically: 20 concurrent votes against a budget of 5 keep exactly 5', async () => {
    const store = make()
    const { id } = await board(store)
    const p = person(id)
    await store.addParticipant(p)
    const spend = () =>
      store.updateBallot(id, p.id, (b) => {
        const used = Object.values(b).reduce((a, x) => a + x, 0)
        if (used >= 5) throw new Error('over budget')
        return { ...b, item: (b.item ?? 0) + 1 }
      })
    const results = await Promise.allSettled(Array.from({ length: 20 }, spend))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5)
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.message === 'over budget')).toBe(true)
    expect((await store.listParticipants(id))[0]!.ballot).toEqual({ item: 5 })
    await store.close()
  })

  run('keeps each ballot with the voting round it was cast in', async () => {
    const store = make()
    const { id } = await board(store)
    const p = person(id)
    await store.addParticipant(p)
    const seen: [Record<string, number>, number][] = []
    const add = (round?: number) =>
      store.updateBallot(id, p.id, (b, ballotRound) => {
        seen.push([b, ballotRound])
        return { ...b, item: (b.item ?? 0) + 1 }
      }, round)
    await add() // a ballot stored before rounds is of the first
    await add(1)
    expect((await store.listParticipants(id))[0]).toMatchObject({ ballot: { item: 2 }, ballotRound: 1 })
    await add(2)
    expect(seen.at(-1)).toEqual([{ item: 2 }, 1]) // the caller decides what an older round's ballot is worth
    expect((await store.listParticipants(id))[0]).toMatchObject({ ballot: { item: 3 }, ballotRound: 2 })
    await store.close()
  })

  run('appends in order and compacts into one snapshot of the same state', async () => {
    const store = make()
    const { id, doc } = await board(store)
    const stageId = readBoard(doc).stages[0]!.id
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 30; i++) addNote(doc, { id: `n${i}`, stageId, kind: 'action', text: `کار ${i}`, authorId: 'a' })
    // One append at a time, as a room makes them: each lands after the one before.
    const seqs: number[] = []
    for (const u of updates) seqs.push(await store.append(id, u))
    expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true)
    const before = await store.loadLog(id)
    expect(before.updates).toHaveLength(31)
    expect(before.lastSeq).toBe(seqs.at(-1))
    await store.compact(id, before.lastSeq)
    const after = await store.loadLog(id)
    expect(after.updates).toHaveLength(1)
    expect(after.lastSeq).toBe(before.lastSeq)
    const a = new Y.Doc()
    after.updates.forEach((u) => Y.applyUpdate(a, u))
    expect(readBoard(a)).toEqual(readBoard(doc))
    // The log goes on after its snapshot, and a deleted board's log is gone: a new append starts it afresh.
    addNote(doc, { id: 'later', stageId, kind: 'idea', text: 'بعد از فشرده‌سازی', authorId: 'a' })
    const next = await store.append(id, updates.at(-1)!)
    expect(next).toBeGreaterThan(before.lastSeq)
    expect((await store.loadLog(id)).updates).toHaveLength(2)
    const someone = person(id)
    await store.addParticipant(someone)
    const privateId = privateDocId(id, someone.id)
    await store.append(privateId, updates[0]!)
    await store.deleteBoard(id, Date.now())
    expect((await store.loadLog(privateId)).updates).toHaveLength(0)
    expect(await store.append(privateId, updates[0]!)).toBeGreaterThan(0)
    expect((await store.loadLog(privateId)).updates).toHaveLength(1)
    await store.close()
  })

  run('appends after a board is created where its log was read before', async () => {
    const store = make()
    const id = `b-${Math.random().toString(36).slice(2)}`
    expect((await store.loadLog(id)).lastSeq).toBe(0) // someone asked for it before it existed
    const doc = new Y.Doc()
    initBoard(doc, 'نقشه', ['الف'], () => Math.random().toString(36).slice(2))
    await store.createBoard({ id, title: 'نقشه', facilitatorKeyHash: 'k', createdAt: 1 }, Y.encodeStateAsUpdate(doc))
    // A log end remembered from before the board existed would put this append on the board's first row.
    const seq = await store.append(id, Y.encodeStateAsUpdate(doc))
    expect(await store.loadLog(id)).toMatchObject({ lastSeq: seq, updates: { length: 2 } })
    await store.close()
  })

  // SQLite is one process's own file, so it takes the room's copy; PostgreSQL is shared by processes that
  // may have appended rows this one has not seen, so it merges its rows whatever the caller holds.
  run('compacts into what the room holds (SQLite) or what its rows hold (PostgreSQL)', async () => {
    const store = make()
    const { id, doc } = await board(store)
    const stageId = readBoard(doc).stages[0]!.id
    const updates: Uint8Array[] = []
    const keep = (u: Uint8Array) => updates.push(u)
    doc.on('update', keep)
    for (let i = 0; i < 10; i++) addNote(doc, { id: `h${i}`, stageId, kind: 'question', text: `چرا ${i}؟`, authorId: 'a' })
    let last = 0
    for (const u of updates) last = await store.append(id, u)
    const rowsState = readBoard(doc)
    doc.off('update', keep)
    addNote(doc, { id: 'unstored', stageId, kind: 'idea', text: 'فقط در حافظه', authorId: 'a' }) // never appended
    await store.compact(id, last, () => Y.encodeStateAsUpdate(doc))
    const after = await store.loadLog(id)
    expect(after.updates).toHaveLength(1)
    const a = new Y.Doc()
    Y.applyUpdate(a, after.updates[0]!)
    expect(readBoard(a)).toEqual(name === 'SQLite' ? readBoard(doc) : rowsState)
    expect(readBoard(a).notes).toHaveLength(name === 'SQLite' ? 11 : 10)
    await store.close()
  })
})
