// GET /metrics tells an operator what the server is doing, in Prometheus's text format, to whoever holds
// METRICS_TOKEN and nobody else: the boards in memory, who is connected, what is relayed and how fast it
// is stored, what was refused and why, the limits hit, the exports. And GET /ready fails while the store
// or Redis cannot be reached, so a balancer stops sending people to a process that would drop their work.
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { RedisBus } from '../../server/bus.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, until, synced, type StockClient } from '../helpers/clients.js'
import { closeCode } from '../helpers/crafted.js'
import { act, createBoard, startTestServer, type TestServer } from '../helpers/server.js'
import { REDIS_URL, redisMissing } from '../helpers/services.js'

const TOKEN = 'metrics-token-for-the-test-0123456789'

let servers: TestServer[] = []
const clients: StockClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function start(opts: Parameters<typeof startTestServer>[0] = {}) {
  const srv = await startTestServer(opts)
  servers.push(srv)
  return srv
}

const scrape = (srv: TestServer, token?: string) =>
  fetch(`${srv.url}/metrics`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } })

/** The samples of the text format: `name{a="1",b="2"}` (labels as written) → value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line)
    if (m) out.set(m[1]! + (m[2] ?? ''), Number(m[3]))
  }
  return out
}

/** A sample's value, its labels given in any order; undefined when absent. */
function value(all: Map<string, number>, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const [key, v] of all) {
    const m = /^([^{]+)(?:\{(.*)\})?$/.exec(key)!
    if (m[1] !== name) continue
    const have = m[2] ? m[2].split(',') : []
    if (have.length === want.length && want.every((l) => have.includes(l))) return v
  }
  return undefined
}

async function metricsOf(srv: TestServer) {
  const res = await scrape(srv, TOKEN)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return samples(await res.text())
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address() as { port: number }
  await new Promise((r) => s.close(r))
  return port
}

describe('GET /metrics', () => {
  it('is off (404) without METRICS_TOKEN', async () => {
    const srv = await start()
    expect((await scrape(srv)).status).toBe(404)
    expect((await scrape(srv, TOKEN)).status).toBe(404)
  })

  it('answers 401 without the token or with a wrong one', async () => {
    const srv = await start({ config: { metricsToken: TOKEN } })
    expect((await scrape(srv)).status).toBe(401)
    expect((await scrape(srv, `${TOKEN}x`)).status).toBe(401)
    expect((await scrape(srv, TOKEN.slice(0, -1))).status).toBe(401)
    const m = await metricsOf(srv)
    expect(value(m, 'touchpoint_http_refusals_total', { status: '401' })).toBe(3)
  })

  it('shows the boards loaded, connections by role, what was relayed and stored, a refusal by its reason, limits and exports', async () => {
    const srv = await start({ config: { metricsToken: TOKEN, rateLimit: 2 } })
    const { id, facilitatorKey } = await createBoard(srv.url)
    const facilitator = await member(srv.url, id, { name: 'Facilitator', facilitatorKey })
    const sara = await member(srv.url, id, { name: 'Sara' })
    const forger = await member(srv.url, id, { name: 'Forger' })
    const screen = await member(srv.url, id, { observer: true })
    clients.push(facilitator, sara, forger, screen)
    await Promise.all([facilitator, sara, forger, screen].map(synced))
    for (const action of [{ type: 'setPhase', phase: 'ideate' }, { type: 'setPrivateWriting', on: false }] as const) {
      expect((await act(srv.url, id, facilitator.token, action)).status).toBe(200)
    }

    // Two write; a third writes the server's own root, which no honest client does.
    const stageId = readBoard(facilitator.doc).stages[0]!.id
    addNote(facilitator.doc, { id: 'f1', stageId, kind: 'idea', text: 'زر إلغاء واضح', authorId: facilitator.me })
    addNote(sara.doc, { id: 's1', stageId, kind: 'pain', text: 'The wait for support', authorId: sara.me })
    await until(() => screen.doc.getMap('notes').has('f1') && screen.doc.getMap('notes').has('s1'), 'both notes relayed')
    const refused = closeCode(forger)
    forger.doc.getMap('session').set('phase', 'done')
    expect(await refused).toBe(CloseCode.forbidden)

    const exported = await fetch(`${srv.url}/api/boards/${id}/export?format=md`, { headers: { authorization: `Bearer ${facilitator.token}` } })
    expect(exported.status).toBe(200)
    // RATE_LIMIT 2: the third summary of the board is refused.
    const summaries = [0, 1, 2].map(() => fetch(`${srv.url}/api/boards/${id}`).then((r) => r.status))
    expect(await Promise.all(summaries)).toEqual([200, 200, 429])

    let m = await metricsOf(srv)
    // The forger's socket is gone once the server has seen it close.
    for (let i = 0; value(m, 'touchpoint_connections', { role: 'participant', document: 'board' }) !== 1 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 20))
      m = await metricsOf(srv)
    }
    expect(value(m, 'touchpoint_rooms_loaded', { document: 'board' })).toBe(1)
    expect(value(m, 'touchpoint_rooms_loaded', { document: 'private' })).toBeDefined() // the workshop's actions open people's private notes
    expect(value(m, 'touchpoint_connections', { role: 'facilitator', document: 'board' })).toBe(1)
    expect(value(m, 'touchpoint_connections', { role: 'participant', document: 'board' })).toBe(1)
    expect(value(m, 'touchpoint_connections', { role: 'observer', document: 'board' })).toBe(1)
    expect(value(m, 'touchpoint_updates_relayed_total', { source: 'local' })).toBeGreaterThanOrEqual(2)
    expect(value(m, 'touchpoint_relayed_bytes_total', { source: 'local' })).toBeGreaterThan(0)
    expect(value(m, 'touchpoint_relay_latency_seconds_count')).toBeGreaterThanOrEqual(2)
    expect(value(m, 'touchpoint_store_append_seconds_count')).toBeGreaterThanOrEqual(2)
    expect(value(m, 'touchpoint_store_append_seconds_bucket', { le: '+Inf' })).toBe(value(m, 'touchpoint_store_append_seconds_count'))
    expect(value(m, 'touchpoint_socket_refusals_total', { code: '4403', reason: 'forbidden' })).toBe(1)
    expect(value(m, 'touchpoint_limits_hit_total', { limit: 'rate_limit' })).toBe(1)
    expect(value(m, 'touchpoint_http_refusals_total', { status: '429' })).toBe(1)
    expect(value(m, 'touchpoint_exports_total', { format: 'md', outcome: 'ok' })).toBe(1)
    expect(value(m, 'touchpoint_export_duration_seconds_count', { format: 'md' })).toBe(1)
    expect(value(m, 'touchpoint_store_up', { backend: 'sqlite' })).toBe(1)
    expect(value(m, 'touchpoint_redis_up')).toBeUndefined() // no Redis configured, so none to report
    // No sample is labelled with a board: what is counted stays bounded however many boards there are.
    expect([...m.keys()].some((k) => k.includes(id))).toBe(false)
  })

  it('gives every server its own registry', async () => {
    const a = await start({ config: { metricsToken: TOKEN } })
    const b = await start({ config: { metricsToken: TOKEN } })
    await createBoard(a.url)
    await fetch(`${a.url}/api/boards/nonexistent-board`)
    expect(value(await metricsOf(a), 'touchpoint_http_refusals_total', { status: '404' })).toBe(1)
    expect(value(await metricsOf(b), 'touchpoint_http_refusals_total', { status: '404' })).toBeUndefined()
  })
})

/** SQLite refusing every write, as on a full disk, until it is let go. */
class ReadOnlyStore extends SqliteStore {
  set readOnly(on: boolean) {
    this.db.pragma(`query_only = ${on ? 'ON' : 'OFF'}`)
  }
}

describe('GET /ready', () => {
  it('answers 503 while the store cannot write, and 200 once it can', async () => {
    let store!: ReadOnlyStore
    const srv = await start({ config: { metricsToken: TOKEN }, store: (dir) => (store = new ReadOnlyStore(dir)) })
    expect((await fetch(`${srv.url}/ready`)).status).toBe(200)
    store.readOnly = true
    const create = await fetch(`${srv.url}/api/boards`, { method: 'POST', body: '{}' })
    expect(create.status).toBe(503) // the write failed
    const ready = await fetch(`${srv.url}/ready`)
    expect(ready.status).toBe(503)
    expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('not_ready')
    expect((await fetch(`${srv.url}/health`)).status).toBe(200) // alive all the same
    expect(value(await metricsOf(srv), 'touchpoint_store_up', { backend: 'sqlite' })).toBe(0)

    store.readOnly = false
    await createBoard(srv.url) // a write that succeeds
    expect((await fetch(`${srv.url}/ready`)).status).toBe(200)
  })

  it('answers 503 while Redis is unreachable', async () => {
    const bus = new RedisBus(`redis://127.0.0.1:${await closedPort()}`)
    const srv = await start({ config: { metricsToken: TOKEN }, bus })
    const ready = await fetch(`${srv.url}/ready`)
    expect(ready.status).toBe(503)
    expect(((await ready.json()) as { error: { message: string } }).error.message).toMatch(/Redis/)
    expect((await fetch(`${srv.url}/health`)).status).toBe(200)
    expect(value(await metricsOf(srv), 'touchpoint_redis_up')).toBe(0)
  })

  it('answers 200 with a store that writes and a Redis that answers', async (ctx) => {
    const missing = await redisMissing()
    if (missing) return ctx.skip(missing)
    const bus = new RedisBus(REDIS_URL, `touchpoint-test-${Date.now()}:`)
    const srv = await start({ config: { metricsToken: TOKEN }, bus })
    let status = 0
    for (let i = 0; status !== 200 && i < 50; i++) {
      status = (await fetch(`${srv.url}/ready`)).status // the connections come up within moments of the start
      if (status !== 200) await new Promise((r) => setTimeout(r, 20))
    }
    expect(status).toBe(200)
    expect(value(await metricsOf(srv), 'touchpoint_redis_up')).toBe(1)
  })
})
