// The side-by-side table: each figure for ours and the reference, their ratio, and the targets of the
// issue (a ratio ours/reference in the same run, or for memory, ours back to its baseline).
type Metrics = Record<string, number>
export type Results = Record<string, { ours: Metrics; reference: Metrics }>

interface Row {
  scenario: string
  metric: string
  unit: string
  /** Highest acceptable ratio ours/reference, if this figure has a target. */
  maxRatio?: number
}

const ROWS: Row[] = [
  ...[10, 200, 500].flatMap((n): Row[] => [
    { scenario: `fanout-${n}`, metric: 'cpuPerDeliveredUs', unit: 'µs CPU / delivered', maxRatio: 0.7 },
    { scenario: `fanout-${n}`, metric: 'p50Ms', unit: 'ms latency p50' },
    { scenario: `fanout-${n}`, metric: 'p99Ms', unit: 'ms latency p99', ...(n === 500 ? { maxRatio: 1.0 } : {}) },
  ]),
  { scenario: 'burst', metric: 'cpuPerDeliveredUs', unit: 'µs CPU / delivered', maxRatio: 0.25 },
  { scenario: 'burst', metric: 'convergenceMs', unit: 'ms to converge', maxRatio: 0.5 },
  { scenario: 'join', metric: 'cpuMs', unit: 'ms CPU, 500 joins', maxRatio: 0.3 },
  { scenario: 'join', metric: 'wallMs', unit: 'ms until all seen' },
  { scenario: 'bigboard', metric: 'cpuPerJoinMs', unit: 'ms CPU / join', maxRatio: 0.2 },
  { scenario: 'bigboard', metric: 'syncMs', unit: 'ms to synced' },
  { scenario: 'bigboard', metric: 'cpuPerJoinUnchangedMs', unit: 'ms CPU / join, board unchanged' },
  { scenario: 'bigboard', metric: 'syncUnchangedMs', unit: 'ms to synced, board unchanged' },
  { scenario: 'memory', metric: 'heapPerBoardKB', unit: 'KB heap / board' },
  { scenario: 'memory', metric: 'rssPerBoardKB', unit: 'KB rss / board' },
  { scenario: 'memory', metric: 'baseHeapMB', unit: 'MB heap, baseline' },
  { scenario: 'memory', metric: 'afterLeaveHeapMB', unit: 'MB heap, after leave' },
  { scenario: 'memory', metric: 'settledHeapMB', unit: 'MB heap, +≤15 s more' },
]

export interface Verdict {
  target: string
  ratio: number
  pass: boolean
}

const fmt = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)

/** Prints the table; answers the verdict of each target that could be judged. */
export function report(results: Results): Verdict[] {
  const verdicts: Verdict[] = []
  const lines = [['scenario', 'figure', 'ours', 'reference', 'ours/ref', 'target', 'result']]
  for (const row of ROWS) {
    const r = results[row.scenario]
    if (!r) continue
    const ours = r.ours[row.metric]
    const ref = r.reference[row.metric]
    const ratio = ours !== undefined && ref !== undefined ? ours / ref : NaN
    let target = ''
    let result = ''
    if (row.maxRatio !== undefined) {
      const pass = Number.isFinite(ratio) && ratio <= row.maxRatio
      target = `≤ ${row.maxRatio}×`
      result = pass ? 'PASS' : 'FAIL'
      verdicts.push({ target: `${row.scenario} ${row.unit} ≤ ${row.maxRatio}× reference`, ratio, pass })
    }
    lines.push([row.scenario, row.unit, fmt(ours), fmt(ref), Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—', target, result])
  }
  const mem = results.memory
  if (mem) {
    const pass = mem.ours.backToBase === 1
    lines.push(['memory', 'ours heap back to baseline after leave', '', '', '', '≤ +10% / +5 MB', pass ? 'PASS' : 'FAIL'])
    verdicts.push({ target: 'memory: ours heap after leave within +10% or +5 MB of baseline', ratio: mem.ours.afterLeaveHeapMB! / mem.ours.baseHeapMB!, pass })
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  for (const [i, l] of lines.entries()) {
    console.log(l.map((cell, k) => (k >= 2 && k <= 4 ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!))).join('  '))
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
  return verdicts
}
