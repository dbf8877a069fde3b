// Issue 12, parts 6 and 7: an import over the bounded counts or lengths (under the 5 MiB cap) is refused
// at once with 400 invalid_board_json saying what is over, and every export query parameter goes through
// its schema: an unknown format or language, `__proto__` included, is a 400 before anything is rendered.
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readSnapshot } from '../../shared/boardSnapshot.js'
import { toJson } from '../../shared/export/json.js'
import { initMap } from '../../shared/lanes.js'
import { LIMITS } from '../../shared/requests.js'
import { DEFAULT_STAGES, initBoard } from '../../shared/schema.js'
import { createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer()
})
afterAll(() => srv.close())

function exported() {
  const doc = new Y.Doc()
  initBoard(doc, 'Imported', DEFAULT_STAGES, nanoid)
  initMap(doc)
  const json = JSON.parse(toJson(readSnapshot(doc))) as Record<string, any>
  doc.destroy()
  return json
}
const note = (stageId: string, i: number) => ({
  id: `n${i}`, stageId, clusterId: null, kind: 'idea', text: 'x', authorId: 'p', order: `a${i}`, createdAt: 1,
})

const importing = async (body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const started = Date.now()
  expect(Buffer.byteLength(text)).toBeLessThan(5 * 1024 * 1024)
  const res = await fetch(`${srv.url}/api/boards/import`, { method: 'POST', body: text })
  return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started }
}

it('imports an honest export', async () => {
  const res = await importing(exported())
  expect(res.status).toBe(201)
})

it.each([
  ['36,000 notes', (b: any) => (b.notes = Array.from({ length: 36_000 }, (_, i) => note(b.stages[0].id, i))), /^notes: 36000 notes, more than the 5000 allowed$/],
  ['400,000 tally keys', (b: any) => (b.tally = Object.fromEntries(Array.from({ length: 400_000 }, (_, i) => [`k${i}`, 1]))), /^tally: more than the 7000 keys allowed$/],
  ['a 4.5 MiB title', (b: any) => (b.title = 't'.repeat(4.5 * 1024 * 1024)), new RegExp(`^title: ${4.5 * 1024 * 1024} characters, more than the ${LIMITS.titleLength} allowed$`)],
  ['a title one over the limit', (b: any) => (b.title = 't'.repeat(LIMITS.titleLength + 1)), /^title: 201 characters/],
  ['a note of 3,000 characters', (b: any) => (b.notes = [{ ...note(b.stages[0].id, 0), text: 'y'.repeat(3000) }]), /^notes\[0\]\.text: 3000 characters, more than the 2000 allowed$/],
  ['30 stages', (b: any) => (b.stages = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, name: 's', order: `a${i}` }))), /^stages: 30 stages, more than the 20 allowed$/],
  ['40,000 ratings', (b: any) => (b.ratings = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`p${i}:s`, 1]))), /^ratings: more than the 10000 keys allowed$/],
  ['a 100 KiB id', (b: any) => (b.notes = [{ ...note(b.stages[0].id, 0), id: 'i'.repeat(100_000) }]), /^notes\[0\]\.id: 100000 characters/],
  ['a 100 KiB tally key', (b: any) => (b.tally = { ['k'.repeat(100_000)]: 1 }), /a key of 100000 characters, more than the 200 allowed$/],
])('refuses an import with %s before building anything, saying what is over', async (_what, craft, message) => {
  const board = exported()
  craft(board)
  const res = await importing(board)
  expect(res.status).toBe(400)
  expect(res.body.error.code).toBe('invalid_board_json')
  expect(res.body.error.message).toMatch(message) // counted before anything was built: no record is named
  expect(srv.server.rooms.loadedCount).toBe(0)
})

it.each([
  ['format=__proto__', /"format" must be one of md, csv, json, html, svg, pdf, png\./],
  ['format=constructor', /"format" must be one of/],
  ['format=toString', /"format" must be one of/],
  ['format=exe', /"format" must be one of/],
  ['format=', /"format" must be one of/],
  ['format=md&format=png', /"format" must be one of/],
  ['format=pdf&lang=__proto__', /"lang" must be one of en, ar, fa\./],
  ['format=png&lang=xx', /"lang" must be one of en, ar, fa\./],
])('answers an export with %s with 400 before reading or rendering anything', async (query, message) => {
  const { id } = await createBoard(srv.url)
  const { token } = await joinBoard(srv.url, id, { name: 'Ana' })
  const loaded = srv.server.rooms.loadedCount
  for (const auth of [{ authorization: `Bearer ${token}` }, {}] as Record<string, string>[]) {
    const started = Date.now()
    const res = await fetch(`${srv.url}/api/boards/${id}/export?${query}`, { headers: auth })
    expect(res.status).toBe(400)
    const body = (await res.json()) as any
    expect(body.error.code).toBe('invalid_format')
    expect(body.error.message).toMatch(message)
    expect(Date.now() - started).toBeLessThan(500)
  }
  // Nothing was loaded for the refused exports (rooms of earlier cases may unload meanwhile: their idle timer).
  expect(srv.server.rooms.loadedCount).toBeLessThanOrEqual(loaded)
})

it('still exports every known format and language', async () => {
  const { id } = await createBoard(srv.url)
  const { token } = await joinBoard(srv.url, id, { name: 'Ana' })
  for (const q of ['format=md', 'format=csv&lang=fa', 'format=json', 'format=svg&lang=ar', 'format=html', '']) {
    const res = await fetch(`${srv.url}/api/boards/${id}/export?${q}`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status, q).toBe(200)
  }
})
