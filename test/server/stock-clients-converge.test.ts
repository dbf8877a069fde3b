import { isDeepStrictEqual } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, moveNote, readBoard, setNoteText } from '../../shared/schema.js'
import { member, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.js'

describe('stock y-websocket clients on one board', () => {
  let srv: TestServer
  const clients: StockClient[] = []
  // Facilitators may write in any phase; the workshop's rules have their own tests.
  const join = async (id: string, facilitatorKey: string) => {
    const c = await member(srv.url, id, { name: 'Fatemeh', facilitatorKey })
    clients.push(c)
    return c
  }

  beforeEach(async () => {
    srv = await startTestServer()
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await srv.close()
  })

  it('receive the board created over HTTP with its default stages', async () => {
    const { id, facilitatorKey } = await createBoard(srv.url, { title: 'رحلة العميل' })
    const a = await join(id, facilitatorKey)
    await synced(a)
    const board = readBoard(a.doc)
    expect(board.title).toBe('رحلة العميل')
    expect(board.stages.map((s) => s.name)).toEqual(['Awareness', 'Consideration', 'Decision', 'Experience', 'Loyalty'])
  })

  it('converge on concurrent edits, and a third client joining later gets everything', async () => {
    const { id, facilitatorKey } = await createBoard(srv.url, { stages: ['الوعي', 'آگاهی', 'Decision'] })
    const [a, b] = [await join(id, facilitatorKey), await join(id, facilitatorKey)]
    await Promise.all([synced(a), synced(b)])
    const [s1, s2, s3] = readBoard(a.doc).stages
    // Both write at once, before either has seen the other.
    addNote(a.doc, { id: 'n-a', stageId: s1!.id, kind: 'pain', text: 'لم يجد زر الدفع في صفحة السلة', authorId: a.me })
    addNote(b.doc, { id: 'n-b', stageId: s2!.id, kind: 'question', text: 'هزینه‌ی ارسال چقدر است؟', authorId: b.me })
    addNote(b.doc, { id: 'n-c', stageId: s3!.id, kind: 'action', text: 'Compares three platforms', authorId: b.me })
    await until(() => a.doc.getMap('notes').size === 3 && b.doc.getMap('notes').size === 3, 'both to see 3 notes')
    setNoteText(a.doc, 'n-b', 'هزینه‌ی ارسال به شهرستان چقدر است؟')
    moveNote(b.doc, 'n-a', s2!.id, 0)
    await until(() => isDeepStrictEqual(a.doc.toJSON(), b.doc.toJSON()) && readBoard(b.doc).notes.some((n) => n.text.includes('شهرستان')), 'a and b to converge')

    const c = await join(id, facilitatorKey)
    await synced(c)
    await until(() => c.doc.getMap('notes').size === 3, 'late joiner to get the notes')
    expect(readBoard(c.doc)).toEqual(readBoard(a.doc))
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc))
    const notes = readBoard(c.doc).notes
    expect(notes.find((n) => n.id === 'n-a')?.stageId).toBe(s2!.id)
    expect(notes.find((n) => n.id === 'n-b')?.text).toBe('هزینه‌ی ارسال به شهرستان چقدر است؟')
  })
})
