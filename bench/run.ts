// `npm run bench [-- filter]`: starts our server, the reference relay (y-websocket 2.1.0) and, for the
// fan-out and the flood, the floor (bench/floor.ts), drives them with the same load over loopback, prints
// them side by side with the targets, and writes .tmp/bench-results.json. A filter (e.g. `burst`,
// `fanout-500`) runs only the scenarios whose name has it. The short scenarios run BENCH_ROUNDS times
// (default 3), the servers taking turns, and each figure is the median of its rounds.
// BENCH_CPU_PROF=<dir> also profiles each server during each measured window (<dir>/<window>-<server>.cpuprofile).
// `similar` (bench/similar.ts) and `judging` run in this process, before any server starts; `typing`
// (bench/boardVsQuiet.ts: the board in Chromium, 1,000 notes and 200 people against a quiet board) too, in
// child processes with a test server of their own; it needs a client build (`npx vite build`).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { Boards } from './boards.js'
import { serverCpu, within } from './load.js'
import { sleep } from './client.js'
import { report, type Results } from './report.js'
import { bigBoard } from './scenarios/bigBoard.js'
import { burst } from './scenarios/burst.js'
import { fanout } from './scenarios/fanout.js'
import { flood } from './scenarios/flood.js'
import { join as joinRoom } from './scenarios/join.js'
import { judging, reportJudging } from './judging.js'
import { reportSimilar, similar, similarFigures } from './similar.js'
import { reportTyping, typing } from './boardVsQuiet.js'
import { memory } from './scenarios/memory.js'
import { ROOM_IDLE_MS, ROOT, startFloor, startOurs, startReference, type BenchServer, type ServerName } from './servers.js'

type Metrics = Record<string, number>

interface Scenario {
  name: string
  run: (b: Boards) => Promise<Metrics>
  /** Whether the scenario runs BENCH_ROUNDS times (the long ones run once and take medians inside). */
  repeated: boolean
  /** Whether the floor runs it too. */
  floor?: boolean
}

const SCENARIOS: Scenario[] = [
  { name: 'fanout-10', run: (b) => fanout(b, 10), repeated: true, floor: true },
  { name: 'fanout-200', run: (b) => fanout(b, 200), repeated: true, floor: true },
  { name: 'fanout-500', run: (b) => fanout(b, 500), repeated: true, floor: true },
  { name: 'burst', run: burst, repeated: true },
  { name: 'join', run: joinRoom, repeated: true },
  { name: 'flood', run: flood, repeated: true, floor: true },
  { name: 'bigboard', run: bigBoard, repeated: false },
  { name: 'memory', run: memory, repeated: false },
]
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3
/** After each run: the boards it left unload (ours compacts them) before the next run starts. */
const AFTER_MS = ROOM_IDLE_MS + 500
const SCENARIO_CAP_MS = 180_000

const filter = process.argv[2]
const chosen = SCENARIOS.filter((s) => !filter || s.name.includes(filter))
/** The commit step alone, in this process (bench/judging.ts), before any server starts. */
const withJudging = !filter || 'judging'.includes(filter)
/** Similar notes' precision, recall and time to suggest, also in this process (bench/similar.ts). */
const withSimilar = !filter || 'similar'.includes(filter)
/** Typing on a crowded board in Chromium, against a quiet board (bench/boardVsQuiet.ts). */
const withTyping = !filter || 'typing'.includes(filter)
if (chosen.length === 0 && !withJudging && !withSimilar && !withTyping) {
  console.error(`No scenario matches "${filter}"; there are: ${[...SCENARIOS.map((s) => s.name), 'judging', 'similar', 'typing'].join(', ')}`)
  process.exit(2)
}

const tmp = join(ROOT, '.tmp')
const dataDir = join(tmp, `bench-${Date.now()}`)
const servers: BenchServer[] = []
process.on('exit', () => {
  servers.forEach((s) => s.kill())
  rmSync(dataDir, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

const cpu = cpus()
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cores: cpu.length,
  cpuModel: cpu[0]?.model ?? '?',
  loadavgBefore: loadavg().map((l) => +l.toFixed(2)),
  scenarios: chosen.map((s) => s.name),
}
console.log(`Touchpoint bench: node ${meta.node}, ${meta.cores} × ${meta.cpuModel}, loadavg ${meta.loadavgBefore.join(' ')}`)
console.log(`Load generator and servers share this machine over loopback; ${ROUNDS} rounds of the short scenarios.\n`)

const results: Results = {}
const judged = withJudging ? judging() : []
const alike = withSimilar ? similar() : undefined
let typed: ReturnType<typeof typing> | undefined
try {
  typed = withTyping ? typing() : undefined
} catch (err) {
  console.error('typing failed:', err instanceof Error ? err.message : err)
  process.exitCode = 1
}
try {
  if (chosen.length === 0) throw null // only the commit step was asked for
  mkdirSync(dataDir, { recursive: true })
  const started = await Promise.all([startOurs(dataDir), startReference(), startFloor()])
  servers.push(...started)
  const boards = Object.fromEntries(started.map((s) => [s.name, new Boards(s)])) as Record<ServerName, Boards>
  // Untimed, so that no server is measured while its code is still being compiled: V8 takes about 1,500 of
  // a room's updates to finish optimizing a relay (ours and the reference still got cheaper round after round
  // through the first four rounds of 300 at 10 clients), and the windows no longer start from a full collection
  // that threw that work away (bench/load.ts).
  await Promise.all(started.map((s) => fanout(boards[s.name], 10, 1500, 300)))
  await sleep(AFTER_MS)
  for (const s of chosen) {
    const names: ServerName[] = s.floor ? ['ours', 'reference', 'floor'] : ['ours', 'reference']
    const runs = new Map<ServerName, Metrics[]>(names.map((n) => [n, []]))
    for (let round = 1; round <= (s.repeated ? ROUNDS : 1); round++) {
      for (const name of names) {
        const t0 = Date.now()
        const m = await within(s.run(boards[name]), SCENARIO_CAP_MS, `${s.name} on ${name}`)
        // What the run leaves behind (our idle boards unload and compact) is charged to it here, apart.
        m.cpuAfterMs = (await serverCpu(boards[name].server, () => sleep(AFTER_MS), `${s.name}-after`)).ms
        runs.get(name)!.push(m)
        console.log(`${s.name.padEnd(10)} ${name.padEnd(9)} ${round} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${show(m)}`)
      }
    }
    results[s.name] = Object.fromEntries([...runs].map(([n, ms]) => [n, median(ms)])) as Results[string]
  }
} catch (err) {
  if (err !== null) {
    console.error('bench failed:', err)
    process.exitCode = 1
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()))
}

console.log()
const verdicts = [...report(results), ...reportJudging(judged), ...(alike ? reportSimilar(alike) : [])]
if (typed) {
  console.log()
  verdicts.push(...reportTyping(typed))
}
const loadavgAfter = loadavg().map((l) => +l.toFixed(2))
console.log(`\nloadavg after: ${loadavgAfter.join(' ')}; ${verdicts.filter((v) => v.pass).length}/${verdicts.length} targets pass`)
writeFileSync(join(tmp, 'bench-results.json'), JSON.stringify({ meta: { ...meta, loadavgAfter }, results, ...(alike ? { similar: similarFigures(alike) } : {}), ...(typed ? { typing: typed } : {}), verdicts }, null, 2))
console.log(`results written to ${join(tmp, 'bench-results.json')}`)
process.exit()

/** Each figure's median over the rounds. */
function median(runs: Metrics[]): Metrics {
  return Object.fromEntries(
    Object.keys(runs[0]!).map((k) => {
      const v = runs.map((r) => r[k]!).sort((a, b) => a - b)
      const mid = v.length >> 1
      return [k, v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2]
    }),
  )
}

function show(m: Metrics) {
  return Object.entries(m)
    .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(2)}`)
    .join(' ')
}
