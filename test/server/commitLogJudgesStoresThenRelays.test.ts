// The commit log of a room against fake sockets and an in-memory log: what arrives in one tick is judged,
// stored as one entry and only then relayed as one frame; a refused update is closed with its code and
// never stored nor relayed; honest work a rule of the moment refuses is kept as drafts before the revert
// is relayed; a store that fails closes everyone with 4503 and relays nothing.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Draft } from '../../shared/drafts.js'
import { CloseCode } from '../../shared/closeCodes.js'
import { BOARD_RULES } from '../../shared/rules.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'
import { writeSession } from '../../shared/sessionDoc.js'
import { DEFAULT_SESSION } from '../../shared/workshop.js'
import type { RoomPolicy } from '../../server/policy.js'
import { Room } from '../../server/room.js'
import { fakeConnection, identity, MemoryLog } from '../helpers/fakeSocket.js'

async function room(opts: { phase?: 'setup' | 'ideate' | 'vote'; failAppend?: () => boolean; keep?: RoomPolicy['keep'] } = {}) {
  const store = new MemoryLog()
  const seed = new Y.Doc()
  let n = 0
  initBoard(seed, 'رحلة', ['الوعي'], () => `s${n++}`)
  writeSession(seed, { phase: opts.phase ?? 'ideate', privateWriting: false })
  await store.append('b', Y.encodeStateAsUpdate(seed))
  const append = store.append.bind(store)
  const appended: Uint8Array[] = []
  store.append = (docId, update) => {
    if (opts.failAppend?.()) return Promise.reject(new Error('disk full'))
    appended.push(update)
    return append(docId, update)
  }
  const kept: { personId: string; drafts: Draft[] }[] = []
  const policy: RoomPolicy = {
    rules: BOARD_RULES,
    writer: (conn, doc) => ({ personId: conn.identity.id, role: conn.identity.role, session: { ...DEFAULT_SESSION, ...Object.fromEntries(doc.getMap('session')) } }),
    keep: opts.keep ?? (async (personId, drafts) => void kept.push({ personId, drafts })),
  }
  let failed = false
  const r = new Room('b', store.asStore(), 1, { compactEvery: 1000, policy, onEmpty() {}, onFailed: () => (failed = true) })
  r.load((await store.loadLog('b')).updates)
  return { r, store, kept, appended, failed: () => failed }
}

/** A client of the room: a doc that follows it, and the update of each change it makes. */
function client(r: Room, who = identity()) {
  const c = fakeConnection(who)
  r.join(c.conn)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(r.doc))
  const send = (change: (d: Y.Doc) => void) => {
    let update: Uint8Array | null = null
    const take = (u: Uint8Array) => (update = u)
    doc.on('update', take)
    change(doc)
    doc.off('update', take)
    r.receive(c.conn, { type: 'update', update: update! })
  }
  return { ...c, who, doc, send }
}

const stageOf = (d: Y.Doc) => readBoard(d).stages[0]!.id
const updatesTo = (c: ReturnType<typeof client>) => c.socket.decoded().filter((m) => m.type === 'update')

describe('the commit log', () => {
  it('stores what a tick brings as one entry, then relays it as one frame to everyone', async () => {
    const { r, store, appended } = await room()
    const [a, b, watcher] = [client(r), client(r), client(r)]
    a.send((d) => addNote(d, { id: 'a1', stageId: stageOf(d), kind: 'idea', text: 'أ', authorId: a.who.id }))
    b.send((d) => addNote(d, { id: 'b1', stageId: stageOf(d), kind: 'pain', text: 'ب', authorId: b.who.id }))
    expect(updatesTo(watcher)).toHaveLength(0) // nothing is seen before it is stored
    await r.settle()
    expect(appended).toHaveLength(1) // the tick as one entry
    expect(updatesTo(watcher)).toHaveLength(1)
    const stored = new Y.Doc()
    for (const u of (await store.loadLog('b')).updates) Y.applyUpdate(stored, u)
    expect(readBoard(stored).notes.map((x) => x.id).sort()).toEqual(['a1', 'b1'])
    watcher.socket.applyTo(watcher.doc)
    expect(readBoard(watcher.doc).notes.map((x) => x.id).sort()).toEqual(['a1', 'b1'])
    r.destroy()
  })

  it('closes a forger with 4403 and a sender of missing dependencies with 4509; neither is stored nor relayed', async () => {
    const { r, appended } = await room()
    const [forger, honest, watcher] = [client(r), client(r), client(r)]
    forger.send((d) => addNote(d, { id: 'f1', stageId: stageOf(d), kind: 'idea', authorId: honest.who.id }))
    const ahead = new Y.Doc()
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(r.doc))
    ahead.getMap('notes').set('x', new Y.Map())
    const gap = new Y.Doc()
    Y.applyUpdate(gap, Y.encodeStateAsUpdate(ahead))
    gap.clientID = ahead.clientID
    addNote(gap, { id: 'g1', stageId: stageOf(gap), kind: 'idea', authorId: honest.who.id })
    r.receive(honest.conn, { type: 'update', update: Y.encodeStateAsUpdate(gap, Y.encodeStateVector(ahead)) })
    await r.settle()
    expect(forger.socket.closed?.code).toBe(CloseCode.forbidden)
    expect(honest.socket.closed?.code).toBe(CloseCode.resync)
    expect(appended).toHaveLength(0)
    expect(updatesTo(watcher)).toHaveLength(0)
    expect(r.doc.store.pendingStructs).toBeNull()
    r.destroy()
  })

  it('keeps honest work the phase refuses as drafts before it relays the revert; the writer stays connected', async () => {
    const order: string[] = []
    const kept: Draft[] = []
    const { r } = await room({ phase: 'vote', keep: async (_p, drafts) => void (order.push('kept'), kept.push(...drafts)) })
    const [writer, watcher] = [client(r), client(r)]
    watcher.socket.write = (f) => (order.push('relayed'), watcher.socket.frames.push(f), true)
    writer.send((d) => addNote(d, { id: 'late', stageId: stageOf(d), kind: 'pain', text: 'متأخرة', authorId: writer.who.id }))
    await r.settle()
    expect(order).toEqual(['kept', 'relayed'])
    expect(kept).toMatchObject([{ id: 'late', text: 'متأخرة', code: 'phase' }])
    expect(writer.socket.closed).toBeNull()
    writer.socket.applyTo(writer.doc)
    expect(writer.doc.getMap('notes').has('late')).toBe(false) // reverted, also on the writer's copy
    expect(r.doc.getMap('notes').has('late')).toBe(false)
    r.destroy()
  })

  it("lets an observer's empty sync pass and closes one that writes with 4403", async () => {
    const { r, appended } = await room()
    const watcher = client(r, identity({ role: 'observer' }))
    r.receive(watcher.conn, { type: 'update', update: Y.encodeStateAsUpdate(watcher.doc, Y.encodeStateVector(r.doc)) })
    await r.settle()
    expect(watcher.socket.closed).toBeNull()
    watcher.send((d) => addNote(d, { id: 'o', stageId: stageOf(d), kind: 'idea', authorId: watcher.who.id }))
    await r.settle()
    expect(watcher.socket.closed?.code).toBe(CloseCode.forbidden)
    expect(appended).toHaveLength(0)
    r.destroy()
  })

  it('closes everyone with 4503 and relays nothing when the store fails, drafts included', async () => {
    let fail = false
    const { r, failed } = await room({ failAppend: () => fail })
    const [writer, watcher] = [client(r), client(r)]
    fail = true
    writer.send((d) => addNote(d, { id: 'n', stageId: stageOf(d), kind: 'idea', authorId: writer.who.id }))
    await r.settle()
    expect(writer.socket.closed?.code).toBe(CloseCode.storageUnavailable)
    expect(watcher.socket.closed?.code).toBe(CloseCode.storageUnavailable)
    expect(updatesTo(watcher)).toHaveLength(0)
    expect(failed()).toBe(true)

    const late = await room({ phase: 'vote', keep: () => Promise.reject(new Error('private doc down')) })
    const w2 = client(late.r)
    const w3 = client(late.r)
    w2.send((d) => addNote(d, { id: 'l', stageId: stageOf(d), kind: 'idea', text: 'x', authorId: w2.who.id }))
    await late.r.settle()
    expect(w2.socket.closed?.code).toBe(CloseCode.storageUnavailable) // the writer still holds the note
    expect(updatesTo(w3)).toHaveLength(0)
    r.destroy()
    late.r.destroy()
  })
})
