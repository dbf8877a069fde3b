// What the server sends is kept on the device as the bytes that arrived, without Yjs encoding it again for
// the 'update' listeners (the provider's, which ignores the server's own, and y-indexeddb's); this
// browser's own changes still go to the server and to the device; and where anyone else listens for
// 'update', the provider's own handler runs as before.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { storeAsReceived } from '../../client/src/features/session/storeAsReceived.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'
import { FakeWebSocket } from '../helpers/fakeWebSocket.js'

/** A y-websocket sync message: step 2 (the answer to the client's state) or an update. */
const syncMessage = (type: 'step2' | 'update', update: Uint8Array) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, type === 'step2' ? 1 : 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** The Yjs updates among the messages the client sent (sync, update). */
const sentUpdates = () =>
  FakeWebSocket.sent.flatMap((m) => {
    const d = decoding.createDecoder(m)
    return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2 ? [decoding.readVarUint8Array(d)] : []
  })

const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((f) => f())
  FakeWebSocket.sent = []
})

async function connected() {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider('ws://board.test/ws', 'b1', doc, {
    WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
  })
  // y-indexeddb's persistence as the function needs it: a listener on 'update' that skips its own origin.
  const stored: { update: Uint8Array; origin: unknown }[] = []
  const store = { _storeUpdate: (update: Uint8Array, origin: unknown) => void stored.push({ update, origin }) }
  doc.on('update', store._storeUpdate)
  storeAsReceived(provider, store)
  cleanups.push(() => provider.destroy(), () => doc.destroy())
  await new Promise((r) => setTimeout(r, 0))
  expect(provider.wsconnected).toBe(true)
  FakeWebSocket.sent = []
  /** Whether anyone listened for 'update' while the transaction that took in the server's bytes ran. */
  const encodedFor: boolean[] = []
  doc.on('afterTransaction', (tr) => tr.origin === provider && encodedFor.push(doc._observers.has('update')))
  const ws = provider.ws as unknown as FakeWebSocket
  return { doc, provider, stored, encodedFor, ws }
}

/** A board of `n` notes on the server's side, and the update that holds it. */
function serverBoard(n: number) {
  const server = new Y.Doc()
  let id = 0
  initBoard(server, 'رحلة العميل', ['الاكتشاف', 'الشراء', 'ما بعد البيع'], () => `s${id++}`)
  const stageId = readBoard(server).stages[1]!.id
  for (let i = 0; i < n; i++) addNote(server, { id: `n${i}`, stageId, kind: 'pain', text: `الملاحظة ${i}: تأخر التوصيل`, authorId: 'p1' })
  return { server, stageId }
}

describe('what the server sends', () => {
  it('is applied with no one listening for updates and stored as the bytes that came, then the device’s own writes go out and are kept', async () => {
    const { doc, provider, stored, encodedFor, ws } = await connected()
    const { server, stageId } = serverBoard(50)
    const whole = Y.encodeStateAsUpdate(server)

    ws.receive(syncMessage('step2', whole))
    expect(readBoard(doc).notes).toHaveLength(50)
    expect(provider.synced).toBe(true)
    expect(encodedFor).toEqual([false])
    expect(stored).toHaveLength(1)
    expect(stored[0]!.origin).toBe(provider)
    expect(stored[0]!.update).toEqual(whole)
    expect(sentUpdates()).toEqual([]) // nothing of the server's goes back

    // A change someone else made arrives as an update message: the same.
    const sv = Y.encodeStateVector(server)
    addNote(server, { id: 'late', stageId, kind: 'idea', text: 'Call the customer back the same day', authorId: 'p2' })
    const late = Y.encodeStateAsUpdate(server, sv)
    ws.receive(syncMessage('update', late))
    expect(readBoard(doc).notes.map((n) => n.id)).toContain('late')
    expect(encodedFor).toEqual([false, false])
    expect(stored.map((s) => s.update)).toEqual([whole, late])

    // This browser's own note: sent to the server and kept on the device, as the listeners are back.
    addNote(doc, { id: 'mine', stageId, kind: 'pain', text: 'ما وصلني أي إشعار', authorId: 'p3' })
    expect(sentUpdates()).toHaveLength(1)
    expect(stored).toHaveLength(3)
    expect(stored[2]!.origin).toBeNull()

    // What was stored is the whole board again, this device's note with it.
    const reloaded = new Y.Doc()
    Y.transact(reloaded, () => stored.forEach((s) => Y.applyUpdate(reloaded, s.update)))
    expect(readBoard(reloaded).notes.map((n) => n.id).sort()).toEqual(readBoard(doc).notes.map((n) => n.id).sort())
    expect(readBoard(reloaded).notes).toHaveLength(52)
    server.destroy()
    reloaded.destroy()
  })

  it('goes through the provider’s own handler where someone else listens for updates', async () => {
    const { doc, stored, encodedFor, ws } = await connected()
    const heard: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => heard.push(u))
    const { server } = serverBoard(3)
    ws.receive(syncMessage('step2', Y.encodeStateAsUpdate(server)))
    expect(readBoard(doc).notes).toHaveLength(3)
    expect(encodedFor).toEqual([true])
    expect(heard).toHaveLength(1)
    expect(stored).toHaveLength(1) // y-indexeddb's listener, as before
    server.destroy()
  })

  it('that does not decode is not stored as it came, and the connection stays', async () => {
    const { doc, provider, stored, ws } = await connected()
    const { server } = serverBoard(3)
    const whole = Y.encodeStateAsUpdate(server)
    const broken = whole.slice(0, whole.length >> 1)
    const errors: unknown[] = []
    const error = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    try {
      ws.receive(syncMessage('step2', broken))
    } finally {
      console.error = error
    }
    expect(errors).toHaveLength(1)
    expect(provider.wsconnected).toBe(true)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.update).not.toEqual(broken)
    // What was kept loads without throwing, and holds what the doc took in.
    const reloaded = new Y.Doc()
    expect(() => Y.applyUpdate(reloaded, stored[0]!.update)).not.toThrow()
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(doc))
    // The whole board, sent again, goes in.
    ws.receive(syncMessage('step2', whole))
    expect(readBoard(doc).notes).toHaveLength(3)
    server.destroy()
    reloaded.destroy()
  })
})
