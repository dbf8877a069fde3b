// The map's items as a spreadsheet: one row per item in reading order (stage, lane, most votes first).
// RFC 4180 (quoted fields, CRLF), with a byte order mark: without it, Excel reads UTF-8 as a legacy code page
// and Arabic and Persian come out as mojibake. The header is English on purpose: scripts key on it.
import { itemsInOrder, type JourneyMap } from '../readMap.js'
import { EXPORT_LABELS, metricName } from './labels.js'
import { roundCsvHeaders, roundCsvValues } from './rounds.js'

export const CSV_HEADER = ['stage', 'lane', 'title', 'votes', 'notes', 'metric', 'target', 'current'] as const
/** Added after the others when the map holds decisions or next steps of the discuss phase: who owns each, by when
 *  (`outcome` says which it is: decision or step). A map without any keeps the columns above alone. */
export const CSV_OUTCOME_HEADER = ['outcome', 'owner', 'due'] as const

/** When the workshop voted in several rounds, a column of each item's votes per round follows ("votes: <round>",
 *  oldest first; empty where the item was not in a round on the top items of the one before). */
export function toCsv(map: JourneyMap): string {
  const stage = new Map(map.stages.map((s) => [s.id, s.name]))
  const lane = new Map(map.lanes.map((l) => [l.id, l.name]))
  const items = itemsInOrder(map)
  const outcomes = items.some((i) => i.outcome)
  const rows = items.map((i) => [
    csvCell(stage.get(i.stageId) ?? ''),
    csvCell(lane.get(i.laneId) ?? ''),
    csvCell(i.title),
    String(i.votes),
    csvCell(i.notes.join(' | ')),
    csvCell(i.metric ? metricName(i.metric) : ''),
    i.metric?.target === undefined ? '' : String(i.metric.target),
    i.metric?.current === undefined ? '' : String(i.metric.current),
    ...(outcomes ? [i.outcome ?? '', csvCell(i.owner ?? ''), i.due ?? ''] : []),
    ...(map.rounds ? roundCsvValues(map.rounds, i) : []),
  ])
  const header: string[] = outcomes ? [...CSV_HEADER, ...CSV_OUTCOME_HEADER] : [...CSV_HEADER]
  if (map.rounds) header.push(...roundCsvHeaders(map.rounds, EXPORT_LABELS.en).map(csvCell))
  return '\uFEFF' + [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n'
}

/** A cell of the team's own text. One that a spreadsheet would take for a formula (=, +, -, @, or a tab or
 *  carriage return first) gets a leading apostrophe, so opening the file cannot run anything. Numbers we
 *  write ourselves (votes, target, current) do not come through here, so -2 stays a number. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
