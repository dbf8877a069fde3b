// The board in Chromium under load, against a named baseline in the same run: the same measurements on a
// quiet board (10 notes, nobody else there), then on 1,000 notes with 200 participants. The ratio says
// what the crowd and the size cost the person at the keyboard.
//   npx vite build && npx tsx bench/boardVsQuiet.ts
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

type Results = Record<string, number>
const run = (notes: number, people: number): Results => {
  mkdirSync('.tmp', { recursive: true })
  const out = `.tmp/browser-bench-${notes}-${people}.json`
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/browserBoard.ts', String(notes), String(people)], {
    env: { ...process.env, BENCH_JSON: out },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return JSON.parse(readFileSync(out, 'utf8')) as Results
}

console.log(`node ${process.version}, ${cpus().length} cores, loadavg ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
const quiet = run(10, 0)
const crowded = run(1000, 200)
const rows: [string, string][] = [
  ['loadMs', 'load: navigation to all notes in the DOM'],
  ['addSameTaskMs', 'add note: in the DOM, same task (median)'],
  ['addFrameMs', 'add note: next animation frame (median)'],
  ['keystrokeFrameMs', 'keystroke to next frame (median)'],
  ['keystrokeFrameP95Ms', 'keystroke to next frame (p95)'],
  ['remoteNoteMs', 'remote note to the DOM (median)'],
  ['longTasksWhileWorking', 'long tasks while working (count)'],
]
console.log(`\n${'figure'.padEnd(44)} ${'quiet board'.padStart(12)} ${'1,000 × 200'.padStart(12)}  ratio`)
for (const [key, label] of rows) {
  const a = quiet[key] ?? NaN
  const b = crowded[key] ?? NaN
  console.log(`${label.padEnd(44)} ${a.toFixed(1).padStart(12)} ${b.toFixed(1).padStart(12)}  ${a > 0 ? (b / a).toFixed(2) + '×' : '–'}`)
}
