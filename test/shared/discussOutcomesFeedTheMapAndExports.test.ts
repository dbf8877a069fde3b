// What the discuss phase decides reaches the map and every export: drafting the map brings each decision and
// next step of a ranked item into the opportunity lane of its stage, with its owner and due date, and each
// owner into the owner lane; Markdown, CSV and the print page say who owns what; JSON carries the outcomes
// through an import to the same bytes.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSnapshot } from '../../shared/boardSnapshot.js'
import { createCluster } from '../../shared/clusters.js'
import { toCsv } from '../../shared/export/csv.js'
import { fromJson, parseBoardJson, toJson } from '../../shared/export/json.js'
import { EXPORT_LABELS } from '../../shared/export/labels.js'
import { toMarkdown } from '../../shared/export/markdown.js'
import { toPrintHtml } from '../../shared/export/printHtml.js'
import { readMapItems } from '../../shared/journeyMap.js'
import { moveItem, promote, promoteTopN } from '../../shared/mapItems.js'
import { addOutcome, deleteOutcome, readOutcomes } from '../../shared/outcomes.js'
import { readMap } from '../../shared/readMap.js'
import { addNote, initBoard } from '../../shared/schema.js'
import { writeTally } from '../../shared/sessionDoc.js'

function discussedBoard() {
  const doc = new Y.Doc()
  let seq = 0
  initBoard(doc, 'فروشگاه آنلاین ظروف', ['آگاهی', 'تصمیم‌گیری'], () => `s${++seq}`, 1)
  addNote(doc, { id: 'd1', stageId: 's2', kind: 'pain', text: 'درگاه پرداخت دو بار خطا داد', authorId: 'u1' }, 1)
  addNote(doc, { id: 'd2', stageId: 's2', kind: 'pain', text: 'کد تخفیف اعمال نشد', authorId: 'u2' }, 1)
  addNote(doc, { id: 'a1', stageId: 's1', kind: 'touchpoint', text: 'تبلیغ اینستاگرام', authorId: 'u1' }, 1)
  createCluster(doc, 'k-pay', ['d1', 'd2'], 'مشکلات پرداخت', 1)
  writeTally(doc, { 'k-pay': 5, a1: 2 })
  addOutcome(doc, { id: 'o1', itemId: 'k-pay', kind: 'decision', text: 'درگاه دوم اضافه شود', owner: 'تیم پرداخت', due: '2025-03-01', authorId: 'u1' }, 10)
  addOutcome(doc, { id: 'o2', itemId: 'k-pay', kind: 'step', text: 'Test the discount codes', owner: 'تیم پرداخت', due: '', authorId: 'u2' }, 11)
  addOutcome(doc, { id: 'o3', itemId: 'k-pay', kind: 'step', text: 'پیامک تأیید سفارش', owner: 'Support', due: '', authorId: 'u2' }, 12)
  return doc
}

describe('outcomes on the map', () => {
  it('brings decisions and next steps into the opportunity lane and their owners into the owner lane of the stage', () => {
    const doc = discussedBoard()
    promoteTopN(doc, 5)
    const cells = readMap(doc).cells
    expect(cells.s2!.opportunity!.map((i) => [i.title, i.outcome, i.owner, i.due])).toEqual([
      ['درگاه دوم اضافه شود', 'decision', 'تیم پرداخت', '2025-03-01'],
      ['Test the discount codes', 'step', 'تیم پرداخت', ''],
      ['پیامک تأیید سفارش', 'step', 'Support', ''],
    ])
    expect(cells.s2!.owner!.map((i) => [i.title, i.notes])).toEqual([
      ['تیم پرداخت', ['درگاه دوم اضافه شود', 'Test the discount codes']],
      ['Support', ['پیامک تأیید سفارش']],
    ])
    // The lone note had no discussion: nothing of it in those lanes.
    expect(cells.s1!.opportunity).toEqual([])
    expect(cells.s1!.owner).toEqual([])
  })

  it('refreshes them with their item: taken back in the discussion, gone; moved by the facilitator, kept there', () => {
    const doc = discussedBoard()
    promote(doc, { kind: 'cluster', id: 'k-pay' })
    moveItem(doc, 'outcome:o1', 's1', 'opportunity', 0)
    deleteOutcome(doc, 'o3')
    promote(doc, { kind: 'cluster', id: 'k-pay' })
    const items = readMapItems(doc)
    expect(items.find((i) => i.id === 'outcome:o1')).toMatchObject({ stageId: 's1', laneId: 'opportunity' })
    expect(items.some((i) => i.id === 'outcome:o3' || i.title === 'Support')).toBe(false)
  })
})

describe('outcomes in the exports', () => {
  const doc = discussedBoard()
  promoteTopN(doc, 5)
  const labels = EXPORT_LABELS.en
  const map = readMap(doc, labels.lanes)

  it('Markdown names each decision or next step, its owner and due date', () => {
    const md = toMarkdown(map, labels)
    expect(md).toContain('- Decision: **درگاه دوم اضافه شود**\n  - Owner: تیم پرداخت · due: 2025-03-01\n')
    expect(md).toContain('- Next step: **Test the discount codes**\n  - Owner: تیم پرداخت\n')
    expect(md).toContain('### Owner\n\n- **تیم پرداخت**\n  - درگاه دوم اضافه شود\n  - Test the discount codes\n')
  })

  it('CSV gets outcome, owner and due columns when the map holds outcomes, and only then', () => {
    const rows = toCsv(map).replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(rows[0]).toBe('stage,lane,title,votes,notes,metric,target,current,outcome,owner,due')
    expect(rows).toContain('تصمیم‌گیری,Opportunities,درگاه دوم اضافه شود,0,,,,,decision,تیم پرداخت,2025-03-01')
    const bare = new Y.Doc()
    initBoard(bare, 'x', ['a'], () => 's1', 1)
    expect(toCsv(readMap(bare))).toBe('\uFEFFstage,lane,title,votes,notes,metric,target,current\r\n')
  })

  it('the print page says who owns each', () => {
    const html = toPrintHtml(map, { dir: 'rtl', lang: 'fa', labels: EXPORT_LABELS.fa })
    expect(html).toContain('تصمیم: درگاه دوم اضافه شود')
    expect(html).toContain('<div class="metric owner">مسئول: <bdi>تیم پرداخت</bdi> · مهلت <bdi dir="ltr">2025-03-01</bdi></div>')
  })

  it('JSON carries the outcomes and their map items through an import, to the same bytes', () => {
    const once = toJson(readSnapshot(doc))
    expect(JSON.parse(once).outcomes).toHaveLength(3)
    const imported = fromJson(once)
    expect(toJson(readSnapshot(imported))).toBe(once)
    expect(readOutcomes(imported)).toEqual(readOutcomes(doc))
    expect(readMap(imported)).toEqual(readMap(doc))
    const bad = JSON.parse(once)
    bad.outcomes[0].due = 'tomorrow'
    expect(() => parseBoardJson(JSON.stringify(bad))).toThrow('outcomes[0].due')
  })
})
