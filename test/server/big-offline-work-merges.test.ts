// Issue 12, part 2: a stock client that comes back with more than MAX_MESSAGE_BYTES of offline work sends
// it as one sync step 2; it is merged up to MAX_FIRST_SYNC_BYTES, and refused beyond with its own code,
// the client keeping everything.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { createOpenBoard } from '../helpers/boards.js'
import { member, rawClient, synced, until, type Member } from '../helpers/clients.js'
import { joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

const MiB = 1024 * 1024
let srv: TestServer
let boardId: string
const clients: Member[] = []

beforeAll(async () => {
  srv = await startTestServer({ config: { maxMessageBytes: 2 * MiB, maxFirstSyncBytes: 4 * MiB } })
  boardId = (await createOpenBoard(srv.url)).id
})
afterAll(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await srv.close()
})

/** Joins, syncs, goes offline and writes `count` notes of about 2.2 KB each (1,100 Arabic characters). */
async function writeOffline(name: string, count: number) {
  const c = await member(srv.url, boardId, { name })
  clients.push(c)
  await synced(c)
  c.provider.disconnect()
  const stages = readBoard(c.doc).stages
  const text = 'ملاحظة كتبت دون اتصال '.repeat(50)
  for (let i = 0; i < count; i++) {
    addNote(c.doc, { id: `${name}-${i}`, stageId: stages[i % stages.length]!.id, kind: 'idea', text: `${i} ${text}`, authorId: c.me })
  }
  return c
}

const notesOf = (c: Member, prefix: string) => [...c.doc.getMap('notes').keys()].filter((k) => k.startsWith(`${prefix}-`))

it('merges 3 MiB of notes written offline, sent as one message over MAX_MESSAGE_BYTES', { timeout: 30_000 }, async () => {
  const c = await writeOffline('offline3', 1400)
  const closes: number[] = []
  c.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code))
  c.provider.connect()

  const check = await member(srv.url, boardId, { observer: true })
  clients.push(check)
  await synced(check)
  await until(() => notesOf(check, 'offline3').length === 1400, 'every offline note on the server', 20_000)
  expect(closes).toEqual([])
  expect(c.provider.wsconnected).toBe(true)
  // After the first sync answer, the normal limit holds again: one big update is refused with 1009.
  c.doc.transact(() => {
    const stageId = readBoard(c.doc).stages[0]!.id
    for (let i = 0; i < 1000; i++) addNote(c.doc, { id: `later-${i}`, stageId, kind: 'idea', text: 'x'.repeat(2500), authorId: c.me })
  })
  await until(() => closes.length > 0, 'the oversized update to be refused')
  expect(closes[0]).toBe(CloseCode.tooLarge)
})

it('refuses offline work over MAX_FIRST_SYNC_BYTES with its own code, and the client keeps all of it', { timeout: 30_000 }, async () => {
  const c = await writeOffline('offline5', 2300) // about 4.5 MiB
  const closed = new Promise<{ code: number; reason: string }>((resolve) => c.provider.once('closed', resolve))
  c.provider.connect()
  const { code } = await closed
  expect(code).toBe(CloseCode.firstSyncTooLarge)
  // A 44xx: the stock client does not resend it, and its document still holds every note.
  expect(c.provider.shouldConnect).toBe(false)
  expect(notesOf(c, 'offline5')).toHaveLength(2300)
  await new Promise((r) => setTimeout(r, 300))
  expect(c.provider.ws).toBeNull()

  const check = await member(srv.url, boardId, { observer: true })
  clients.push(check)
  await synced(check)
  expect(notesOf(check, 'offline5')).toEqual([])
})

it('holds other messages to MAX_MESSAGE_BYTES, also before the room has asked for the client\'s state', async () => {
  const { token } = await joinBoard(srv.url, boardId, { name: 'Raw' })
  const big = new Uint8Array(3 * MiB)
  big.set([0, 2]) // an update, not a sync answer
  const c = await rawClient(srv.wsUrl, boardId, token)
  c.ws.send(big)
  expect((await c.closed).code).toBe(CloseCode.tooLarge)

  // A sync answer sent before the room's sync step 1 is not the first sync answer either.
  const early = new Uint8Array(3 * MiB)
  early.set([0, 1])
  const d = await rawClient(srv.wsUrl, boardId, token)
  d.ws.send(early)
  expect((await d.closed).code).toBe(CloseCode.tooLarge)
})
