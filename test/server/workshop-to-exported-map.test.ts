import { execFile, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createCluster } from '../../shared/clusters.js'
import { setEmotion } from '../../shared/emotionCurve.js'
import { setFrame } from '../../shared/journeyMap.js'
import { promoteTopN, setMetric } from '../../shared/mapItems.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { readSession, readTally } from '../../shared/sessionDoc.js'
import { until } from '../helpers/clients.js'
import { act, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'
import { workshop, type Workshop } from '../helpers/workshop.js'

let srv: TestServer
let w: Workshop
beforeAll(async () => {
  srv = await startTestServer()
})
afterAll(async () => {
  w?.destroy()
  await srv.close()
})

const exportOf = async (id: string, token: string, format: string) => {
  const res = await fetch(`${srv.url}/api/boards/${id}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } })
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

it('a Persian workshop, clustered and voted, exports a map with the right items in the right cells', async () => {
  w = await workshop(srv, ['نرگس', 'بهرام'])
  const [narges, bahram] = w.people as [(typeof w.people)[0], (typeof w.people)[0]]
  const fac = w.facilitator
  await w.run({ type: 'setPhase', phase: 'ideate' })
  await w.run({ type: 'setPrivateWriting', on: false })
  await w.seesPhase(narges!, 'ideate')
  const [aware, consider, decide, use] = readBoard(narges!.doc).stages
  const notes: [string, string, 'action' | 'pain' | 'touchpoint' | 'question' | 'feeling' | 'idea', string][] = [
    ['a1', aware!.id, 'touchpoint', 'تبلیغ اینستاگرام درباره ظروف چدنی را دید'],
    ['a2', aware!.id, 'touchpoint', 'دوستش فروشگاه را معرفی کرد'],
    ['c1', consider!.id, 'question', 'آیا ارسال به شهرستان رایگان است؟'],
    ['c2', consider!.id, 'question', 'ضمانت بازگشت کالا چند روز است؟'],
    ['c3', consider!.id, 'pain', 'نظرات خریداران قبلی کم است'],
    ['d1', decide!.id, 'pain', 'درگاه پرداخت دو بار خطا داد'],
    ['d2', decide!.id, 'pain', 'کد تخفیف در سبد خرید اعمال نشد'],
    ['u1', use!.id, 'feeling', 'از کیفیت بسته‌بندی راضی بود'],
  ]
  for (const [id, stageId, kind, text] of notes) {
    const who = id.endsWith('1') ? narges! : bahram!
    addNote(who.doc, { id, stageId, kind, text, authorId: who.me })
  }
  await until(() => fac.doc.getMap('notes').size === notes.length, 'all notes on the board')
  await w.run({ type: 'setPhase', phase: 'cluster' })
  await w.seesPhase(bahram!, 'cluster')
  createCluster(bahram!.doc, 'k-pay', ['d1', 'd2'], 'مشکلات پرداخت')
  createCluster(narges!.doc, 'k-trust', ['c1', 'c2'], 'شفافیت ارسال و بازگشت')
  await until(() => readBoard(fac.doc).clusters.length === 2, 'two clusters')
  await w.run({ type: 'setPhase', phase: 'vote' })
  await w.seesPhase(narges!, 'vote')
  const votes: [typeof narges, string][] = [
    [narges, 'k-pay'], [narges, 'k-pay'], [narges, 'k-trust'], [narges, 'a1'],
    [bahram, 'k-pay'], [bahram, 'k-trust'], [bahram, 'k-trust'], [bahram, 'c3'],
  ]
  for (const [who, itemId] of votes) expect((await act(srv.url, w.id, who!.token, { type: 'vote', itemId, delta: 1 })).status).toBe(200)
  await w.run({ type: 'revealVotes' })
  await w.run({ type: 'setPhase', phase: 'map' })
  await until(() => readSession(fac.doc).phase === 'map' && readTally(fac.doc)['k-pay'] === 3, 'revealed tally in the map phase')

  // The facilitator frames the map and promotes the top three.
  setFrame(fac.doc, { personaName: 'مریم، خریدار ظروف آشپزخانه', goal: 'کاهش رها کردن سبد خرید', scope: 'خرید اول از وب‌سایت' })
  const promoted = promoteTopN(fac.doc, 3)
  expect(promoted).toHaveLength(3)
  setEmotion(fac.doc, aware!.id, 1)
  setEmotion(fac.doc, decide!.id, -2)
  setMetric(fac.doc, 'cluster:k-pay', { type: 'CES', target: 2, current: 4 })
  await new Promise((r) => setTimeout(r, 300))

  const md = (await exportOf(w.id, fac.token, 'md')).bytes.toString()
  expect(md).toContain('مریم، خریدار ظروف آشپزخانه')
  expect(md).toContain('کاهش رها کردن سبد خرید')
  // Each promoted cluster sits in its stage's section, top-voted first, with its notes.
  const decideSection = md.slice(md.indexOf(decide!.name), md.indexOf(use!.name))
  expect(decideSection).toContain('مشکلات پرداخت')
  expect(decideSection).toContain('درگاه پرداخت دو بار خطا داد')
  expect(md.slice(md.indexOf(consider!.name), md.indexOf(decide!.name))).toContain('شفافیت ارسال و بازگشت')

  const csv = (await exportOf(w.id, fac.token, 'csv')).bytes.toString('utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const rows = csv.slice(1).trim().split('\r\n').map((r) => r.split(','))
  expect(rows[0]).toEqual(['stage', 'lane', 'title', 'votes', 'notes', 'metric', 'target', 'current'])
  const byTitle = new Map(rows.slice(1).map((r) => [r[2], r]))
  expect(byTitle.get('مشکلات پرداخت')!.slice(0, 4)).toEqual([decide!.name, 'نقاط درد', 'مشکلات پرداخت', '3'])
  expect(byTitle.get('مشکلات پرداخت')!.slice(5)).toEqual(['CES', '2', '4'])
  expect(byTitle.get('شفافیت ارسال و بازگشت')!.slice(0, 4)).toEqual([consider!.name, 'پرسش‌ها', 'شفافیت ارسال و بازگشت', '3'])
  expect(rows).toHaveLength(4)

  const pdf = await exportOf(w.id, fac.token, 'pdf')
  expect(pdf.res.headers.get('content-type')).toBe('application/pdf')
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
  mkdirSync('test-results/screenshots', { recursive: true })
  writeFileSync('test-results/screenshots/exported-map.pdf', pdf.bytes)
  const text = spawnSync('pdftotext', ['-layout', 'test-results/screenshots/exported-map.pdf', '-'], { encoding: 'utf8' })
  expect(text.error, 'pdftotext (poppler-utils) must be installed').toBeUndefined()
  // pdftotext gives right-to-left words in visual order and splits the lam-alef ligature: compare words.
  const words = new Set(text.stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').split(/\s+/))
  for (const word of ['پرداخت', 'شفافیت', 'درگاه', 'آشپزخانه', 'CES']) expect(words.has(word), word).toBe(true)
  spawnSync('pdftoppm', ['-png', '-r', '70', '-singlefile', 'test-results/screenshots/exported-map.pdf', 'test-results/screenshots/exported-map-pdf'])

  const png = await exportOf(w.id, fac.token, 'png')
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG')
  writeFileSync('test-results/screenshots/exported-map.png', png.bytes)
  const svg = (await exportOf(w.id, fac.token, 'svg')).bytes.toString()
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)

  // JSON: importing it makes a new board that exports the very same JSON.
  const json = (await exportOf(w.id, fac.token, 'json')).bytes.toString()
  const imported = await fetch(`${srv.url}/api/boards/import`, { method: 'POST', body: json })
  expect(imported.status).toBe(201)
  const copy = (await imported.json()) as { id: string; facilitatorKey: string }
  expect(copy.id).not.toBe(w.id)
  const copyFac = await joinBoard(srv.url, copy.id, { name: 'F', facilitatorKey: copy.facilitatorKey })
  expect((await exportOf(copy.id, copyFac.token, 'json')).bytes.toString()).toBe(json)

  // The command line reads the same store and writes the same CSV.
  const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/exportCli.ts', w.id, '--format', 'csv'], {
    env: { ...process.env, DATA_DIR: srv.dataDir },
  })
  expect(cli.stdout).toBe(csv)
})

it('refuses exports without a token, to observers, in unknown formats, and bad imports', async () => {
  w ??= await workshop(srv, [])
  expect((await fetch(`${srv.url}/api/boards/${w.id}/export?format=md`)).status).toBe(401)
  const observer = await joinBoard(srv.url, w.id, { observer: true })
  expect((await exportOf(w.id, observer.token, 'md')).res.status).toBe(403)
  const bad = await exportOf(w.id, w.facilitator.token, 'docx')
  expect(bad.res.status).toBe(400)
  const imp = await fetch(`${srv.url}/api/boards/import`, { method: 'POST', body: '{"format":"touchpoint-board","version":1}' })
  expect(imp.status).toBe(400)
  expect(((await imp.json()) as { error: { code: string; message: string } }).error.code).toBe('invalid_board_json')
})
