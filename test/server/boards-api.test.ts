import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { Renderer } from '../../server/render.js'
import { Rooms } from '../../server/rooms.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import type { BoardSummary, CreateBoardResponse } from '../../shared/api.js'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.js'

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

// The same checks through app.request() (no server) and over real HTTP.
const store = new SqliteStore(tempDir())
const renderer = new Renderer('/usr/bin/chromium')
const rooms = new Rooms(store, { idleMs: 1000, compactEvery: 100 })
const { app } = createApp({ config: loadConfig({}), store, renderer, rooms })
let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer()
})
afterAll(async () => {
  await srv.close()
  await store.close()
})

const transports = {
  'app.request()': (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init),
  HTTP: (path: string, init?: RequestInit) => fetch(`${srv.url}${path}`, init),
}
/** Loads a board as a socket joining it would, in the server behind each transport. */
const loaders = { 'app.request()': (id: string) => rooms.get(id), HTTP: (id: string) => srv.server.rooms.get(id) }

describe.each(Object.entries(transports))('boards API over %s', (name, request) => {
  const load = loaders[name as keyof typeof loaders]
  it('creates a board with default stages, unguessable id and key, and the key only in the fragment', async () => {
    const res = await request('/api/boards', json({ title: 'نقشه سفر مشتری' }))
    expect(res.status).toBe(201)
    const body = (await res.json()) as CreateBoardResponse
    expect(body.id).toMatch(/^[\w-]{21,}$/)
    expect(body.facilitatorKey).toMatch(/^[\w-]{21,}$/)
    expect(body.facilitatorKey).not.toBe(body.id)
    expect(body.participantUrl.endsWith(`/b/${body.id}`)).toBe(true)
    expect(body.participantUrl).not.toContain(body.facilitatorKey)
    expect(body.facilitatorUrl).toBe(`${body.participantUrl}#facilitator=${body.facilitatorKey}`)

    // Not loaded: the summary is the stored row, and never loads the board to count.
    const summary = (await (await request(`/api/boards/${body.id}`)).json()) as BoardSummary
    expect(summary).toMatchObject({ id: body.id, title: 'نقشه سفر مشتری', stages: null, notes: null, online: 0 })
    expect(Date.parse(summary.createdAt)).toBeGreaterThan(Date.now() - 60_000)
    await load(body.id)
    const loaded = (await (await request(`/api/boards/${body.id}`)).json()) as BoardSummary
    expect(loaded).toMatchObject({ id: body.id, title: 'نقشه سفر مشتری', stages: 5, notes: 0, online: 0 })
  })

  it('creates a board with its own stages, and an empty body gets the defaults', async () => {
    const own = (await (await request('/api/boards', json({ stages: ['اكتشاف', 'شراء'] }))).json()) as CreateBoardResponse
    await load(own.id)
    expect(((await (await request(`/api/boards/${own.id}`)).json()) as BoardSummary).stages).toBe(2)
    const empty = await request('/api/boards', { method: 'POST' })
    expect(empty.status).toBe(201)
  })

  it.each([
    ['bad JSON', '{"title": ', 400, 'bad_json'],
    ['a JSON array', '[1,2]', 400, 'invalid_request'],
    ['a title that is not a string', { title: 42 }, 400, 'invalid_request'],
    ['no stages', { stages: [] }, 400, 'invalid_request'],
    ['a blank stage', { stages: ['ok', '  '] }, 400, 'invalid_request'],
    ['an oversized body', { title: 'x'.repeat(20_000) }, 413, 'payload_too_large'],
  ])('answers %s with a clear JSON error', async (_what, body, status, code) => {
    const res = await request('/api/boards', json(body))
    expect(res.status).toBe(status)
    const err = (await res.json()) as { error: { code: string; message: string } }
    expect(err.error.code).toBe(code)
    expect(err.error.message.length).toBeGreaterThan(5)
  })

  it('answers an unknown board and an unknown route with 404 JSON', async () => {
    const res = await request('/api/boards/does-not-exist')
    expect(res.status).toBe(404)
    expect(((await res.json()) as any).error.code).toBe('board_not_found')
    expect((await request('/api/nothing')).status).toBe(404)
  })

  it('answers /health', async () => {
    expect((await request('/health')).status).toBe(200)
  })
})
