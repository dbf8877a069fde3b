// Typing on a crowded board (issue #16, point 4): the board in Chromium under load against a named baseline
// measured in the same run, a quiet board (10 notes, nobody else there), then 1,000 notes with 200
// participants (bench/browserBoard.ts), taking turns for BENCH_ROUNDS rounds (default 3); each figure is
// the median of its rounds. The ratio says what the crowd and the size cost the person at the keyboard.
//   npx vite build && npx tsx bench/boardVsQuiet.ts        (or `npm run bench -- typing`)
// TEST_CLIENT_DIR=<dir> measures another build of the client (the one in dist/client by default).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Verdict } from './report.js'

type Figures = Record<string, number>
export interface TypingResults {
  rounds: number
  quiet: Figures
  crowded: Figures
  loadavg: { before: number[]; after: number[] }
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const loads = () => loadavg().map((l) => +l.toFixed(2))

function once(notes: number, people: number): Figures {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true })
  const out = join(ROOT, '.tmp', `browser-bench-${notes}-${people}.json`)
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/browserBoard.ts', String(notes), String(people)], {
    cwd: ROOT,
    env: { ...process.env, BENCH_JSON: out },
    stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
  })
  return JSON.parse(readFileSync(out, 'utf8')) as Figures
}

const median = (runs: Figures[]): Figures =>
  Object.fromEntries(
    Object.keys(runs[0]!).map((k) => {
      const v = runs.map((r) => r[k]!).sort((a, b) => a - b)
      const mid = v.length >> 1
      return [k, v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2]
    }),
  )

/** Runs both boards, taking turns, and answers each figure's median. */
export function typing(rounds = Number(process.env.BENCH_ROUNDS) || 3): TypingResults {
  const client = process.env.TEST_CLIENT_DIR ?? join(ROOT, 'dist', 'client')
  if (!existsSync(join(client, 'index.html'))) throw new Error(`typing: no client build in ${client}; run \`npx vite build\` first`)
  const before = loads()
  const quiet: Figures[] = []
  const crowded: Figures[] = []
  for (let round = 1; round <= rounds; round++) {
    quiet.push(once(10, 0))
    crowded.push(once(1000, 200))
    const [q, c] = [quiet.at(-1)!, crowded.at(-1)!]
    console.log(`typing     round ${round}: keystroke p95 quiet ${q.keystrokeFrameP95Ms!.toFixed(1)} ms, crowded ${c.keystrokeFrameP95Ms!.toFixed(1)} ms; longest load task ${c.loadLongestTaskMs!.toFixed(0)} ms; loadavg ${loads().join(' ')}`)
  }
  return { rounds, quiet: median(quiet), crowded: median(crowded), loadavg: { before, after: loads() } }
}

interface Row {
  key: string
  label: string
  unit: string
  /** The issue's bound on the crowded board's figure. */
  max?: number
  show?: (v: number) => string
}

const ROWS: Row[] = [
  { key: 'keystrokeFrameP95Ms', label: 'keystroke to next frame, p95', unit: 'ms', max: 20 },
  { key: 'keystrokeFrameMs', label: 'keystroke to next frame, p50', unit: 'ms' },
  { key: 'keystrokeDrawnP95Ms', label: 'keystroke to that frame drawn, p95', unit: 'ms' },
  { key: 'keystrokeDrawnMs', label: 'keystroke to that frame drawn, p50', unit: 'ms' },
  { key: 'loadLongestTaskMs', label: 'longest task while the board loads', unit: 'ms', max: 200 },
  { key: 'loadMs', label: 'load: navigation to every note in the DOM', unit: 'ms' },
  { key: 'addsNotInSameTask', label: 'new notes not in the DOM in the Enter\'s task (of 20)', unit: '', max: 0, show: (v) => v.toFixed(0) },
  { key: 'addFrameMs', label: 'new note: Enter to its frame drawn, p50', unit: 'ms' },
  { key: 'remoteNoteMs', label: 'remote note to the DOM, p50', unit: 'ms' },
  { key: 'workLongestTaskMs', label: 'longest task while working', unit: 'ms' },
  { key: 'heapMB', label: 'memory: JS heap, loaded (after a GC)', unit: 'MB' },
  { key: 'heapAfterWorkMB', label: 'memory: JS heap, after working', unit: 'MB' },
  { key: 'domNodes', label: 'memory: DOM nodes, loaded', unit: '', show: (v) => v.toFixed(0) },
]

/** Prints the table (crowded against quiet, with the targets); answers the verdicts. */
export function reportTyping(r: TypingResults): Verdict[] {
  const fmt = (row: Row, v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : row.show ? row.show(v) : v.toFixed(1))
  const lines = [['figure (typing, medians of ' + r.rounds + ' rounds)', 'quiet board', '1,000 × 200', 'ratio', 'target', 'result']]
  const verdicts: Verdict[] = []
  for (const row of ROWS) {
    const [q, c] = [r.quiet[row.key], r.crowded[row.key]]
    const ratio = q !== undefined && c !== undefined && q > 0 ? c / q : NaN
    let target = ''
    let result = ''
    if (row.max !== undefined) {
      const pass = c !== undefined && c <= row.max
      target = `≤ ${row.max}${row.unit ? ' ' + row.unit : ''}`
      result = pass ? 'PASS' : 'FAIL'
      verdicts.push({ target: `typing: ${row.label} ${target}`, ratio, value: c, pass })
    }
    lines.push([`${row.label}${row.unit ? ` (${row.unit})` : ''}`, fmt(row, q), fmt(row, c), Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—', target, result])
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  for (const [i, l] of lines.entries()) {
    console.log(l.map((cell, k) => (k >= 1 && k <= 3 ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!))).join('  '))
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
  console.log(`ratio: the crowded board over the quiet one, measured in the same run; loadavg ${r.loadavg.before.join(' ')} → ${r.loadavg.after.join(' ')}`)
  return verdicts
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, loadavg ${loads().join(' ')}`)
  const results = typing()
  console.log()
  const verdicts = reportTyping(results)
  writeFileSync(join(ROOT, '.tmp', 'browser-bench.json'), JSON.stringify({ ...results, verdicts }, null, 2))
  console.log(`\n${verdicts.filter((v) => v.pass).length}/${verdicts.length} targets pass; results in .tmp/browser-bench.json`)
}
