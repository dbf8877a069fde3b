import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { decodeClientMessage, ProtocolError } from '../../server/protocol.js'
import { addNote, readBoard, setNoteKind } from '../../shared/schema.js'
import { member, rawClient, synced, until, type Member } from '../helpers/clients.js'
import { createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

/** A small seeded generator, so a failure replays exactly. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
}

function mutate(frame: Uint8Array, rnd: () => number): Uint8Array {
  const out = [...frame]
  const edits = 1 + Math.floor(rnd() * 4)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * out.length)
    const r = rnd()
    if (r < 0.4) out[at] = Math.floor(rnd() * 256)
    else if (r < 0.6) out.splice(at, 1)
    else if (r < 0.8) out.splice(at, 0, Math.floor(rnd() * 256))
    else out.length = at
  }
  return new Uint8Array(out)
}

/** Valid messages as the stock client encodes them (y-protocols), to mutate. */
function seedFrames() {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  addNote(doc, { id: 'n', stageId: 's', kind: 'pain', text: 'الدعم لا يرد', authorId: 'x' })
  setNoteKind(doc, 'n', 'idea')
  const awareness = new TextEncoder().encode('{"cursor":{"x":1}}')
  const message = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder()
    write(e)
    return encoding.toUint8Array(e)
  }
  const sync = (write: (e: encoding.Encoder) => void) => message((e) => (encoding.writeVarUint(e, 0), write(e)))
  return [
    sync((e) => syncProtocol.writeUpdate(e, updates[0]!)),
    sync((e) => syncProtocol.writeUpdate(e, updates[1]!)),
    sync((e) => syncProtocol.writeSyncStep1(e, doc)),
    message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, new Uint8Array([1, 42, 1, awareness.length, ...awareness])))),
  ]
}

it('the decoder either returns a message or throws a ProtocolError for 20,000 mutated frames', () => {
  const rnd = prng(7)
  const seeds = seedFrames()
  for (let i = 0; i < 20_000; i++) {
    const frame = mutate(seeds[i % seeds.length]!, rnd)
    try {
      decodeClientMessage(frame)
    } catch (err) {
      expect(err).toBeInstanceOf(ProtocolError)
    }
  }
})

let srv: TestServer
let keeper: Member
beforeAll(async () => {
  srv = await startTestServer()
})
afterAll(async () => {
  keeper?.destroy()
  await srv.close()
})

it('the server survives 300 mutated frames from clients and keeps the board whole', async () => {
  const { id, facilitatorKey } = await createBoard(srv.url)
  keeper = await member(srv.url, id, { name: 'Keeper', facilitatorKey })
  await synced(keeper)
  addNote(keeper.doc, { id: 'keep', stageId: readBoard(keeper.doc).stages[0]!.id, kind: 'idea', text: 'نگه دار', authorId: keeper.me })
  const { token } = await joinBoard(srv.url, id, { name: 'Fuzzer', facilitatorKey })
  const rnd = prng(99)
  const seeds = seedFrames()
  let sent = 0
  while (sent < 300) {
    const c = await rawClient(srv.wsUrl, id, token)
    // Keep sending on this socket until the server closes it (a valid-looking frame may be accepted).
    for (let i = 0; i < 20 && c.ws.readyState === c.ws.OPEN; i++, sent++) {
      c.ws.send(mutate(seeds[sent % seeds.length]!, rnd))
      await new Promise((r) => setImmediate(r))
    }
    c.ws.close()
    await c.closed
  }
  expect((await fetch(`${srv.url}/health`)).status).toBe(200)
  const late = await member(srv.url, id, { observer: true })
  await synced(late)
  await until(() => late.doc.getMap('notes').has('keep'), 'the kept note')
  expect(readBoard(late.doc).stages).toHaveLength(5)
  late.destroy()
})
