import { describe, expect, it } from 'vitest'
import { CSV_HEADER, csvCell, toCsv } from '../../shared/export/csv.js'
import type { MapItem } from '../../shared/journeyMap.js'
import type { JourneyMap } from '../../shared/readMap.js'

const item = (title: string, extra: Partial<MapItem> = {}): MapItem => ({ id: title, stageId: 's', laneId: 'pain',
  order: 'a0', sourceKind: 'note', sourceId: title, title, notes: [], votes: 2, metric: null, ...extra })
const map = (items: MapItem[], stage = 'تجربه'): JourneyMap => ({
  title: 't', frame: { title: '', personaName: '', personaDescription: '', goal: '', scope: '' },
  stages: [{ id: 's', name: stage }], lanes: [{ id: 'pain', name: 'Pain points' }], cells: { s: { pain: items } },
  curve: [{ stageId: 's', score: null }],
})
/** Naive parse, enough for these rows: no quoted commas in them. */
const rows = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1).map((r) => r.split(','))

describe('CSV export', () => {
  it('starts with a byte order mark and the header, ends every row with CRLF', () => {
    const csv = toCsv(map([item('ثبت‌نام طولانی')]))
    expect(csv.startsWith('\uFEFFstage,lane,title,votes,notes,metric,target,current\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(rows(csv)[0]).toEqual([...CSV_HEADER])
  })

  it.each(['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\r=1'])(
    'neutralises a cell a spreadsheet would run as a formula: %j',
    (text) => {
      const cell = csvCell(text)
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true)
    },
  )

  it('neutralises formulas in every column of user text: stage, lane, title, notes, metric name', () => {
    const m = map([item('=1+1', { notes: ['+cmd', 'ok'], metric: { type: 'custom', name: '@x', target: -2, current: -7.5 } })], '-stage')
    m.lanes[0]!.name = '=lane'
    const [row] = rows(toCsv(m)).slice(1)
    expect(row).toEqual(["'-stage", "'=lane", "'=1+1", '2', "'+cmd | ok", "'@x", '-2', '-7.5'])
  })

  it('keeps numbers it writes itself as numbers, negative ones included', () => {
    const [row] = rows(toCsv(map([item('NPS', { metric: { type: 'NPS', target: 30, current: -12 } })]))).slice(1)
    expect(row!.slice(3)).toEqual(['2', '', 'NPS', '30', '-12'])
  })

  it('quotes fields with commas, quotes or line breaks (RFC 4180) and leaves Persian as it is', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('he said "no"')).toBe('"he said ""no"""')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell('=a,b')).toBe(`"'=a,b"`)
    expect(csvCell('هزینه ارسال، زیاد')).toBe('هزینه ارسال، زیاد')
  })
})
