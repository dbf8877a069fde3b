// npm run backup takes a consistent copy of the SQLite store while the server runs and people write; npm run
// restore puts it into an empty data directory, and a server started there has every board, byte for byte.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, readBoard } from '../../shared/schema.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { createOpenBoard } from '../helpers/boards.js'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.js'

const run = promisify(execFile)
const cli = (command: 'backup' | 'restore', file: string, dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'server/backupCli.ts', command, file], { env: { ...process.env, DATA_DIR: dataDir } })

/** Every document the store holds, with its entries as stored. */
function everyLog(file: string): Map<string, Buffer[]> {
  const db = new Database(file, { readonly: true })
  try {
    const rows = db.prepare('SELECT doc_id, data FROM updates ORDER BY doc_id, seq').all() as { doc_id: string; data: Buffer }[]
    const out = new Map<string, Buffer[]>()
    for (const r of rows) (out.get(r.doc_id) ?? out.set(r.doc_id, []).get(r.doc_id)!).push(r.data)
    return out
  } finally {
    db.close()
  }
}
const tables = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return {
      boards: db.prepare('SELECT * FROM boards ORDER BY id').all(),
      participants: db.prepare('SELECT * FROM participants ORDER BY board_id, id').all(),
    }
  } finally {
    db.close()
  }
}
const stateOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

let server: TestServer
const people: Member[] = []
afterAll(async () => {
  people.forEach((m) => m.destroy())
  await server?.close()
})

describe('backup and restore', () => {
  it('copies a running store under writes, and restores every board byte for byte', { timeout: 60_000 }, async () => {
    server = await startTestServer()
    const titles = ['Onboarding', 'سفر خرید آنلاین', 'رحلة العميل']
    const boards = await Promise.all(titles.map((title) => createOpenBoard(server.url, { title })))
    for (const b of boards) people.push(await member(server.url, b.id, { name: 'Writer' }))
    await Promise.all(people.map(synced))

    // Three people keep writing while the backup runs.
    let writing = true
    let written = 0
    const writers = people.map(async (m, i) => {
      const stageId = readBoard(m.doc).stages[0]!.id
      while (writing) {
        addNote(m.doc, { id: `n${i}-${written++}`, stageId, kind: 'pain', text: `ملاحظة رقم ${written} — note ${written}`, authorId: m.me })
        await new Promise((r) => setTimeout(r, 2))
      }
    })
    await until(() => written > 150, 'writes under way')
    const underWrites = join(tempDir(), 'under-writes.sqlite')
    await cli('backup', underWrites, server.dataDir)
    writing = false
    await Promise.all(writers)
    // The copy taken under writes is one moment: it opens, and each board in it is a prefix of what was written.
    const duringWrites = everyLog(underWrites)
    for (const [i, b] of boards.entries()) {
      const doc = stateOf(duringWrites.get(b.id) ?? [])
      expect(readBoard(doc).title).toBe(titles[i])
      expect(readBoard(doc).notes.length).toBeLessThanOrEqual(written)
    }

    // At rest: every edit reached the store (appends are durable before they are relayed).
    for (const [i, m] of people.entries()) {
      await until(() => {
        const kept = stateOf((server.store as SqliteStore).db.prepare('SELECT data FROM updates WHERE doc_id = ? ORDER BY seq').all(boards[i]!.id).map((r) => (r as { data: Buffer }).data))
        return readBoard(kept).notes.length === readBoard(m.doc).notes.length
      }, 'every note stored')
    }
    const atRest = join(tempDir(), 'at-rest.sqlite')
    await cli('backup', atRest, server.dataDir)
    // A backup never overwrites a file.
    await expect(cli('backup', atRest, server.dataDir)).rejects.toThrow(/exists/)

    const restoredDir = tempDir()
    await cli('restore', atRest, restoredDir)
    // Restore only into an empty data directory.
    await expect(cli('restore', atRest, restoredDir)).rejects.toThrow(/empty data directory/)
    const restored = join(restoredDir, 'touchpoint.sqlite')
    // The restored store is the backup, row for row...
    expect(tables(restored)).toEqual(tables(atRest))
    const got = everyLog(restored)
    const copied = everyLog(atRest)
    expect([...got.keys()].sort()).toEqual([...copied.keys()].sort())
    for (const [docId, entries] of copied) expect(got.get(docId), docId).toEqual(entries)
    // ...and every document in it, the board's and each person's private one, is the live store's, byte for
    // byte (the live store may have compacted its rows since; the state is what must not differ).
    const live = everyLog(join(server.dataDir, 'touchpoint.sqlite'))
    expect([...got.keys()].sort()).toEqual([...live.keys()].sort())
    for (const [docId, entries] of live) {
      expect(Buffer.from(Y.encodeStateAsUpdate(stateOf(got.get(docId)!))), docId).toEqual(Buffer.from(Y.encodeStateAsUpdate(stateOf(entries))))
    }

    // A server started on the restored directory serves the boards as they were.
    const again = await startTestServer({ dataDir: restoredDir })
    try {
      for (const [i, b] of boards.entries()) {
        const reader = await member(again.url, b.id, { name: 'Reader' })
        await synced(reader)
        // Everything the writer has, the restored server has (joining adds the reader to its people).
        const seen = Y.decodeStateVector(Y.encodeStateVector(reader.doc))
        for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(people[i]!.doc))) expect(seen.get(client)).toBe(clock)
        expect(readBoard(reader.doc).notes.length).toBe(readBoard(people[i]!.doc).notes.length)
        reader.destroy()
      }
    } finally {
      await again.close()
    }
  })
})
