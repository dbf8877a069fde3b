// The joiners' cache, against a fake socket: whatever it answers, a fresh client that applies it holds
// exactly the doc's state; the full state is encoded once and reused, and is dropped when it would lie
// or cost more than encoding afresh.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { JoinersCache } from '../../server/joinersCache.js'
import { Room } from '../../server/room.js'
import { fakeConnection, identity, MemoryLog, testPolicy } from '../helpers/fakeSocket.js'

const EMPTY = Y.encodeStateVector(new Y.Doc())

/** A doc whose every change is reported to the cache, as the room does. */
function trackedDoc(cache: JoinersCache) {
  const doc = new Y.Doc()
  doc.on('update', (u: Uint8Array) => cache.changed(u))
  return doc
}

/** Sends the cache's answer through a Connection over a fake socket; returns what a fresh client holds. */
function joinerOf(cache: JoinersCache, doc: Y.Doc, stateVector = EMPTY, start?: Y.Doc) {
  const { socket, conn } = fakeConnection()
  const frames = cache.answer(doc, stateVector)
  conn.sendAll(frames)
  const joiner = start ?? new Y.Doc()
  socket.applyTo(joiner)
  return { joiner, frames, socket }
}

function expectSameState(a: Y.Doc, b: Y.Doc) {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
  expect(a.getMap('notes').toJSON()).toEqual(b.getMap('notes').toJSON())
}

describe('JoinersCache', () => {
  it('answers a fresh joiner with the whole state, encoded once and reused while nothing changes', () => {
    const cache = new JoinersCache()
    const doc = trackedDoc(cache)
    for (let i = 0; i < 50; i++) doc.getMap('notes').set(`n${i}`, `note ${i} `.repeat(10))
    const first = joinerOf(cache, doc)
    expect(first.frames).toHaveLength(1)
    expect(first.socket.decoded().map((m) => m.type)).toEqual(['syncStep2'])
    expect(first.socket.writes).toBe(1)
    expectSameState(first.joiner, doc)
    const second = joinerOf(cache, doc)
    expect(second.frames[0]).toBe(first.frames[0]) // the very same bytes, not encoded again
    expectSameState(second.joiner, doc)
  })

  it('adds the changes since the cached state, merged into one frame, and stays exact after each', () => {
    const cache = new JoinersCache()
    const doc = trackedDoc(cache)
    for (let i = 0; i < 80; i++) doc.getMap('notes').set(`n${i}`, `a fairly long note number ${i}`)
    const base = joinerOf(cache, doc).frames[0]
    for (let round = 0; round < 4; round++) {
      doc.getMap('notes').set(`n${round}`, `edited ${round}`)
      doc.getMap('notes').delete(`n${40 + round}`)
      const { frames, joiner, socket } = joinerOf(cache, doc)
      expect(frames).toHaveLength(2)
      expect(frames[0]).toBe(base)
      expect(socket.decoded().map((m) => m.type)).toEqual(['syncStep2', 'update'])
      expectSameState(joiner, doc)
      // The merged changes are encoded once for every joiner until the next change.
      expect(joinerOf(cache, doc).frames[1]).toBe(frames[1])
    }
  })

  it('drops the cached state once the changes since grow past a quarter of it', () => {
    const cache = new JoinersCache()
    const doc = trackedDoc(cache)
    for (let i = 0; i < 20; i++) doc.getMap('notes').set(`n${i}`, 'x'.repeat(20))
    const base = joinerOf(cache, doc).frames[0]!
    doc.getMap('notes').set('big', 'y'.repeat(base.length)) // more than a quarter of the cached frame
    expect(cache.holdsFullState).toBe(false)
    const { frames, joiner } = joinerOf(cache, doc)
    expect(frames).toHaveLength(1)
    expect(frames[0]).not.toBe(base)
    expectSameState(joiner, doc)
    expect(cache.holdsFullState).toBe(true)
  })

  it('is dropped on reset, when the doc is replaced', () => {
    const cache = new JoinersCache()
    const doc = trackedDoc(cache)
    doc.getMap('notes').set('a', 'kept')
    const base = joinerOf(cache, doc).frames[0]
    // The room replaces its doc (reload) with one that lacks what the old one held.
    const replacement = trackedDoc(cache)
    Y.applyUpdate(replacement, Y.encodeStateAsUpdate(doc))
    cache.reset()
    replacement.getMap('notes').set('b', 'after reload')
    const { frames, joiner } = joinerOf(cache, replacement)
    expect(frames).toHaveLength(1)
    expect(frames[0]).not.toBe(base)
    expectSameState(joiner, replacement)
  })

  it('answers a client that has part of the doc with exactly what it lacks, bypassing the cache', () => {
    const cache = new JoinersCache()
    const doc = trackedDoc(cache)
    doc.getMap('notes').set('a', 'one')
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    doc.getMap('notes').set('b', 'two')
    const { frames, joiner } = joinerOf(cache, doc, Y.encodeStateVector(client), client)
    expect(frames).toHaveLength(1)
    expect(frames[0]!.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length + 8)
    expectSameState(joiner, doc)
    expect(cache.holdsFullState).toBe(false) // nothing cached for a partial answer
  })
})

describe('a room answering fresh joiners through its cache', () => {
  it('gives each fresh joiner exactly the current state, between edits and after a refused edit', async () => {
    const store = new MemoryLog()
    const seed = new Y.Doc()
    seed.getMap('notes').set('seed', 'from the store')
    await store.append('doc', Y.encodeStateAsUpdate(seed))
    let refuse = false
    const room = new Room('doc', store.asStore(), 1, {
      compactEvery: 1000,
      policy: testPolicy(['notes'], () => refuse),
      onEmpty: () => {},
      onFailed: () => {},
    })
    room.load((await store.loadLog('doc')).updates)
    const writer = fakeConnection(identity())
    room.join(writer.conn)
    const editor = new Y.Doc()
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(room.doc))
    const edit = (fn: (m: Y.Map<unknown>) => void) => {
      const before = Y.encodeStateVector(editor)
      fn(editor.getMap('notes'))
      room.receive(writer.conn, { type: 'update', update: Y.encodeStateAsUpdate(editor, before) })
    }
    const freshJoiner = async () => {
      const j = fakeConnection(identity({ role: 'observer' }))
      room.join(j.conn)
      room.receive(j.conn, { type: 'syncStep1', stateVector: EMPTY })
      await room.settle()
      const doc = new Y.Doc()
      j.socket.applyTo(doc)
      expect(j.socket.decoded().at(-1)?.type).toBe('syncStep1') // and the room asks for its state
      room.leave(j.conn)
      return doc
    }
    for (let round = 0; round < 6; round++) {
      edit((m) => m.set(`r${round}`, 'z'.repeat(round * 30)))
      await room.settle()
      expectSameState(await freshJoiner(), room.doc)
    }
    // A refused edit never touches the doc: the cache must not hold it either.
    const kept = room.doc.getMap('notes').toJSON()
    refuse = true
    edit((m) => m.set('refused', 'never stored'))
    await room.settle()
    refuse = false
    expect(writer.socket.closed?.code).toBe(4403)
    expect(room.doc.getMap('notes').toJSON()).toEqual(kept)
    const after = await freshJoiner()
    expect(after.getMap('notes').has('refused')).toBe(false)
    expectSameState(after, room.doc)
    room.destroy()
  })
})
