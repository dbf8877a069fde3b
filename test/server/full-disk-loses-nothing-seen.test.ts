// The data directory on a small filesystem that fills up: the room closes with 4503 before relaying what
// it could not store, joins and board creation answer 503, and once there is room again and the server
// restarts, every note any client saw is there. Needs root to mount a tmpfs; skipped with the reason
// otherwise, never under CI=true.
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.js'

const dir = mkdtempSync(join(tmpdir(), 'touchpoint-full-'))
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' })
let reason: string | undefined
try {
  mount('-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir)
} catch (err) {
  reason = `cannot mount a small filesystem here: ${(err as Error).message.split('\n')[0]}`
  if (process.env.CI === 'true') throw new Error(reason)
}

let srv: TestServer | undefined
const clients: StockClient[] = []
afterAll(async () => {
  clients.forEach((c) => c.destroy())
  await srv?.close()
  if (!reason) execFileSync('umount', ['-l', dir])
})

describe.skipIf(reason)(`a full disk${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('closes with 4503 before relaying, and keeps every note anyone saw and every join it answered', async () => {
    // One writer sends faster than any person would, so its message budget is lifted here.
    srv = await startTestServer({ dataDir: dir, config: { messageBurst: 100_000 } })
    const { id, facilitatorKey } = await createBoard(srv.url)
    const writer = await member(srv.url, id, { name: 'W', facilitatorKey })
    const reader = await member(srv.url, id, { name: 'R' })
    clients.push(writer, reader)
    await Promise.all([synced(writer), synced(reader)])
    const codes: number[] = []
    reader.provider.on('connection-close', (e: CloseEvent | null) => e && codes.push(e.code))
    const stageId = readBoard(writer.doc).stages[0]!.id
    const text = 'لم يجد العميل زر الإلغاء في صفحة الاشتراك، فاتصل بالدعم ثلاث مرات. '.repeat(25) // under the 2,000 a note holds

    for (let i = 0; i < 1500 && !codes.includes(CloseCode.storageUnavailable); i++) {
      addNote(writer.doc, { id: `n${i}`, stageId, kind: 'pain', text, authorId: writer.me })
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20))
    }
    await until(() => codes.includes(CloseCode.storageUnavailable), 'the room to close with 4503', 15_000)
    const seen = [...reader.doc.getMap('notes').keys()]
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.length).toBeLessThan(1500)

    // A join or a new board now either fails with 503, or, where SQLite could still reuse the space its
    // rollback freed, is stored: answered 201 only once durable, so it is there after the restart.
    const filler = join(dir, 'filler')
    try {
      for (;;) appendFileSync(filler, Buffer.alloc(4096))
    } catch {}
    expect((await fetch(`${srv.url}/ready`)).status).toBe(503) // the last write failed
    expect((await fetch(`${srv.url}/health`)).status).toBe(200) // and the process lives
    const joined = await fetch(`${srv.url}/api/boards/${id}/join`, { method: 'POST', body: JSON.stringify({ name: 'Late' }) })
    expect([201, 503]).toContain(joined.status)
    const late = joined.status === 201 ? ((await joined.json()) as { participantId: string }).participantId : null
    if (joined.status === 503) expect(((await joined.json()) as { error: { code: string } }).error.code).toBe('storage_unavailable')
    const create = await fetch(`${srv.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'ت'.repeat(200), stages: Array(20).fill('م'.repeat(80)) }) })
    expect([201, 503]).toContain(create.status)
    const created = create.status === 201 ? ((await create.json()) as { id: string }).id : null

    // Room again, and a restart: everything the reader saw is stored.
    clients.forEach((c) => c.provider.disconnect())
    rmSync(filler)
    mount('-o', 'remount,size=256m', dir)
    await srv.close()
    srv = await startTestServer({ dataDir: dir, config: { messageBurst: 100_000 } })
    const fresh = await member(srv.url, id, { name: 'Fresh' })
    clients.push(fresh)
    await synced(fresh)
    expect((await fetch(`${srv.url}/ready`)).status).toBe(200)
    const stored = new Set(fresh.doc.getMap('notes').keys())
    expect(seen.filter((n) => !stored.has(n))).toEqual([])
    if (late) expect(fresh.doc.getMap('people').has(late)).toBe(true)
    if (created) expect((await fetch(`${srv.url}/api/boards/${created}`)).status).toBe(200)
  })
})
