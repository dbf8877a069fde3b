// The server's log, read whole after a workshop run as an operator would read it: every line is a JSON object
// with a level and a message, requests carry their id and board, and no token, facilitator key or note text
// appears anywhere in it.
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { act, createBoard, tempDir } from '../helpers/server.js'

const ROOT = resolve(import.meta.dirname, '../..')
let child: ChildProcess | undefined
const people: Member[] = []
afterAll(() => {
  people.forEach((m) => m.destroy())
  child?.kill('SIGTERM')
})

describe('the log', () => {
  it('is JSON lines with request ids and board ids, and never a secret or a note', { timeout: 60_000 }, async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000)
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, VITEST: '', PORT: String(port), DATA_DIR: join(tempDir(), 'data'), LOG_LEVEL: 'debug', DATABASE_URL: '', REDIS_URL: '', ROOM_IDLE_MS: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout!.on('data', (d) => (out += d))
    child.stderr!.on('data', (d) => (out += d))
    const url = `http://127.0.0.1:${port}`
    await until(() => out.includes('Touchpoint is serving'), 'the server started', 30_000)

    const board = await createBoard(url, { title: 'Secret roadmap' })
    const fac = await member(url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
    const rana = await member(url, board.id, { name: 'Rana' })
    people.push(fac, rana)
    await Promise.all(people.map(synced))
    const secrets = [board.facilitatorKey, fac.token, rana.token]
    for (const action of [{ type: 'setPhase', phase: 'ideate' }, { type: 'setPrivateWriting', on: false }] as const) {
      expect((await act(url, board.id, fac.token, action)).status).toBe(200)
    }
    await until(() => readBoard(rana.doc).stages.length > 0, 'stages')
    const noteText = 'الدفع فشل ثلاث مرات zqxj-unique-note'
    addNote(rana.doc, { id: 'n1', stageId: readBoard(rana.doc).stages[0]!.id, kind: 'pain', text: noteText, authorId: rana.me })
    await until(() => readBoard(fac.doc).notes.length === 1, 'the note reached the facilitator')
    // A refused action, a wrong token, an export: lines at info and above as well.
    expect((await act(url, board.id, rana.token, { type: 'setPhase', phase: 'vote' })).status).toBe(403)
    expect((await fetch(`${url}/api/boards/${board.id}/actions`, { method: 'POST', headers: { authorization: 'Bearer nope', 'content-type': 'application/json' }, body: '{"type":"revealNotes"}' })).status).toBe(401)
    const exported = await fetch(`${url}/api/boards/${board.id}/export?format=json`, { headers: { authorization: `Bearer ${fac.token}` } })
    expect(await exported.text()).toContain('zqxj-unique-note')
    child.kill('SIGTERM')
    await new Promise((r) => child!.once('exit', r))

    const lines = out.trim().split('\n')
    expect(lines.length).toBeGreaterThan(5)
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    for (const e of entries) {
      expect(typeof e.level).toBe('number')
      expect(typeof e.msg).toBe('string')
      expect(typeof e.time).toBe('string')
    }
    const requests = entries.filter((e) => e.reqId)
    expect(requests.some((e) => e.boardId === board.id && e.status === 403)).toBe(true)
    expect(requests.some((e) => e.status === 401)).toBe(true)
    expect(entries.some((e) => e.msg === 'saving boards and closing')).toBe(true)
    for (const secret of [...secrets, noteText, 'zqxj-unique-note']) expect(out).not.toContain(secret)
  })
})
