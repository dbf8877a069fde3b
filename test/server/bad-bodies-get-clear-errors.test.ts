// Bodies that break a shared schema are refused over HTTP before any handler runs: 400, the code, and a
// message naming the field; the body is JSON whatever its Content-Type says, as it always was.
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { Renderer } from '../../server/render.js'
import { Rooms } from '../../server/rooms.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import type { CreateBoardResponse, JoinBoardResponse } from '../../shared/api.js'
import { tempDir } from '../helpers/server.js'

const store = new SqliteStore(tempDir())
const rooms = new Rooms(store, { idleMs: 1000, compactEvery: 100 })
const { app } = createApp({ config: loadConfig({}), store, renderer: new Renderer('/usr/bin/chromium'), rooms })
afterAll(() => store.close())

type ErrorBody = { error: { code: string; message: string } }
const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request(`http://localhost/api${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function facilitator() {
  const board = (await (await post('/boards', {})).json()) as CreateBoardResponse
  const res = await post(`/boards/${board.id}/join`, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  expect(res.status).toBe(201)
  const { token } = (await res.json()) as JoinBoardResponse
  const act = (action: unknown) => post(`/boards/${board.id}/actions`, action, { 'content-type': 'application/json', authorization: `Bearer ${token}` })
  return { board, act }
}

describe('actions over HTTP', () => {
  it.each([
    [{ type: 'setBudget', budget: 0, maxPerItem: 3 }, '"budget" must be a whole number from 1 to 50.'],
    [{ type: 'setBudget', budget: 5, maxPerItem: 2.5 }, '"maxPerItem" must be a whole number from 1 to 50.'],
    [{ type: 'timer', command: 'start', ms: 5 * 3600_000 }, '"ms" must be a whole number of milliseconds'],
    [{ type: 'setPhase', phase: 'lunch' }, '"phase" must be one of'],
    [{ type: 'dance' }, 'Unknown action type "dance".'],
    [[1, 2], 'The request body must be a JSON object.'],
  ])('refuses %j with 400 invalid_action and the field in the message', async (action, says) => {
    const { act } = await facilitator()
    const res = await act(action)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as ErrorBody
    expect(error.code).toBe('invalid_action')
    expect(error.message).toContain(says)
  })

  it('runs a good one, asks for a token before looking at the body, and keeps bad JSON and size apart', async () => {
    const { board, act } = await facilitator()
    expect((await act({ type: 'setBudget', budget: 7, maxPerItem: 2 })).status).toBe(200)
    expect((await act({ type: 'timer', command: 'start', ms: 60_000 })).status).toBe(200)

    const stranger = await post(`/boards/${board.id}/actions`, { type: 'dance' })
    expect(stranger.status).toBe(401)
    expect(((await stranger.json()) as ErrorBody).error.code).toBe('unauthorized')

    const broken = await act('{"type": ')
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as ErrorBody).error.code).toBe('bad_json')
    const huge = await act({ type: 'vote', itemId: 'x'.repeat(20_000), delta: 1 })
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as ErrorBody).error.code).toBe('payload_too_large')
  })
})

describe('joining over HTTP', () => {
  it('refuses a name of 41 characters with 400 invalid_request, and reads a body sent as curl -d sends it', async () => {
    const board = (await (await post('/boards', {})).json()) as CreateBoardResponse
    const long = await post(`/boards/${board.id}/join`, { name: 'x'.repeat(41) })
    expect(long.status).toBe(400)
    expect(await long.json()).toEqual({ error: { code: 'invalid_request', message: '"name" must be 1 to 40 characters.' } })

    const curl = await post(`/boards/${board.id}/join`, { name: '  Kaveh  ' }, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(curl.status).toBe(201)
    expect(((await curl.json()) as JoinBoardResponse).name).toBe('Kaveh')
  })
})

describe('creating over HTTP', () => {
  it('takes an empty body labelled JSON, and one with a byte-order mark, as it always did', async () => {
    expect((await post('/boards', '')).status).toBe(201)
    expect((await post('/boards', '\uFEFF{"title": "BOM"}')).status).toBe(201)
    const blank = await post('/boards', { stages: ['  '] })
    expect(await blank.json()).toEqual({ error: { code: 'invalid_request', message: 'Each of "stages" must be a name that is not blank.' } })
  })
})

describe('importing over HTTP', () => {
  it('takes an export posted as it is, whatever its Content-Type', async () => {
    const { board } = await facilitator()
    const joined = (await (await post(`/boards/${board.id}/join`, { name: 'Reader' })).json()) as JoinBoardResponse
    const exported = await app.request(`http://localhost/api/boards/${board.id}/export?format=json&token=${joined.token}`)
    expect(exported.status).toBe(200)
    const json = await exported.text()
    const labels: Record<string, string>[] = [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/json' }]
    for (const headers of labels) {
      const res = await post('/boards/import', '\uFEFF' + json, headers)
      expect(res.status).toBe(201)
      expect(((await res.json()) as CreateBoardResponse).id).not.toBe(board.id)
    }
  })

  it('refuses a wrong envelope and broken JSON with 400 invalid_board_json', async () => {
    const other = await post('/boards/import', { format: 'trello', version: 1 }, {})
    expect(other.status).toBe(400)
    expect(await other.json()).toEqual({
      error: { code: 'invalid_board_json', message: '"format" must be "touchpoint-board": this is not a Touchpoint board export.' },
    })
    const broken = await post('/boards/import', '{"format": ', {})
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as ErrorBody).error).toMatchObject({ code: 'invalid_board_json', message: expect.stringMatching(/^not JSON/) })
  })
})
