// `npm run bench [-- filter]`: starts our server and the reference relay (y-websocket 2.1.0), drives both
// with the same load over loopback, prints them side by side with the targets, and writes
// .tmp/bench-results.json. A filter (e.g. `burst`, `fanout-500`) runs only the scenarios whose name has it.
// BENCH_CPU_PROF=<dir> also profiles each server during each measured window (<dir>/<window>-<server>.cpuprofile).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { Boards } from './boards.js'
import { within } from './load.js'
import { report, type Results } from './report.js'
import { bigBoard } from './scenarios/bigBoard.js'
import { burst } from './scenarios/burst.js'
import { fanout } from './scenarios/fanout.js'
import { join as joinRoom } from './scenarios/join.js'
import { memory } from './scenarios/memory.js'
import { ROOT, startOurs, startReference, type BenchServer } from './servers.js'

type Metrics = Record<string, number>

const SCENARIOS: { name: string; run: (b: Boards) => Promise<Metrics> }[] = [
  { name: 'fanout-10', run: (b) => fanout(b, 10) },
  { name: 'fanout-200', run: (b) => fanout(b, 200) },
  { name: 'fanout-500', run: (b) => fanout(b, 500) },
  { name: 'burst', run: burst },
  { name: 'join', run: joinRoom },
  { name: 'bigboard', run: bigBoard },
  { name: 'memory', run: memory },
]
const SCENARIO_CAP_MS = 180_000

const filter = process.argv[2]
const chosen = SCENARIOS.filter((s) => !filter || s.name.includes(filter))
if (chosen.length === 0) {
  console.error(`No scenario matches "${filter}"; there are: ${SCENARIOS.map((s) => s.name).join(', ')}`)
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
console.log('Load generator and both servers share this machine over loopback; figures are noisy when it is busy.\n')

const results: Results = {}
try {
  mkdirSync(dataDir, { recursive: true })
  const ours = await startOurs(dataDir)
  servers.push(ours)
  const reference = await startReference()
  servers.push(reference)
  const boards = { ours: new Boards(ours), reference: new Boards(reference) }
  // Untimed, so that neither server is measured while its code is still being compiled.
  await Promise.all([fanout(boards.ours, 20, 300, 300), fanout(boards.reference, 20, 300, 300)])
  for (const s of chosen) {
    const r: Partial<Results[string]> = {}
    for (const name of ['ours', 'reference'] as const) {
      const t0 = Date.now()
      r[name] = await within(s.run(boards[name]), SCENARIO_CAP_MS, `${s.name} on ${name}`)
      console.log(`${s.name.padEnd(10)} ${name.padEnd(9)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${show(r[name])}`)
    }
    results[s.name] = r as Results[string]
  }
} catch (err) {
  console.error('bench failed:', err)
  process.exitCode = 1
} finally {
  await Promise.all(servers.map((s) => s.stop()))
}

console.log()
const verdicts = report(results)
const loadavgAfter = loadavg().map((l) => +l.toFixed(2))
console.log(`\nloadavg after: ${loadavgAfter.join(' ')}; ${verdicts.filter((v) => v.pass).length}/${verdicts.length} targets pass`)
writeFileSync(join(tmp, 'bench-results.json'), JSON.stringify({ meta: { ...meta, loadavgAfter }, results, verdicts }, null, 2))
console.log(`results written to ${join(tmp, 'bench-results.json')}`)
process.exit()

function show(m: Metrics) {
  return Object.entries(m)
    .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(2)}`)
    .join(' ')
}
