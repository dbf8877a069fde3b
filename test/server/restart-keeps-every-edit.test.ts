import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, readBoard } from '../../shared/schema.js'
import { member, stockClient, synced, until, type Member, type StockClient } from '../helpers/clients.js'
import { serverProcess } from '../helpers/process.js'
import { createBoard, joinBoard, startTestServer, tempDir } from '../helpers/server.js'

const clients: StockClient[] = []
afterEach(() => clients.splice(0).forEach((c) => c.destroy()))

function writeNotes(c: Member, stageId: string, n: number, prefix: string) {
  for (let i = 0; i < n; i++) {
    addNote(c.doc, { id: `${prefix}-${i}`, stageId, kind: 'feeling', text: `${prefix} ملاحظة رقم ${i}`, authorId: c.me })
  }
}

/** The server's own view of a board, fetched by a fresh client whose token was issued beforehand
 *  (joining writes the person into the board, which would change the state being compared). */
async function freshState(url: string, id: string, token: string) {
  const c = stockClient(`${url.replace('http', 'ws')}/ws`, id, { token })
  clients.push(c)
  await synced(c)
  return c
}

describe('restart', () => {
  it('keeps every note after a clean stop, byte-identical', async () => {
    const dataDir = tempDir()
    let srv = await startTestServer({ dataDir })
    const { id, facilitatorKey } = await createBoard(srv.url)
    const a = await member(srv.url, id, { name: 'Ali', facilitatorKey })
    const { token } = await joinBoard(srv.url, id, { observer: true })
    clients.push(a)
    await synced(a)
    writeNotes(a, readBoard(a.doc).stages[0]!.id, 50, 'a')
    const room = (await srv.server.rooms.peek(id))!
    await until(() => room.doc.getMap('notes').size === 50, 'server to have 50 notes')
    const before = Y.encodeStateAsUpdate(room.doc)
    a.destroy()
    await srv.close()

    srv = await startTestServer({ dataDir })
    const b = await freshState(srv.url, id, token)
    expect(b.doc.getMap('notes').size).toBe(50)
    const after = Y.encodeStateAsUpdate((await srv.server.rooms.peek(id))!.doc)
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true)
    await srv.close()
  })

  it('keeps every note a participant has seen when the server is killed with SIGKILL', async () => {
    const dataDir = tempDir()
    let child = await serverProcess({ DATA_DIR: dataDir })
    try {
      const { id, facilitatorKey } = await createBoard(child.url)
      const writer = await member(child.url, id, { name: 'Writer', facilitatorKey })
      const watcher = await member(child.url, id, { name: 'Watcher' })
      const { token } = await joinBoard(child.url, id, { observer: true })
      clients.push(writer, watcher)
      await Promise.all([synced(writer), synced(watcher)])
      writeNotes(writer, readBoard(writer.doc).stages[2]!.id, 200, 'w')
      // Kill the moment the watcher has seen everything: it can only have seen what was stored.
      await until(() => watcher.doc.getMap('notes').size === 200, 'watcher to see 200 notes')
      const seen = Y.encodeStateAsUpdate(watcher.doc)
      child.proc.kill('SIGKILL')
      await child.exited
      writer.destroy()
      watcher.destroy()

      child = await serverProcess({ DATA_DIR: dataDir })
      const fresh = await freshState(child.url, id, token)
      expect(fresh.doc.getMap('notes').size).toBe(200)
      expect(Buffer.from(Y.encodeStateAsUpdate(fresh.doc)).equals(Buffer.from(seen))).toBe(true)
    } finally {
      child.proc.kill('SIGKILL')
    }
  })
})
