// The side-by-side table: each figure for ours and the reference, their ratio, and the targets of the
// issue (a ratio ours/reference in the same run; a bound on ours' own figure, for the flood; or for memory,
// ours back to its baseline); for the fan-out and the flood also the floor (bench/floor.ts) and its ratio
// to the reference: the best any target could be.
type Metrics = Record<string, number>
export type Results = Record<string, { ours: Metrics; reference: Metrics; floor?: Metrics }>

interface Row {
  scenario: string
  metric: string
  unit: string
  /** Highest acceptable ratio ours/reference, if this figure has a target. */
  maxRatio?: number
  /** Or: highest acceptable value of ours' figure itself, in `unit` (its first word: ms, µs, KB…). */
  max?: number
  /** Compared with this other figure of ours (a baseline computed in the same run, shown in the reference's
   *  column) rather than with the reference's same figure. */
  against?: string
  /** The ratio judged is ours/floor rather than ours/reference. */
  vsFloor?: boolean
}

/** Issue #16's fan-out targets: CPU per delivered update against the reference (or the floor, at 500). */
const FANOUT_CPU: Record<number, Pick<Row, 'maxRatio' | 'vsFloor'>> = { 10: { maxRatio: 1.0 }, 200: { maxRatio: 0.85 }, 500: { maxRatio: 1.15, vsFloor: true } }

const ROWS: Row[] = [
  ...[10, 200, 500].flatMap((n): Row[] => [
    { scenario: `fanout-${n}`, metric: 'cpuPerDeliveredUs', unit: 'µs CPU / delivered', ...FANOUT_CPU[n] },
    { scenario: `fanout-${n}`, metric: 'systemPerDeliveredUs', unit: '  of which kernel' },
    // What a server spends per update above the least any relay can (its recipients' worth of the floor).
    { scenario: `fanout-${n}`, metric: 'aboveFloorMs', unit: 'ms CPU / update above floor', ...(n === 10 ? { max: 0.5 } : {}) },
    { scenario: `fanout-${n}`, metric: 'p50Ms', unit: 'ms latency p50' },
    { scenario: `fanout-${n}`, metric: 'p99Ms', unit: 'ms latency p99', ...(n === 200 ? {} : { maxRatio: 1.0 }) },
    { scenario: `fanout-${n}`, metric: 'cpuAfterMs', unit: 'ms CPU after, unloading' },
  ]),
  { scenario: 'burst', metric: 'cpuPerDeliveredUs', unit: 'µs CPU / delivered', maxRatio: 0.25 },
  { scenario: 'burst', metric: 'convergenceMs', unit: 'ms to converge', maxRatio: 0.5 },
  { scenario: 'burst', metric: 'cpuAfterMs', unit: 'ms CPU after, unloading' },
  { scenario: 'join', metric: 'cpuMs', unit: 'ms CPU, 500 joins', maxRatio: 0.3 },
  { scenario: 'join', metric: 'wallMs', unit: 'ms until all seen' },
  { scenario: 'bigboard', metric: 'cpuPerJoinMs', unit: 'ms CPU / join', maxRatio: 0.2 },
  { scenario: 'bigboard', metric: 'syncMs', unit: 'ms to synced' },
  { scenario: 'bigboard', metric: 'cpuPerJoinUnchangedMs', unit: 'ms CPU / join, board unchanged' },
  { scenario: 'bigboard', metric: 'syncUnchangedMs', unit: 'ms to synced, board unchanged' },
  { scenario: 'bigboard', metric: 'decodedSyncMs', unit: 'ms to synced, decoded', maxRatio: 1.0 },
  { scenario: 'bigboard', metric: 'joinerKB', unit: 'KB a fresh joiner receives' },
  { scenario: 'bigboard', metric: 'documentKB', against: 'plainMapsKB', unit: 'KB notes state (ref. column: plain maps)', maxRatio: 1.1 },
  { scenario: 'flood', metric: 'quietP50Ms', unit: 'ms honest round trip p50, quiet' },
  { scenario: 'flood', metric: 'quietP95Ms', unit: 'ms honest round trip p95, quiet' },
  { scenario: 'flood', metric: 'floodP50Ms', unit: 'ms honest round trip p50, flood' },
  { scenario: 'flood', metric: 'floodP95Ms', unit: 'ms honest round trip p95, flood', max: 50 },
  { scenario: 'flood', metric: 'floodP99Ms', unit: 'ms honest round trip p99, flood' },
  { scenario: 'flood', metric: 'cpuQuietMs', unit: 'ms CPU, quiet window' },
  { scenario: 'flood', metric: 'cpuMs', unit: 'ms CPU, flood window' },
  { scenario: 'flood', metric: 'cutOff', unit: 'flooder cut off (1/0)' },
  { scenario: 'flood', metric: 'floodSeen', unit: 'flood updates seen (of 20000)' },
  { scenario: 'flood', metric: 'cpuAfterMs', unit: 'ms CPU after, unloading' },
  { scenario: 'memory', metric: 'heapPerBoardKB', unit: 'KB heap / board' },
  { scenario: 'memory', metric: 'rssPerBoardKB', unit: 'KB rss / board' },
  { scenario: 'memory', metric: 'baseHeapMB', unit: 'MB heap, baseline' },
  { scenario: 'memory', metric: 'afterLeaveHeapMB', unit: 'MB heap, after leave' },
  { scenario: 'memory', metric: 'settledHeapMB', unit: 'MB heap, +≤15 s more' },
]

export interface Verdict {
  target: string
  /** What was judged: ours/reference, ours over its bound (`max`), or for memory, after/baseline. */
  ratio: number
  /** For a bound on ours' own figure: that figure. */
  value?: number
  pass: boolean
}

const fmt = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)

/** Adds to each fan-out with a floor: (server − floor) µs per delivered update × recipients, in ms per
 *  update, for ours and the reference (computed from the medians). */
function withAboveFloor(results: Results) {
  for (const [name, r] of Object.entries(results)) {
    const clients = Number(/^fanout-(\d+)$/.exec(name)?.[1])
    if (!clients || !r.floor) continue
    const above = (m: Metrics) => ((m.cpuPerDeliveredUs! - r.floor!.cpuPerDeliveredUs!) * (clients - 1)) / 1000
    r.ours.aboveFloorMs = above(r.ours)
    r.reference.aboveFloorMs = above(r.reference)
  }
}

/** Prints the table; answers the verdict of each target that could be judged. */
export function report(results: Results): Verdict[] {
  withAboveFloor(results)
  const verdicts: Verdict[] = []
  const lines = [['scenario', 'figure', 'ours', 'reference', 'ours/ref', 'floor', 'floor/ref', 'target', 'result']]
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : NaN)
  const showRatio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—')
  for (const row of ROWS) {
    const r = results[row.scenario]
    if (!r) continue
    const [ours, ref, floor] = [r.ours[row.metric], row.against ? r.ours[row.against] : r.reference[row.metric], r.floor?.[row.metric]]
    const oursRatio = ratio(ours, ref)
    let target = ''
    let result = ''
    if (row.maxRatio !== undefined) {
      const judged = row.vsFloor ? ratio(ours, floor) : oursRatio
      const pass = Number.isFinite(judged) && judged <= row.maxRatio
      target = `≤ ${row.maxRatio}×${row.vsFloor ? ' floor' : ''}`
      result = pass ? 'PASS' : 'FAIL'
      if (row.vsFloor) result += ` (${showRatio(judged)})`
      verdicts.push({ target: `${row.scenario} ${row.unit} ≤ ${row.maxRatio}× ${row.vsFloor ? 'floor' : row.against ?? 'reference'}`, ratio: judged, pass })
    } else if (row.max !== undefined) {
      const pass = ours !== undefined && ours <= row.max // NaN (nothing measured) fails
      const bound = `${row.max} ${row.unit.split(' ')[0]}`
      target = `≤ ${bound}`
      result = pass ? 'PASS' : 'FAIL'
      verdicts.push({ target: `${row.scenario} ours ${row.unit} ≤ ${bound}`, ratio: ratio(ours, row.max), value: ours, pass })
    }
    lines.push([row.scenario, row.unit, fmt(ours), fmt(ref), showRatio(oursRatio), fmt(floor), r.floor ? showRatio(ratio(floor, ref)) : '', target, result])
  }
  const mem = results.memory
  if (mem) {
    const pass = mem.ours.backToBase === 1
    lines.push(['memory', 'ours heap back to baseline after leave', '', '', '', '', '', '≤ +10% / +5 MB', pass ? 'PASS' : 'FAIL'])
    verdicts.push({ target: 'memory: ours heap after leave within +10% or +5 MB of baseline', ratio: mem.ours.afterLeaveHeapMB! / mem.ours.baseHeapMB!, pass })
  }
  if (lines.length === 1) return verdicts // no server scenario ran (e.g. `-- judging`)
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  for (const [i, l] of lines.entries()) {
    console.log(l.map((cell, k) => (k >= 2 && k <= 6 ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!))).join('  '))
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
  return verdicts
}
