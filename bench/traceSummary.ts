// Summaries of what Chromium's renderer did, for the browser bench's BENCH_PROFILE and BENCH_TRACE modes.

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }
  hitCount?: number
  children?: number[]
}

/** The 25 functions with the most self time in a CPU profile, then the 25 with the most total time
 *  (themselves and what they call; for a minified build, `vite build --minify false` keeps the names). */
export function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const keyOf = (f: ProfileNode['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber ?? 0}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const deltas = profile.timeDeltas ?? []
  ;(profile.samples ?? []).forEach((id, i) => {
    const ms = (deltas[i + 1] ?? 0) / 1000 // a sample's delta is the time since the one before it
    const key = keyOf(byId.get(id)!.callFrame)
    self.set(key, (self.get(key) ?? 0) + ms)
    const seen = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = keyOf(byId.get(n)!.callFrame)
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + ms)
      seen.add(k)
    }
  })
  const top = (m: Map<string, number>, title: string) => {
    console.log(`\n${title}`)
    for (const [k, ms] of [...m].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(0).padStart(7)}  ${k}`)
  }
  top(self, 'self time (ms), top 25:')
  top(total, 'total time (ms), top 25:')
}

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  tid: number
  pid: number
  args?: { name?: string }
}

/** Total duration per event name on the renderer's main thread (nested events are counted in full). */
export function printTrace(trace: { traceEvents: TraceEvent[] }) {
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const totals = new Map<string, number>()
  for (const e of trace.traceEvents) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000)
  }
  console.log('\nrenderer main thread, total ms per trace event (nested included), top 20:')
  for (const [k, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms.toFixed(0).padStart(7)}  ${k}`)
}
