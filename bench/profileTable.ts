// Where a server's CPU goes per update: `npx tsx bench/profileTable.ts <updates> <a.cpuprofile> [b.cpuprofile…]`
// reads V8 CPU profiles (BENCH_CPU_PROF=<dir> npm run bench -- fanout-10 writes one per server and window) and
// prints, for each, the sampled time per update in the parts of a relay's work. Each sample goes to the part of
// the innermost frame that names one (a socket write inside the relay is a write, not the relay), so the parts
// add up to the profile's busy time; what the profiler itself costs (the inspector, the probe) is left out.
// Profiled times run above unprofiled ones: compare servers within one run, not with the bench's figures.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

interface Node {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}
interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}

/** Parts in the order they are told; a frame belongs to the first whose test it passes. */
const PARTS: [part: string, test: (fn: string, url: string) => boolean][] = [
  ['garbage collection', (fn) => fn === '(garbage collector)'],
  ['the profiler', (fn, url) => url.includes('inspector') || url.endsWith('probe.cjs')],
  ['the append (store)', (_, url) => url.includes('/storage/')],
  ['decoding and judging', (fn, url) => url.endsWith('/judge.ts') || fn === 'decodeUpdate' || fn === 'decodeClientMessage'],
  // The commit step's own code and what it calls in Yjs (the transaction's cleanup included); the judge's
  // calls into Yjs were taken by the line above.
  ['applying', (fn, url) => fn === 'applyUpdate' || fn === 'applyUpdateV2' || url.endsWith('/server/commit.ts')],
  ['building the frame', (_, url) => url.endsWith('/protocol.ts')],
  ['metrics', (_, url) => url.includes('/prom-client/') || url.endsWith('/server/metrics.ts')],
  ['socket writes', (fn, url) => fn === 'writeBuffer' || fn === 'writev' || fn === 'writeUtf8String' || (url.startsWith('node:net') && fn.includes('write'))],
  ['receiving frames (ws)', (_, url) => url.includes('/ws/lib/') || url === 'node:internal/stream_base_commons'],
  // The room's and the relay's own code: queueing, flushing, budgets, the promise hops between them.
  ['the room and the relay', (_, url) => /\/server\/(room|relay|connection|budget)\.ts$/.test(url)],
]
const REST = 'the event loop and the rest'

function parts(file: string): Map<string, number> {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const partOf = new Map<number, string | null>()
  const resolve = (id: number): string | null => {
    if (partOf.has(id)) return partOf.get(id)!
    const { functionName: fn, url } = byId.get(id)!.callFrame
    if (fn === '(idle)' || fn === '(root)') return null
    const own = PARTS.find(([, test]) => test(fn, url))?.[0]
    const up = parent.get(id)
    const part = own ?? (up === undefined ? REST : resolve(up) ?? REST)
    partOf.set(id, part)
    return part
  }
  const out = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const part = resolve(id)
    if (part) out.set(part, (out.get(part) ?? 0) + p.timeDeltas[i]!)
  })
  return out
}

const [count, ...files] = process.argv.slice(2)
const updates = Number(count)
if (!(updates > 0) || files.length === 0) {
  console.error('usage: npx tsx bench/profileTable.ts <updates> <profile.cpuprofile>…')
  process.exit(2)
}
const tables = files.map((f) => ({ name: basename(f, '.cpuprofile'), us: parts(f) }))
const names = [...PARTS.map(([p]) => p), REST].filter((p) => p !== 'the profiler')
const cell = (us: number | undefined) => ((us ?? 0) / updates).toFixed(0).padStart(8)
console.log(`µs of sampled CPU per update (${updates} updates)\n`)
console.log(`${'part'.padEnd(28)}${tables.map((t) => t.name.slice(-12).padStart(14)).join('')}`)
for (const n of names) console.log(`${n.padEnd(28)}${tables.map((t) => cell(t.us.get(n)).padStart(14)).join('')}`)
const total = (t: (typeof tables)[number]) => [...t.us].filter(([p]) => p !== 'the profiler').reduce((a, [, v]) => a + v, 0)
console.log(`${'all of it'.padEnd(28)}${tables.map((t) => cell(total(t)).padStart(14)).join('')}`)
