import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode } from '../../shared/closeCodes.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, rawClient, synced, until, type Member } from '../helpers/clients.js'
import { createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

describe('bad clients', () => {
  let srv: TestServer
  let boardId: string
  let bystander: Member
  let token: string

  beforeAll(async () => {
    srv = await startTestServer({ config: { maxMessageBytes: 64 * 1024 } })
    const created = await createBoard(srv.url)
    boardId = created.id
    token = (await joinBoard(srv.url, boardId, { name: 'Cheater' })).token
    bystander = await member(srv.url, boardId, { name: 'B', facilitatorKey: created.facilitatorKey })
    await synced(bystander)
    addNote(bystander.doc, {
      id: 'keep', stageId: readBoard(bystander.doc).stages[0]!.id, kind: 'idea', text: 'باید بماند', authorId: bystander.me,
    })
  })
  afterAll(async () => {
    // Everyone else was refused; the bystander still works and its board is whole.
    const late = await member(srv.url, boardId, { observer: true })
    await synced(late)
    await until(() => late.doc.getMap('notes').has('keep'), 'late joiner to see the note')
    late.destroy()
    bystander.destroy()
    await srv.close()
  })

  const sendAndExpectClose = async (data: Uint8Array | string, code: number) => {
    const c = await rawClient(srv.wsUrl, boardId, token)
    c.ws.send(Uint8Array.of(0, 0, 1, 0)) // opens as the stock client does: sync step 1, empty state vector
    await until(() => c.frames.length > 0, 'the answer to sync step 1')
    c.ws.send(data)
    expect((await c.closed).code).toBe(code)
  }

  it.each([
    ['empty', new Uint8Array(0)],
    ['truncated length', new Uint8Array([0, 2, 10, 1, 2])],
    ['unknown message type', new Uint8Array([9, 0])],
    ['unknown sync step', new Uint8Array([0, 7, 0])],
    ['trailing bytes', new Uint8Array([0, 0, 1, 0, 99])],
    ['undecodable update', new Uint8Array([0, 2, 4, 200, 200, 200, 200])],
    ['undecodable awareness', new Uint8Array([1, 3, 1, 1, 1])],
  ])('closes a socket that sends a frame that is %s with 4400', async (_name, frame) => {
    await sendAndExpectClose(frame, CloseCode.malformed)
  })

  it('closes a socket that sends a text frame', async () => {
    await sendAndExpectClose('hello', CloseCode.malformed)
  })

  it('refuses a frame over MAX_MESSAGE_BYTES with 1009', async () => {
    const big = new Uint8Array(100 * 1024)
    big.set([0, 2])
    await sendAndExpectClose(big, CloseCode.tooLarge)
  })

  it.each([
    ['no token', ''],
    ['a wrong token', 'not-a-token-of-this-board-000000'],
  ])('refuses a socket with %s with 4401', async (_what, t) => {
    const c = await rawClient(srv.wsUrl, boardId, t)
    expect((await c.closed).code).toBe(CloseCode.unauthorized)
  })

  it('refuses an unknown board with 4404 and does not create it', async () => {
    const c = await rawClient(srv.wsUrl, 'no-such-board-0000000000', token)
    expect((await c.closed).code).toBe(CloseCode.unknownBoard)
    expect((await fetch(`${srv.url}/api/boards/no-such-board-0000000000`)).status).toBe(404)
  })

  it.each([
    ['no board', '/ws'],
    ['a path below a board', `/ws/b/private/extra`],
    ['a board id that is not valid percent-encoding', '/ws/%E0%A4%A'],
  ])('refuses an upgrade to %s with a JSON 404, and keeps serving', async (_name, path) => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const ws = new WebSocket(`${srv.wsUrl.replace(/\/ws$/, '')}${path}?token=${token}`)
      ws.on('unexpected-response', (_req, r) => {
        let body = ''
        r.on('data', (d: Buffer) => (body += d.toString()))
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }))
      })
      ws.on('open', () => reject(new Error(`upgraded ${path}`)))
      ws.on('error', () => {})
    })
    expect(res.status).toBe(404)
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'not_found', message: 'No such route.' } })
    expect((await fetch(`${srv.url}/health`)).status).toBe(200)
  })

  it('refuses a WebSocket from a foreign Origin with 403 before upgrading', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${srv.wsUrl}/${boardId}?token=${token}`, { headers: { origin: 'https://evil.example' } })
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('open', () => reject(new Error('upgraded a foreign origin')))
      ws.on('error', () => {})
    })
    expect(status).toBe(403)
    const own = await rawClient(srv.wsUrl, boardId, token, { origin: srv.url })
    own.ws.close()
  })
})
