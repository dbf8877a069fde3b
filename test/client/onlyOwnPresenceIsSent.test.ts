// A board's provider sends this browser's own presence, to the server and to its other tabs, and never
// echoes back the presence it hears of others; destroying the provider stops it for good.
import * as bc from 'lib0/broadcastchannel'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { sendOnlyOwnAwareness } from '../../client/src/features/session/ownAwareness.js'
import { FakeWebSocket } from '../helpers/fakeWebSocket.js'

/** The client ids in each awareness message (type 1). */
const awarenessIds = (messages: Uint8Array[]) =>
  messages.flatMap((m) => {
    const d = decoding.createDecoder(m)
    if (decoding.readVarUint(d) !== 1) return []
    const u = decoding.createDecoder(decoding.readVarUint8Array(d))
    const ids: number[] = []
    for (let n = decoding.readVarUint(u); n > 0; n--) {
      ids.push(decoding.readVarUint(u))
      decoding.readVarUint(u)
      decoding.readVarString(u)
    }
    return [ids]
  })

const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((f) => f())
  FakeWebSocket.sent = []
})

describe('presence a browser sends', () => {
  it('is its own only, over the socket and to its other tabs, until the provider is destroyed', async () => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider('ws://board.test/ws', 'b1', doc, {
      WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
    })
    sendOnlyOwnAwareness(provider)
    const tabs: Uint8Array[] = []
    const onTab = (data: Uint8Array, origin: unknown) => origin === provider && tabs.push(new Uint8Array(data))
    bc.subscribe(provider.bcChannel, onTab)
    cleanups.push(() => bc.unsubscribe(provider.bcChannel, onTab), () => doc.destroy())
    await new Promise((r) => setTimeout(r, 0))
    expect(provider.wsconnected).toBe(true)
    FakeWebSocket.sent = []
    tabs.length = 0

    // Someone else's cursor arrives, moves, and times out: none of it goes back.
    const other = new Awareness(new Y.Doc())
    for (let x = 0; x < 5; x++) {
      other.setLocalState({ cursor: { x } })
      applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), provider)
    }
    other.setLocalState(null)
    applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), provider)
    expect(awarenessIds(FakeWebSocket.sent)).toEqual([])
    expect(awarenessIds(tabs)).toEqual([])

    // This browser's own changes do, and only they.
    provider.awareness.setLocalStateField('cursor', { x: 1 })
    provider.awareness.setLocalState(null)
    const own = [[doc.clientID], [doc.clientID]]
    expect(awarenessIds(FakeWebSocket.sent)).toEqual(own)
    expect(awarenessIds(tabs)).toEqual(own)

    // Destroyed: the provider's own destroy removes the handler that replaced its own.
    const listeners = () => (provider.awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0
    const before = listeners()
    provider.destroy()
    expect(listeners()).toBe(before - 1)
    FakeWebSocket.sent = []
    tabs.length = 0
    provider.awareness.setLocalState({ cursor: { x: 2 } })
    expect(FakeWebSocket.sent).toEqual([])
    expect(tabs).toEqual([])
    other.destroy()
  })
})
