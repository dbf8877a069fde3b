// Issue 12, part 6: no work before a valid token. Sockets to `/ws/<id>%2F<junk>`, to unknown boards and to a
// real board without a valid token never load a document: the server's loaded rooms stay at zero, and each
// socket gets its answer (404 before the upgrade for an id that cannot be a board, 4401 or 4404 after it).
import { WebSocket } from 'ws'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.js'
import { until } from '../helpers/clients.js'
import { CountingStore, createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

let srv: TestServer
let store!: CountingStore
beforeAll(async () => {
  srv = await startTestServer({
    store: (dir) => (store = new CountingStore(dir)),
  })
})
afterAll(() => srv.close())

type Answer = { status: number } | { code: number }

/** What the server answers a socket to `path`: the HTTP status of a refused upgrade, or the close code. */
function answer(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${srv.wsUrl.replace(/\/ws$/, '')}${path}`, { headers })
    ws.on('unexpected-response', (_req, res) => {
      res.resume()
      resolve({ status: res.statusCode ?? 0 })
    })
    ws.on('close', (code) => resolve({ code }))
    ws.on('error', () => {})
    setTimeout(() => reject(new Error(`no answer to ${path}`)), 10_000)
  })
}

it('answers hundreds of token-less and wrong-token sockets without loading a single document', async () => {
  const board = await createBoard(srv.url)
  const other = await createBoard(srv.url)
  const { token } = await joinBoard(srv.url, board.id, { name: 'Ana' })
  const { token: observer } = await joinBoard(srv.url, board.id, { observer: true })
  const unknown = 'NoSuchBoard0123456789'
  // Joining writes the person into the board, which loads it; it unloads once idle (ROOM_IDLE_MS 500 here).
  await until(() => srv.server.rooms.loadedCount === 0, 'the joined board to unload', 10_000)
  store.loadLogs = 0

  const cases: [string, Answer][] = [
    // An id that cannot be a board: refused before the upgrade, with or without a token.
    [`/ws/${board.id}%2Fjunk`, { status: 404 }],
    [`/ws/${board.id}%2Fjunk?token=${token}`, { status: 404 }],
    [`/ws/${board.id}%2Fprivate%2Fsomeone?token=${token}`, { status: 404 }],
    [`/ws/${board.id}%2F..%2F${other.id}?token=${token}`, { status: 404 }],
    [`/ws/${'x'.repeat(500)}`, { status: 404 }],
    // A real board: no token, a wrong token, another board's token.
    [`/ws/${board.id}`, { code: CloseCode.unauthorized }],
    [`/ws/${board.id}?token=wrong`, { code: CloseCode.unauthorized }],
    [`/ws/${board.id}/private`, { code: CloseCode.unauthorized }],
    [`/ws/${other.id}?token=${token}`, { code: CloseCode.unauthorized }],
    [`/ws/${other.id}/private?token=${token}`, { code: CloseCode.unauthorized }],
    // An observer has no private notes, and asking for them loads none.
    [`/ws/${board.id}/private?token=${observer}`, { code: CloseCode.forbidden }],
    // Unknown boards, with and without tokens.
    [`/ws/${unknown}`, { code: CloseCode.unknownBoard }],
    [`/ws/${unknown}?token=${token}`, { code: CloseCode.unknownBoard }],
    [`/ws/${unknown}/private?token=${token}`, { code: CloseCode.unknownBoard }],
  ]
  for (const [path, expected] of cases) expect(await answer(path), path).toEqual(expected)

  // Then a storm: 300 sockets at once across those cases.
  const storm = await Promise.all(Array.from({ length: 300 }, (_, i) => answer(cases[i % cases.length]![0])))
  storm.forEach((a, i) => expect(a).toEqual(cases[i % cases.length]![1]))

  expect(srv.server.rooms.loadedCount).toBe(0)
  expect(store.loadLogs).toBe(0)
  expect((await fetch(`${srv.url}/health`)).status).toBe(200)

  // A valid token still opens the board (and loads it, once).
  const ws = new WebSocket(`${srv.wsUrl}/${board.id}?token=${token}`)
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  await until(() => srv.server.rooms.loadedCount === 1, 'the board to load for a valid token')
  expect(store.loadLogs).toBe(1)
  ws.close()
})
