// A board keeps the language it was made in (the creating person's interface language, sent with the create
// request): an export that names no language comes out in it, whatever letters a few notes use; a JSON export
// carries it and an import keeps it. Only the facilitator changes it: the rule table refuses anyone else.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guessBoardLang } from '../../shared/boardLang.js'
import { readMapItems } from '../../shared/journeyMap.js'
import { promote } from '../../shared/mapItems.js'
import { CloseCode } from '../../shared/closeCodes.js'
import { BOARD_RULES, judgeWrite, valueRefusal, type Writer } from '../../shared/rules.js'
import { addNote, readBoard, readBoardLang, setBoardLang } from '../../shared/schema.js'
import { readSession } from '../../shared/sessionDoc.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { act, createBoard, type TestServer } from '../helpers/server.js'
import { serverPerTest } from '../helpers/workshop.js'

const t = serverPerTest<Member>()

const exportOf = async (srv: TestServer, id: string, token: string, format: string, lang?: string) => {
  const res = await fetch(`${srv.url}/api/boards/${id}/export?format=${format}${lang ? `&lang=${lang}` : ''}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return res.text()
}

const ARABIC_CURVE = '## منحنى المشاعر'
const PERSIAN_CURVE = '## منحنی احساسات'

/** An Arabic board (made from the Arabic interface) with Arabic notes and a single Persian one. */
async function arabicBoardWithOnePersianNote({ stored = true } = {}) {
  const board = await createBoard(t.srv.url, { title: 'رحلة عميل منصة العمل الحر', stages: ['الوعي', 'القرار'], ...(stored ? { lang: 'ar' } : {}) })
  const fac = await member(t.srv.url, board.id, { name: 'ليلى', facilitatorKey: board.facilitatorKey })
  const writer = await member(t.srv.url, board.id, { name: 'بهار' })
  t.extra.push(fac, writer)
  await Promise.all([fac, writer].map(synced))
  for (const action of [{ type: 'setPhase', phase: 'ideate' }, { type: 'setPrivateWriting', on: false }] as const) {
    expect((await act(t.srv.url, board.id, fac.token, action)).status).toBe(200)
  }
  await until(() => readSession(writer.doc).phase === 'ideate' && !readSession(writer.doc).privateWriting, 'open ideate phase')
  const [aware, decide] = readBoard(writer.doc).stages
  const notes = [
    [aware!.id, 'وجد المنصة عبر إعلان'],
    [aware!.id, 'سأل زملاءه عن تجربتهم'],
    [decide!.id, 'رسوم الخدمة غير واضحة'],
    [decide!.id, 'گزینه پرداخت با کارت پیدا نشد'], // the one Persian note: پ and گ
  ] as const
  notes.forEach(([stageId, text], i) => addNote(writer.doc, { id: `n${i}`, stageId, kind: 'pain', text, authorId: writer.me }))
  await until(() => fac.doc.getMap('notes').size === notes.length, 'the notes on the board')
  // On the map (the facilitator's), so that the exports hold them.
  notes.forEach((_, i) => expect(promote(fac.doc, { kind: 'note', id: `n${i}` })).toBe(`note:n${i}`))
  await until(() => readMapItems(writer.doc).length === notes.length, 'the map items on the server')
  return { board, fac, writer }
}

describe("the board's language", () => {
  it('is stored when the board is made, and an export without a language comes out in it', async () => {
    const { board, fac } = await arabicBoardWithOnePersianNote()
    expect(readBoardLang(fac.doc)).toBe('ar')
    // What exports did before boards had a language: one Persian letter made the whole board Persian.
    expect(guessBoardLang(fac.doc)).toBe('fa')

    const md = await exportOf(t.srv, board.id, fac.token, 'md')
    expect(md).toContain(ARABIC_CURVE)
    expect(md).not.toContain(PERSIAN_CURVE)
    expect(md).toContain('گزینه پرداخت با کارت پیدا نشد') // the note itself, as written
    const json = JSON.parse(await exportOf(t.srv, board.id, fac.token, 'json')) as { lang?: string }
    expect(json.lang).toBe('ar')
    expect(await exportOf(t.srv, board.id, fac.token, 'html')).toContain('<html lang="ar" dir="rtl">')
    expect(await exportOf(t.srv, board.id, fac.token, 'csv')).toContain('نقاط الألم') // not the Persian 'نقاط درد'
    // A language asked for still wins.
    expect(await exportOf(t.srv, board.id, fac.token, 'md', 'fa')).toContain(PERSIAN_CURVE)

    // An imported board keeps its language: its own exports are Arabic too, and say so.
    const imported = await fetch(`${t.srv.url}/api/boards/import`, { method: 'POST', body: JSON.stringify(json) })
    expect(imported.status).toBe(201)
    const copy = (await imported.json()) as { id: string; facilitatorKey: string }
    const copyFac = await member(t.srv.url, copy.id, { name: 'ليلى', facilitatorKey: copy.facilitatorKey })
    t.extra.push(copyFac)
    await synced(copyFac)
    expect(readBoardLang(copyFac.doc)).toBe('ar')
    expect(await exportOf(t.srv, copy.id, copyFac.token, 'md')).toContain(ARABIC_CURVE)
    expect((JSON.parse(await exportOf(t.srv, copy.id, copyFac.token, 'json')) as { lang?: string }).lang).toBe('ar')
  })

  it('is guessed from the letters, as before, for a board made without one', async () => {
    const { board, fac } = await arabicBoardWithOnePersianNote({ stored: false })
    expect(readBoardLang(fac.doc)).toBeUndefined()
    expect(await exportOf(t.srv, board.id, fac.token, 'md')).toContain(PERSIAN_CURVE)
    expect(JSON.parse(await exportOf(t.srv, board.id, fac.token, 'json'))).not.toHaveProperty('lang')
  })

  it('refuses an unknown language when a board is made', async () => {
    const res = await fetch(`${t.srv.url}/api/boards`, { method: 'POST', body: JSON.stringify({ lang: 'de' }) })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('"lang" must be one of en, ar, fa.')
  })

  it('is written by the facilitator only: the rule table refuses a participant (4403) and takes the facilitator', async () => {
    const session = { phase: 'ideate', locked: false } as Writer['session']
    const as = (role: Writer['role']): Writer => ({ personId: 'p1', role, session })
    expect(valueRefusal(as('participant'), 'meta', 'lang')).toMatchObject({ kind: 'forged', code: 'facilitator_only' })
    expect(valueRefusal(as('observer'), 'meta', 'lang')).toMatchObject({ kind: 'forged', code: 'observer' })
    expect(valueRefusal(as('facilitator'), 'meta', 'lang')).toBeNull()
    expect(judgeWrite(BOARD_RULES, as('facilitator'), { op: 'create', root: 'meta', key: 'lang', fields: {} })).toBeNull()

    const { board, fac, writer } = await arabicBoardWithOnePersianNote()
    // A participant who sets it is a forger: closed, and nothing of it kept.
    const closed = new Promise<number>((resolve) => writer.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)))
    const before = Y.encodeStateVector(fac.doc)
    setBoardLang(writer.doc, 'fa')
    expect(await closed).toBe(CloseCode.forbidden)
    await new Promise((r) => setTimeout(r, 150))
    expect(Y.encodeStateVector(fac.doc)).toEqual(before)
    expect(readBoardLang(fac.doc)).toBe('ar')

    // The facilitator's change reaches everyone and the exports.
    const reader = await member(t.srv.url, board.id, { name: 'سامي' })
    t.extra.push(reader)
    await synced(reader)
    expect(readBoardLang(reader.doc)).toBe('ar')
    setBoardLang(fac.doc, 'en')
    await until(() => readBoardLang(reader.doc) === 'en', "the facilitator's language on another client")
    expect(await exportOf(t.srv, board.id, fac.token, 'md')).toContain('## Emotion curve')
  })
})
