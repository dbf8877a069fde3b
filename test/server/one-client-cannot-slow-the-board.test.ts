// One participant with a real token floods the board, nests an update thousands of levels deep, or sends a
// huge presence state: they are cut off (4429, 4403/4400) and the others' round trips stay fast.
import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { NOTE, addNote, noteText, readBoard } from '../../shared/schema.js'
import { member, rawClient, synced, until, type Member, type StockClient } from '../helpers/clients.js'
import { presenceUpdate, settle } from '../helpers/crafted.js'
import { startTestServer } from '../helpers/server.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest()

const frame = (type: 0 | 1, payload: Uint8Array) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  if (type === 0) encoding.writeVarUint(e, 2) // a sync update
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

async function openBoard() {
  t.w = await workshop(t.srv, ['Honest', 'Flooder'])
  await t.w.run({ type: 'setPhase', phase: 'ideate' })
  await t.w.run({ type: 'setPrivateWriting', on: false })
  const [honest, flooder] = t.w.people as [Member, Member]
  await until(() => honest.doc.getMap('session').get('privateWriting') === false, 'open writing')
  return { honest, flooder, stageId: readBoard(honest.doc).stages[0]!.id }
}

/** Milliseconds until a keystroke of `writer` reaches `reader`, `n` times. */
async function roundTrips(writer: Member, reader: StockClient, noteId: string, n: number) {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    noteText(writer.doc, noteId)!.insert(0, 'x')
    const want = noteText(writer.doc, noteId)!.length
    await until(() => noteText(reader.doc, noteId)?.length === want, 'the keystroke', 10_000)
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)
}

describe('one client cannot slow the board', () => {
  it('a flood of 20,000 valid updates is cut off with 4429 while others keep a round trip p95 under 50 ms', async () => {
    const { honest, flooder, stageId } = await openBoard()
    const reader = await member(t.srv.url, t.w.id, { observer: true })
    t.extra.push(reader)
    await synced(reader)
    addNote(honest.doc, { id: 'h', stageId, kind: 'idea', text: 'ok', authorId: honest.me })
    await until(() => reader.doc.getMap('notes').has('h'), 'the honest note')

    // The flood: what a stock client would send for 20,000 keystrokes, all at once on one socket.
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(honest.doc))
    const flood: Uint8Array[] = []
    local.on('update', (u: Uint8Array) => flood.push(frame(0, u)))
    addNote(local, { id: 'f', stageId, kind: 'idea', text: '', authorId: flooder.me })
    for (let i = 0; i < 20_000; i++) noteText(local, 'f')!.insert(0, 'z')
    flooder.destroy()
    const raw = await rawClient(t.srv.wsUrl, t.w.id, flooder.token)
    const t0 = performance.now()
    for (const f of flood) raw.ws.send(f)
    const during = await roundTrips(honest, reader, 'h', 40)
    console.log('round trips during the flood (ms):', during.map((t) => t.toFixed(0)).join(' '))
    expect((await raw.closed).code).toBe(CloseCode.tooManyMessages)
    expect(performance.now() - t0).toBeLessThan(10_000)
    expect(during[Math.floor(during.length * 0.95)]!).toBeLessThan(50)
    // What it sent within its budget was judged and kept like anyone's; the rest never was.
    const kept = noteText(reader.doc, 'f')?.length ?? 0
    expect(kept).toBeLessThan(20_000)
    const health = performance.now()
    expect((await fetch(`${t.srv.url}/health`)).status).toBe(200)
    expect(performance.now() - health).toBeLessThan(50)
  })

  it('a connection over its byte budget is cut off with 4429; its first sync answer is not counted', async () => {
    await t.srv.close()
    t.srv = await startTestServer({ config: { bytesPerSecond: 16 * 1024, byteBurst: 64 * 1024 } })
    const { honest, flooder, stageId } = await openBoard()
    // A first sync answer larger than the burst is taken: it is offline work.
    flooder.provider.disconnect()
    for (let i = 0; i < 40; i++) addNote(flooder.doc, { id: `o${i}`, stageId, kind: 'idea', text: 'ح'.repeat(1500), authorId: flooder.me })
    flooder.provider.connect()
    await until(() => honest.doc.getMap('notes').size === 40, 'the offline notes', 10_000)
    const closed = new Promise<number>((r) => flooder.provider.once('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)))
    for (let i = 0; i < 20; i++) addNote(flooder.doc, { id: `b${i}`, stageId, kind: 'idea', text: 'ب'.repeat(1900), authorId: flooder.me })
    expect(await closed).toBe(CloseCode.tooManyMessages)
  })

  it('an update nested 6,000 levels deep is refused at once; the board stays responsive', async () => {
    const { honest, flooder, stageId } = await openBoard()
    addNote(flooder.doc, { id: 'deep', stageId, kind: 'idea', authorId: flooder.me })
    await until(() => honest.doc.getMap('notes').has('deep'), 'the note')
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(flooder.doc))
    let update: Uint8Array | null = null
    local.on('update', (u: Uint8Array) => (update = u))
    local.transact(() => {
      let m = local.getMap('notes').get('deep') as Y.Map<unknown>
      for (let i = 0; i < 6000; i++) {
        const next = new Y.Map<unknown>()
        m.set(NOTE.place, next)
        m = next
      }
    })
    flooder.destroy()
    const raw = await rawClient(t.srv.wsUrl, t.w.id, flooder.token)
    const t0 = performance.now()
    raw.ws.send(frame(0, update!))
    const { code } = await raw.closed
    expect([CloseCode.forbidden, CloseCode.malformed]).toContain(code)
    expect(performance.now() - t0).toBeLessThan(1000)
    addNote(honest.doc, { id: 'after', stageId, kind: 'idea', authorId: honest.me })
    await until(() => t.w.facilitator.doc.getMap('notes').has('after'), 'the next note', 2000)
    expect((t.w.facilitator.doc.getMap('notes').get('deep') as Y.Map<unknown>).get(NOTE.place)).toBeInstanceOf(Array)
  })

  it('a presence state of 1 MiB is refused and never relayed', async () => {
    const { honest, flooder } = await openBoard()
    flooder.destroy()
    const raw = await rawClient(t.srv.wsUrl, t.w.id, flooder.token)
    const seen: number[] = []
    honest.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => seen.push(...added, ...updated))
    raw.ws.send(frame(1, presenceUpdate([[424242, 1, { cursor: { x: 0.5, y: 0.5 }, junk: 'x'.repeat(1 << 20) }]])))
    expect((await raw.closed).code).toBe(CloseCode.malformed)
    await settle(300)
    expect(seen).not.toContain(424242)
  })
})
