// The map's items as a spreadsheet: one row per item in reading order (stage, lane, most votes first).
// RFC 4180 (quoted fields, CRLF), with a byte order mark: without it, Excel reads UTF-8 as a legacy code page
// and Arabic and Persian come out as mojibake. The header is English on purpose: scripts key on it.
import { itemsInOrder, type JourneyMap } from '../readMap.js'
import { metricName } from './labels.js'

export const CSV_HEADER = ['stage', 'lane', 'title', 'votes', 'notes', 'metric', 'target', 'current'] as const

export function toCsv(map: JourneyMap): string {
  const stage = new Map(map.stages.map((s) => [s.id, s.name]))
  const lane = new Map(map.lanes.map((l) => [l.id, l.name]))
  const rows = itemsInOrder(map).map((i) => [
    csvCell(stage.get(i.stageId) ?? ''),
    csvCell(lane.get(i.laneId) ?? ''),
    csvCell(i.title),
    String(i.votes),
    csvCell(i.notes.join(' | ')),
    csvCell(i.metric ? metricName(i.metric) : ''),
    i.metric?.target === undefined ? '' : String(i.metric.target),
    i.metric?.current === undefined ? '' : String(i.metric.current),
  ])
  return '\uFEFF' + [[...CSV_HEADER], ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n'
}

/** A cell of the team's own text. One that a spreadsheet would take for a formula (=, +, -, @, or a tab or
 *  carriage return first) gets a leading apostrophe, so opening the file cannot run anything. Numbers we
 *  write ourselves (votes, target, current) do not come through here, so -2 stays a number. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
