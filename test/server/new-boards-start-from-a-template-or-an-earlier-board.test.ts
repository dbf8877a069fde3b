// POST /api/boards with `template` writes the template's stages and starter lanes in the board's language; with
// `from` it copies an earlier board's stages, lanes and frame (none of its notes, clusters, votes or people), and
// only for whoever sends that board's facilitator key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docFromLog } from '../../server/storage/snapshot.js'
import type { CreateBoardResponse } from '../../shared/api.js'
import { readFrame, readMapItems, setFrame } from '../../shared/journeyMap.js'
import { addLane, hideLane, laneLabel, readLanes, renameLane } from '../../shared/lanes.js'
import { promoteTopN } from '../../shared/mapItems.js'
import { readBoard, readBoardLang, renameStage } from '../../shared/schema.js'
import { readTally } from '../../shared/sessionDoc.js'
import { TEMPLATES } from '../../shared/templates.js'
import { until } from '../helpers/clients.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import { votedWorkshop, type VotedWorkshop } from '../helpers/votedWorkshop.js'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer()
})
afterAll(() => srv.close())

const create = (body: unknown) =>
  fetch(`${srv.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** The new board's document as stored. */
async function stored(res: Response): Promise<{ id: string; doc: Y.Doc }> {
  expect(res.status).toBe(201)
  const { id } = (await res.json()) as CreateBoardResponse
  return { id, doc: docFromLog((await srv.store.loadLog(id)).updates) }
}

const refusal = async (res: Response) => [res.status, ((await res.json()) as any).error.code]

describe('a board from a template', () => {
  it('has its stages and starter lanes in the board language, and its title when none is given', async () => {
    const { doc } = await stored(await create({ template: 'purchase', lang: 'ar' }))
    const board = readBoard(doc)
    expect(board.title).toBe('رحلة الشراء من المتجر الإلكتروني')
    expect(board.stages.map((s) => s.name)).toEqual(['الاكتشاف', 'التصفح والمقارنة', 'السلة والدفع', 'التوصيل والاستلام', 'ما بعد الشراء'])
    expect(readBoardLang(doc)).toBe('ar')
    const lanes = readLanes(doc)
    // Renamed default lanes keep their ids (their items still find them); the added one sits after touchpoints.
    expect(lanes.map((l) => l.id)).toEqual(['action', 'need', 'question', 'touchpoint', 'device', 'emotion', 'pain', 'motivation', 'opportunity', 'metric', 'owner'])
    expect(lanes.find((l) => l.id === 'touchpoint')!.name).toBe('القنوات')
    expect(lanes.find((l) => l.id === 'pain')!.name).toBe('نقاط الانسحاب')
    expect(lanes.find((l) => l.id === 'device')!.name).toBe('الأجهزة')
    expect(lanes.find((l) => l.id === 'action')!.name).toBe('') // untouched: the reader's language names it
    expect(board.notes).toEqual([])
  })

  it.each(Object.values(TEMPLATES).map((t) => [t.id, t] as const))('%s is written in each language', async (_id, template) => {
    for (const lang of ['en', 'ar', 'fa'] as const) {
      const { doc } = await stored(await create({ template: template.id, lang, title: 'Mine' }))
      expect(readBoard(doc).title).toBe('Mine')
      expect(readBoard(doc).stages.map((s) => s.name)).toEqual(template.stages[lang])
      const names = readLanes(doc).map((l) => laneLabel(l))
      for (const lane of template.adds) expect(names).toContain(lane.name[lang])
      for (const name of Object.values(template.renames)) expect(names).toContain(name[lang])
    }
  })

  it.each([
    ['an unknown template', { template: 'wedding' }, '"template" must be one of'],
    ['a template with stages', { template: 'purchase', stages: ['A'] }, '"template" brings its own stages'],
    ['an earlier board with a template', { template: 'purchase', from: { boardId: 'abcdefghij', facilitatorKey: 'k' } }, '"from" takes'],
    ['an earlier board without its key', { from: { boardId: 'abcdefghij' } }, '"from" must be'],
  ])('refuses %s, naming the field', async (_what, body, message) => {
    const res = await create(body)
    expect(res.status).toBe(400)
    expect(((await res.json()) as any).error.message).toContain(message)
  })
})

describe('a board from an earlier board', () => {
  let w: VotedWorkshop
  beforeAll(async () => {
    w = await votedWorkshop(srv, {
      title: 'خرید اول از فروشگاه',
      stages: ['آشنایی', 'مقایسه', 'پرداخت'],
      people: ['Sara', 'Reza'],
      notes: [
        ['n1', 0, 'touchpoint', 'تبلیغ اینستاگرام', 0],
        ['n2', 2, 'pain', 'درگاه پرداخت خطا داد', 1],
        ['n3', 2, 'pain', 'کد تخفیف اعمال نشد', 0],
      ],
      clusters: [['c1', ['n2', 'n3'], 'مشکلات پرداخت']],
      votes: [[0, 'c1'], [1, 'c1'], [1, 'n1']],
    })
    const d = w.facilitator.doc
    setFrame(d, { title: 'نقشهٔ خرید', personaName: 'مریم', goal: 'کاهش رهاکردن سبد', scope: 'وب‌سایت' })
    renameStage(d, w.stageIds[1]!, 'جست‌وجو و مقایسه')
    renameLane(d, 'touchpoint', 'کانال‌ها')
    addLane(d, 'device', 'دستگاه‌ها', 4)
    hideLane(d, 'owner')
    promoteTopN(d, 2)
    // Relayed to someone else: then the server holds it.
    const seen = w.people[0]!.doc
    await until(() => readMapItems(seen).length === 2 && readFrame(seen).goal !== '' && readLanes(seen).some((l) => l.id === 'device'), 'the map on the server')
  })
  afterAll(() => w.destroy())

  it('copies its stages, lanes and frame, and none of its notes, clusters, votes, map or people', async () => {
    const source = w.people[0]!.doc
    expect(readTally(source)['c1']).toBe(2)
    const { id, doc } = await stored(await create({ from: { boardId: w.board.id, facilitatorKey: w.board.facilitatorKey }, lang: 'en' }))
    const board = readBoard(doc)
    expect(board.title).toBe('خرید اول از فروشگاه')
    expect(readBoardLang(doc)).toBe(readBoardLang(source) ?? 'en')
    expect(board.stages.map((s) => s.name)).toEqual(['آشنایی', 'جست‌وجو و مقایسه', 'پرداخت'])
    expect(readLanes(doc)).toEqual(readLanes(source))
    expect(readLanes(doc).find((l) => l.id === 'owner')!.hidden).toBe(true)
    expect(readFrame(doc)).toEqual(readFrame(source))
    expect(readFrame(doc).personaName).toBe('مریم')
    expect(board.notes).toEqual([])
    expect(doc.getMap('clusters').size).toBe(0)
    expect(readTally(doc)).toEqual({})
    expect(readMapItems(doc)).toEqual([])
    expect(doc.getMap('emotions').size + doc.getMap('ratings').size).toBe(0)
    expect(doc.getMap('people').size).toBe(0)
    expect(await srv.store.listParticipants(id)).toEqual([])
    // Its own title wins when given.
    const named = await stored(await create({ from: { boardId: w.board.id, facilitatorKey: w.board.facilitatorKey }, title: 'دور دوم' }))
    expect(readBoard(named.doc).title).toBe('دور دوم')
  })

  it('is refused without that board\'s facilitator key, and for a board that is not there', async () => {
    const participantToken = w.people[0]!.token
    expect(await refusal(await create({ from: { boardId: w.board.id, facilitatorKey: participantToken } }))).toEqual([403, 'wrong_key'])
    expect(await refusal(await create({ from: { boardId: w.board.id, facilitatorKey: '' } }))).toEqual([403, 'wrong_key'])
    expect(await refusal(await create({ from: { boardId: 'no-such-board-here', facilitatorKey: w.board.facilitatorKey } }))).toEqual([404, 'board_not_found'])
    // Another board's key opens only that board.
    const other = (await (await create({})).json()) as CreateBoardResponse
    expect(await refusal(await create({ from: { boardId: w.board.id, facilitatorKey: other.facilitatorKey } }))).toEqual([403, 'wrong_key'])
  })
})
