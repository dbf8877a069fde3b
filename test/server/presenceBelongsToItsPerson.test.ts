// Presence against fake sockets: an awareness id belongs to the person whose connection first used it,
// across reconnects and across processes; nobody else can overwrite or remove it; batching sends one
// frame per connection per batch; and what is remembered about owners stays bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Bus, BusMessage } from '../../server/bus.js'
import type { Connection } from '../../server/connection.js'
import { PresenceRelay } from '../../server/presenceRelay.js'
import { Room } from '../../server/room.js'
import { presenceUpdate } from '../helpers/crafted.js'
import { fakeConnection, identity, MemoryLog, testPolicy, type FakeSocket } from '../helpers/fakeSocket.js'


const BATCH = 200 // longer than any presence batch in these small rooms

let relay: PresenceRelay
let conns: Set<Connection>
let published: BusMessage[]

function setUp(opts: { bus?: boolean; releasedOwnersMax?: number } = {}) {
  conns = new Set()
  published = []
  const bus: Bus | undefined = opts.bus
    ? {
        subscribe: async () => {},
        unsubscribe: async () => {},
        publish: (_doc, msg) => void published.push(msg),
        onReconnect: () => {},
        close: async () => {},
      }
    : undefined
  const extra = opts.releasedOwnersMax === undefined ? {} : { releasedOwnersMax: opts.releasedOwnersMax }
  relay = new PresenceRelay(conns, 'board', bus, extra)
}

function connect(who = identity()) {
  const c = fakeConnection(who)
  conns.add(c.conn)
  relay.join(c.conn)
  return c
}

function disconnect(c: { conn: Connection }) {
  c.conn.closed = true
  conns.delete(c.conn)
  relay.leave(c.conn)
}

const settle = () => vi.advanceTimersByTime(BATCH)
const seenBy = (socket: FakeSocket) => socket.presenceSeen()

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  relay?.destroy()
  vi.useRealTimers()
})

describe('PresenceRelay', () => {
  it('stamps presence with the person and keeps others from overwriting or removing it', () => {
    setUp()
    const a = connect(identity({ name: 'Amina' }))
    const b = connect(identity({ name: 'Bo' }))
    const c = connect(identity({ role: 'observer' }))
    relay.receive(a.conn, presenceUpdate([[101, 1, { cursor: { x: 1, y: 1 }, user: { name: 'The facilitator' } }]]))
    relay.receive(b.conn, presenceUpdate([[202, 1, { cursor: { x: 2, y: 2 } }]]))
    settle()
    expect(seenBy(c.socket).get(101)).toMatchObject({ cursor: { x: 1, y: 1 }, user: { id: a.conn.identity.id, name: 'Amina' } })

    // b writes over a's id, then tries to remove it, both with newer clocks, alongside its own.
    relay.receive(b.conn, presenceUpdate([[101, 5, { cursor: { x: 9, y: 9 } }], [202, 2, { cursor: { x: 3, y: 3 } }]]))
    relay.receive(b.conn, presenceUpdate([[101, 6, null]]))
    settle()
    expect(relay.awareness.getStates().get(101)).toMatchObject({ cursor: { x: 1, y: 1 }, user: { name: 'Amina' } })
    expect(seenBy(c.socket).get(101)).toMatchObject({ cursor: { x: 1, y: 1 }, user: { name: 'Amina' } })
    expect(seenBy(c.socket).get(202)).toMatchObject({ cursor: { x: 3, y: 3 }, user: { name: 'Bo' } })
    expect(b.conn.awarenessIds).toEqual(new Set([202]))
    expect(relay.ownerOf(101)).toBe(a.conn.identity.id)

    // A connection's ids are removed for everyone when it closes.
    disconnect(a)
    settle()
    expect(seenBy(c.socket).has(101)).toBe(false)
    expect(seenBy(b.socket).has(101)).toBe(false)
  })

  it('keeps an id for its person while they are away and after they reconnect', () => {
    setUp()
    const amina = identity({ name: 'Amina' })
    const a1 = connect(amina)
    const b = connect(identity({ name: 'Bo' }))
    const c = connect(identity({ role: 'observer' }))
    relay.receive(a1.conn, presenceUpdate([[101, 3, { cursor: 'first' }]]))
    settle()
    disconnect(a1)
    settle()
    expect(seenBy(c.socket).has(101)).toBe(false)

    // While Amina is away, Bo cannot take her id.
    relay.receive(b.conn, presenceUpdate([[101, 4, { cursor: 'taken' }]]))
    settle()
    expect(relay.awareness.getStates().has(101)).toBe(false)
    expect(seenBy(c.socket).has(101)).toBe(false)

    // Amina reconnects with the same id: it is hers again.
    const a2 = connect(amina)
    relay.receive(a2.conn, presenceUpdate([[101, 5, { cursor: 'back' }]]))
    settle()
    expect(seenBy(c.socket).get(101)).toMatchObject({ cursor: 'back', user: { id: amina.id } })
    expect(a2.conn.awarenessIds).toEqual(new Set([101]))

    // And after her reconnect Bo can neither overwrite nor remove it.
    relay.receive(b.conn, presenceUpdate([[101, 9, { cursor: 'overwritten' }]]))
    relay.receive(b.conn, presenceUpdate([[101, 10, null]]))
    settle()
    expect(seenBy(c.socket).get(101)).toMatchObject({ cursor: 'back', user: { id: amina.id } })
    expect(seenBy(b.socket).get(101)).toMatchObject({ cursor: 'back' })

    // Her new connection's close removes it, as the first one's did.
    disconnect(a2)
    settle()
    expect(seenBy(c.socket).has(101)).toBe(false)
  })

  it('lets the same person take over from a connection that has not noticed it is gone', () => {
    setUp()
    const amina = identity()
    const a1 = connect(amina)
    const c = connect(identity({ role: 'observer' }))
    relay.receive(a1.conn, presenceUpdate([[101, 1, { cursor: 'old tab' }]]))
    const a2 = connect(amina) // reconnected before the server saw the first socket close
    relay.receive(a2.conn, presenceUpdate([[101, 2, { cursor: 'new socket' }]]))
    settle()
    expect(a1.conn.awarenessIds.size).toBe(0)
    expect(a2.conn.awarenessIds).toEqual(new Set([101]))
    disconnect(a1) // the old socket's close must not remove what the new one shows
    settle()
    expect(seenBy(c.socket).get(101)).toMatchObject({ cursor: 'new socket' })
    disconnect(a2)
    settle()
    expect(seenBy(c.socket).has(101)).toBe(false)
  })

  it('batches: one frame per connection per batch, and one shared frame of everyone for newcomers', () => {
    setUp()
    const people = Array.from({ length: 5 }, () => connect())
    people.forEach((p, i) => relay.receive(p.conn, presenceUpdate([[1000 + i, 1, { cursor: i }]])))
    for (let move = 2; move < 12; move++) relay.receive(people[0]!.conn, presenceUpdate([[1000, move, { cursor: move }]]))
    for (const p of people) expect(p.socket.frames).toHaveLength(0) // nothing before the batch ends
    settle()
    for (const p of people) {
      // They joined when nobody had presence, so they get the batch of changes: one frame with all five.
      expect(p.socket.frames).toHaveLength(1)
      expect([...seenBy(p.socket).keys()].sort()).toEqual([1000, 1001, 1002, 1003, 1004])
      expect(seenBy(p.socket).get(1000)).toMatchObject({ cursor: 11 })
    }
    const newcomer = connect()
    relay.receive(people[1]!.conn, presenceUpdate([[1001, 2, { cursor: 'moved' }]]))
    settle()
    expect(newcomer.socket.frames).toHaveLength(1) // everyone's presence, once
    expect(seenBy(newcomer.socket).size).toBe(5)
    expect(seenBy(newcomer.socket).get(1001)).toMatchObject({ cursor: 'moved' })
    for (const p of people) expect(p.socket.frames).toHaveLength(2) // only the change
    settle()
    for (const p of [...people, newcomer]) expect(p.socket.frames.length).toBeLessThanOrEqual(2) // quiet: nothing sent
  })

  it('records owners from the bus, so another process admits nobody else for those ids', () => {
    setUp({ bus: true })
    const remote = new Awareness(new Y.Doc())
    remote.setLocalState({ cursor: 'elsewhere', user: { id: 'far-away', name: 'Far', color: '#000', role: 'participant' } })
    relay.fromBus(encodeAwarenessUpdate(remote, [remote.clientID]))
    expect(relay.ownerOf(remote.clientID)).toBe('far-away')
    const b = connect()
    const c = connect(identity({ role: 'observer' }))
    relay.receive(b.conn, presenceUpdate([[remote.clientID, 99, { cursor: 'mine now' }]]))
    settle()
    expect(relay.awareness.getStates().get(remote.clientID)).toMatchObject({ cursor: 'elsewhere' })
    expect(seenBy(c.socket).get(remote.clientID)).toMatchObject({ cursor: 'elsewhere' })
    // Nothing heard from the bus goes back to it; b's refused write published nothing either.
    expect(published).toHaveLength(0)

    // The same person's connection on this process may use it (they moved here from the other process).
    const farHere = connect(identity({ id: 'far-away' }))
    relay.receive(farHere.conn, presenceUpdate([[remote.clientID, 100, { cursor: 'moved here' }]]))
    settle()
    expect(seenBy(c.socket).get(remote.clientID)).toMatchObject({ cursor: 'moved here' })
    expect(published.map((m) => m.kind)).toEqual(['awareness'])

    // A state from the bus stamped for someone else, on an id a local person owns, is not taken in.
    const a = connect()
    relay.receive(a.conn, presenceUpdate([[555, 1, { cursor: 'local' }]]))
    relay.fromBus(presenceUpdate([[555, 7, { cursor: 'race', user: { id: 'somebody-else' } }]]))
    settle()
    expect(relay.awareness.getStates().get(555)).toMatchObject({ cursor: 'local', user: { id: a.conn.identity.id } })
    remote.destroy()
  })

  it('remembers owners of ids whose state is gone only up to a cap, oldest forgotten first', () => {
    setUp({ releasedOwnersMax: 3 })
    const c = connect(identity({ role: 'observer' }))
    const owner = identity()
    for (let i = 0; i < 10; i++) {
      const p = connect(owner)
      relay.receive(p.conn, presenceUpdate([[500 + i, 1, { n: i }]]))
      disconnect(p)
    }
    settle()
    expect(relay.rememberedOwners).toBe(3)
    expect(relay.awareness.meta.size).toBeLessThanOrEqual(3 + 1) // +1: the server's own (empty) id
    expect([507, 508, 509].map((id) => relay.ownerOf(id))).toEqual([owner.id, owner.id, owner.id])
    expect(relay.ownerOf(500)).toBeUndefined()
    // A forgotten id is free again (its clock is forgotten too: clients still know the old one, so a
    // newer clock is what they take); a remembered one is not.
    const b = connect()
    relay.receive(b.conn, presenceUpdate([[500, 5, { n: 'b' }], [509, 5, { n: 'b' }]]))
    settle()
    expect(seenBy(c.socket).get(500)).toMatchObject({ n: 'b' })
    expect(seenBy(c.socket).has(509)).toBe(false)
    // Held ids are never forgotten, however many are released.
    for (let i = 0; i < 10; i++) {
      const p = connect()
      relay.receive(p.conn, presenceUpdate([[700 + i, 1, {}]]))
      disconnect(p)
    }
    expect(relay.ownerOf(500)).toBe(b.conn.identity.id)
  })
})

describe('a room delegating presence', () => {
  it('relays awareness and answers queries through its presence relay', async () => {
    const room = new Room('doc', new MemoryLog().asStore(), 0, {
      compactEvery: 1000,
      policy: testPolicy(),
      onEmpty: () => {},
      onFailed: () => {},
    })
    const a = fakeConnection(identity({ name: 'Amina' }))
    const b = fakeConnection(identity())
    room.join(a.conn)
    room.join(b.conn)
    a.conn.askedForState = b.conn.askedForState = true
    room.receive(a.conn, { type: 'awareness', update: presenceUpdate([[101, 1, { cursor: 1 }]]) })
    room.receive(b.conn, { type: 'awareness', update: presenceUpdate([[101, 2, { cursor: 'b' }]]) })
    settle()
    expect(b.socket.presenceSeen().get(101)).toMatchObject({ cursor: 1, user: { name: 'Amina' } })
    b.socket.clear()
    room.receive(b.conn, { type: 'queryAwareness' })
    expect(b.socket.frames).toHaveLength(1)
    expect(b.socket.presenceSeen().get(101)).toMatchObject({ cursor: 1 })
    room.leave(a.conn)
    settle()
    expect(b.socket.presenceSeen().has(101)).toBe(false)
    room.destroy()
  })
})
