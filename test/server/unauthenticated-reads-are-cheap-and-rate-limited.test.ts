// Issue 12, part 6: a storm of token-less summaries of a board with thousands of updates in its log never
// reads that log (the summary is the stored row, or the loaded room), and past RATE_LIMIT per window the
// same address gets 429 rate_limited with Retry-After, while /health stays quick.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BoardSummary } from '../../shared/api.js'
import { docFromLog } from '../../server/storage/snapshot.js'
import { CountingStore, createBoard, startTestServer, type TestServer } from '../helpers/server.js'

let srv: TestServer
let store!: CountingStore
beforeAll(async () => {
  srv = await startTestServer({
    config: { rateLimit: 150, rateLimitWindowMs: 60_000 },
    store: (dir) => (store = new CountingStore(dir)),
  })
})
afterAll(() => srv.close())

it('answers 200 token-less summaries without reading the log, and 429s past the limit', async () => {
  const { id } = await createBoard(srv.url, { title: 'Storm' })
  // Thousands of updates in the board's log, appended as a busy board would have, the board not loaded.
  const doc = docFromLog((await store.loadLog(id)).updates)
  const appends: Promise<number>[] = []
  doc.on('update', (u: Uint8Array) => appends.push(store.append(id, u)))
  const meta = doc.getMap('meta')
  for (let i = 0; i < 3000; i++) meta.set('title', `Storm ${i} ${'x'.repeat(200)}`)
  await Promise.all(appends)
  doc.destroy()
  expect((await store.loadLog(id)).updates.length).toBeGreaterThan(3000)
  expect(srv.server.rooms.loadedCount).toBe(0)
  store.loadLogs = 0

  const started = Date.now()
  const health = (async () => {
    await new Promise((r) => setTimeout(r, 5))
    const t = Date.now()
    expect((await fetch(`${srv.url}/health`)).status).toBe(200)
    return Date.now() - t
  })()
  const answers = await Promise.all(
    Array.from({ length: 200 }, async () => {
      const res = await fetch(`${srv.url}/api/boards/${id}`)
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown }
    }),
  )
  const elapsed = Date.now() - started

  const ok = answers.filter((a) => a.status === 200)
  const limited = answers.filter((a) => a.status === 429)
  expect(ok.length).toBe(150)
  expect(limited.length).toBe(50)
  expect(ok[0]!.body).toMatchObject({ id, title: 'Storm', stages: null, notes: null, online: 0 } satisfies Partial<BoardSummary>)
  for (const a of limited) {
    expect(a.body).toMatchObject({ error: { code: 'rate_limited' } })
    expect((a.body as { error: { message: string } }).error.message).toMatch(/try again in \d+ s/)
    expect(Number(a.retryAfter)).toBeGreaterThan(0)
    expect(Number(a.retryAfter)).toBeLessThanOrEqual(60)
  }
  expect(store.loadLogs).toBe(0)
  expect(srv.server.rooms.loadedCount).toBe(0)
  expect(elapsed).toBeLessThan(3000)
  expect(await health).toBeLessThan(1000)

  // Unknown ids and ids that cannot be a board cost no more (and count towards the same limit).
  expect((await fetch(`${srv.url}/api/boards/${'y'.repeat(21)}`)).status).toBe(429)
  expect(store.loadLogs).toBe(0)
})
