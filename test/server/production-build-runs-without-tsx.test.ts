// The production build: the server and shared/ compiled to JavaScript (tsconfig.server.json) start with plain
// Node, no tsx and no TypeScript loaded, serve the built client beside them, and sync a board with the stock
// client. Its start time is printed; the two-second goal is an operator's figure, read here and in the README.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/schema.js'
import { member, synced } from '../helpers/clients.js'
import { createBoard } from '../helpers/server.js'

const ROOT = resolve(import.meta.dirname, '../..')
// Named dist, as in production: the server finds the client in ../client beside it.
const OUT = join(ROOT, '.tmp', 'prod-build', 'dist')
let child: ChildProcess | undefined

afterAll(() => {
  child?.kill('SIGTERM')
  rmSync(join(ROOT, '.tmp', 'prod-build'), { recursive: true, force: true })
})

describe('the production build', () => {
  it('starts with plain Node and serves the board', { timeout: 120_000 }, async () => {
    rmSync(join(ROOT, '.tmp', 'prod-build'), { recursive: true, force: true })
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json', '--outDir', OUT], { cwd: ROOT })
    expect(existsSync(join(OUT, 'server/main.js'))).toBe(true)
    expect(existsSync(join(OUT, 'server/main.ts'))).toBe(false)
    mkdirSync(OUT, { recursive: true })
    symlinkSync(join(ROOT, 'dist/client'), join(OUT, 'client'))

    const port = 20_000 + Math.floor(Math.random() * 20_000)
    const started = performance.now()
    child = spawn(process.execPath, [join(OUT, 'server/main.js')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), DATA_DIR: join(ROOT, '.tmp', 'prod-build', 'data'), DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (d) => (output += d))
    child.stderr!.on('data', (d) => (output += d))
    const url = `http://127.0.0.1:${port}`
    let ready = false
    while (!ready && performance.now() - started < 30_000) {
      ready = await fetch(`${url}/health`).then((r) => r.ok, () => false)
      if (!ready) await new Promise((r) => setTimeout(r, 25))
    }
    const ms = Math.round(performance.now() - started)
    console.log(`compiled server: /health answered ${ms} ms after start (2 cores, under a test run)`)
    expect(ready, output).toBe(true)

    const page = await fetch(`${url}/`)
    expect(await page.text()).toContain('<div id="root">')
    const board = await createBoard(url, { title: 'Production', stages: ['Awareness', 'Decision'] })
    const m = await member(url, board.id, { name: 'Operator', facilitatorKey: board.facilitatorKey })
    await synced(m)
    expect(readBoard(m.doc).stages.map((s) => s.name)).toEqual(['Awareness', 'Decision'])
    m.destroy()
  })
})
