// Issue 12, part 7: a WebSocket's Origin must match PUBLIC_URL, ALLOWED_ORIGINS or this server's own origin
// in scheme, host and port, and the server's own origin counts only when the Host header names this server
// (the address and port it was reached on, localhost or 127.0.0.1 with the port, or a configured host), so a
// stranger's name pointed at us (DNS rebinding: stranger Origin and stranger Host) is refused with 403.
import { WebSocket } from 'ws'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

let srv: TestServer
let path = ''
beforeAll(async () => {
  srv = await startTestServer({ config: { publicUrl: 'https://touchpoint.example.org', allowedOrigins: ['http://localhost:5173'] } })
  const { id } = await createBoard(srv.url)
  const { token } = await joinBoard(srv.url, id, { name: 'Ana' })
  path = `/${id}?token=${token}`
})
afterAll(() => srv.close())

function attempt(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${srv.wsUrl}${path}`, { headers })
    ws.on('unexpected-response', (_req, res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    ws.on('open', () => {
      ws.close()
      resolve(101)
    })
    ws.on('error', () => {})
  })
}

it.each([
  ["the server's own origin", () => ({ origin: `http://127.0.0.1:${srv.port}` }), 101],
  ["localhost with the server's port", () => ({ origin: `http://localhost:${srv.port}`, host: `localhost:${srv.port}` }), 101],
  ['PUBLIC_URL, through a proxy that passes its Host', () => ({ origin: 'https://touchpoint.example.org', host: 'touchpoint.example.org' }), 101],
  ['PUBLIC_URL, reached directly', () => ({ origin: 'https://touchpoint.example.org' }), 101],
  ['an ALLOWED_ORIGINS origin (the dev server)', () => ({ origin: 'http://localhost:5173', host: 'localhost:5173' }), 101],
  ['a program that sends no Origin', () => ({}), 101],
  ['another scheme on the same host', () => ({ origin: `https://127.0.0.1:${srv.port}` }), 403],
  ['another port on the same host', () => ({ origin: `http://127.0.0.1:${srv.port + 1}` }), 403],
  ["PUBLIC_URL's host with another scheme", () => ({ origin: 'http://touchpoint.example.org', host: 'touchpoint.example.org' }), 403],
  ['a stranger Origin with a stranger Host (DNS rebinding)', () => ({ origin: `http://evil.example:${srv.port}`, host: `evil.example:${srv.port}` }), 403],
  ['a stranger Origin', () => ({ origin: 'https://evil.example' }), 403],
  ["our own origin but a stranger's Host", () => ({ origin: `http://127.0.0.1:${srv.port}`, host: 'evil.example' }), 403],
  ["localhost with another port as Host", () => ({ origin: `http://localhost:${srv.port + 1}`, host: `localhost:${srv.port + 1}` }), 403],
  ['Origin "null" (a sandboxed page)', () => ({ origin: 'null' }), 403],
  ['a Host with user info', () => ({ origin: `http://127.0.0.1:${srv.port}`, host: `x@127.0.0.1:${srv.port}` }), 403],
])('%s', async (_what, headers, status) => {
  expect(await attempt(headers())).toBe(status)
})
