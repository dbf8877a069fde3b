import { afterEach, beforeEach, expect, it } from 'vitest'
import { addNote, readBoard } from '../../shared/schema.js'
import { readHiddenCounts } from '../../shared/sessionDoc.js'
import { rawClient, stockClient, synced, until, type RawClient, type StockClient } from '../helpers/clients.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import { workshop, type Workshop } from '../helpers/workshop.js'

let srv: TestServer
let w: Workshop
const extra: StockClient[] = []
const raws: RawClient[] = []
beforeEach(async () => {
  srv = await startTestServer()
})
afterEach(async () => {
  w?.destroy()
  extra.splice(0).forEach((c) => c.destroy())
  raws.splice(0).forEach((r) => r.ws.close())
  await srv.close()
})

const contains = (frames: Uint8Array[], needle: Uint8Array) =>
  frames.some((f) => Buffer.from(f).indexOf(Buffer.from(needle)) !== -1)

it("hidden notes' text never reaches anyone else before the reveal, not in any frame", async () => {
  w = await workshop(srv, ['Writer', 'Peer'])
  const [writer, peer] = w.people as [(typeof w.people)[0], (typeof w.people)[0]]
  // Every byte the peer and the facilitator are sent on the board, from before the writing starts.
  const peerWire = await rawClient(srv.wsUrl, w.id, peer!.token)
  const facWire = await rawClient(srv.wsUrl, w.id, w.facilitator.token)
  raws.push(peerWire, facWire)
  await w.run({ type: 'setPhase', phase: 'ideate' })
  await w.seesPhase(writer!, 'ideate')

  const own = stockClient(srv.wsUrl, `${w.id}/private`, { token: writer!.token })
  extra.push(own)
  await synced(own)
  const secret = 'أخشى أن يضيع مالي — ترس از کلاهبرداری'
  const stageId = readBoard(writer!.doc).stages[1]!.id
  addNote(own.doc, { id: 'secret-1', stageId, kind: 'feeling', text: secret, authorId: writer!.me })
  addNote(own.doc, { id: 'secret-2', stageId, kind: 'pain', text: secret + ' ٢', authorId: writer!.me })

  // Others see two face-down cards in that stage, and nothing more.
  await until(() => readHiddenCounts(peer!.doc)[stageId] === 2, 'face-down count for the peer')
  expect(readHiddenCounts(w.facilitator.doc)[stageId]).toBe(2)
  const needle = new TextEncoder().encode('ضيع مالي')
  expect(contains(peerWire.frames, needle)).toBe(false)
  expect(contains(facWire.frames, needle)).toBe(false)
  expect(peer!.doc.getMap('notes').size).toBe(0)
  // The peer's own private document is its own: it never holds the writer's notes.
  const peerOwn = stockClient(srv.wsUrl, `${w.id}/private`, { token: peer!.token })
  extra.push(peerOwn)
  await synced(peerOwn)
  expect(peerOwn.doc.getMap('notes').size).toBe(0)

  await w.run({ type: 'revealNotes' })
  await until(() => peer!.doc.getMap('notes').size === 2, 'revealed notes for the peer')
  expect(readBoard(peer!.doc).notes.find((n) => n.id === 'secret-1')).toMatchObject({ text: secret, authorId: writer!.me })
  expect(readHiddenCounts(peer!.doc)).toEqual({})
  await until(() => own.doc.getMap('notes').size === 0, 'the private copy to be emptied')
  expect(contains(peerWire.frames, needle)).toBe(true) // the same wire does carry it once revealed
})
