import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, readBoard } from '../../shared/schema.js'
import { stockClient, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, startTestServer, tempDir } from '../helpers/server.js'

const clients: StockClient[] = []
afterEach(() => clients.splice(0).forEach((c) => c.destroy()))

function writeNotes(c: StockClient, stageId: string, n: number, prefix: string) {
  for (let i = 0; i < n; i++) {
    addNote(c.doc, { id: `${prefix}-${i}`, stageId, kind: 'feeling', text: `${prefix} ملاحظة رقم ${i}`, authorId: prefix })
  }
}

/** The server's own view of a board, fetched by a fresh client. */
async function freshState(wsUrl: string, id: string) {
  const c = stockClient(wsUrl, id)
  clients.push(c)
  await synced(c)
  return c
}

describe('restart', () => {
  it('keeps every note after a clean stop, byte-identical', async () => {
    const dataDir = tempDir()
    let srv = await startTestServer({ dataDir })
    const { id } = await createBoard(srv.url)
    const a = stockClient(srv.wsUrl, id)
    clients.push(a)
    await synced(a)
    writeNotes(a, readBoard(a.doc).stages[0]!.id, 50, 'a')
    const room = (await srv.server.rooms.peek(id))!
    await until(() => room.doc.getMap('notes').size === 50, 'server to have 50 notes')
    const before = Y.encodeStateAsUpdate(room.doc)
    a.destroy()
    await srv.close()

    srv = await startTestServer({ dataDir })
    const b = await freshState(srv.wsUrl, id)
    expect(b.doc.getMap('notes').size).toBe(50)
    const after = Y.encodeStateAsUpdate((await srv.server.rooms.peek(id))!.doc)
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true)
    await srv.close()
  })

  it('keeps every note a participant has seen when the server is killed with SIGKILL', async () => {
    const dataDir = tempDir()
    let child = await spawnServer(dataDir)
    try {
      const { id } = await createBoard(child.url)
      const writer = stockClient(child.wsUrl, id)
      const watcher = stockClient(child.wsUrl, id)
      clients.push(writer, watcher)
      await Promise.all([synced(writer), synced(watcher)])
      writeNotes(writer, readBoard(writer.doc).stages[2]!.id, 200, 'w')
      // Kill the moment the watcher has seen everything: it can only have seen what was stored.
      await until(() => watcher.doc.getMap('notes').size === 200, 'watcher to see 200 notes')
      const seen = Y.encodeStateAsUpdate(watcher.doc)
      child.proc.kill('SIGKILL')
      await new Promise((r) => child.proc.once('exit', r))
      writer.destroy()
      watcher.destroy()

      child = await spawnServer(dataDir)
      const fresh = await freshState(child.wsUrl, id)
      expect(fresh.doc.getMap('notes').size).toBe(200)
      expect(Buffer.from(Y.encodeStateAsUpdate(fresh.doc)).equals(Buffer.from(seen))).toBe(true)
    } finally {
      child.proc.kill('SIGKILL')
    }
  })
})

/** The real entry point in its own process, so that SIGKILL hits a real server mid-flight. */
async function spawnServer(dataDir: string): Promise<{ proc: ChildProcess; url: string; wsUrl: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = out.match(/serving (http:\/\/\S+)/)
      if (m) resolve(m[1]!)
    })
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return { proc, url, wsUrl: url.replace('http', 'ws') + '/ws' }
}
