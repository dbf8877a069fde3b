// Judging client updates before applying them (server/commit.ts, issue #11) against the relay before it,
// which applied first and judged afterwards (bench/baseline/applyThenJudge.ts): CPU per update to commit
// the same updates on the same board, a tick at a time (1 update a tick: a quiet room; 10: a busy one),
// in one process, without sockets or storage, so nothing else is measured. The updates are what the stock
// client sends: keystrokes in one's own note, moves of anyone's note, and new notes, from 50 people on a
// board of 1,000 notes, in the cluster phase.
import * as Y from 'yjs'
import { applyOps, type Op } from '../server/commit.js'
import { Connection, type Identity, type Socket } from '../server/connection.js'
import { boardPolicy } from '../server/policy.js'
import { addNote, initBoard, moveNote, noteText, readBoard } from '../shared/schema.js'
import { writeSession } from '../shared/sessionDoc.js'
import { applyThenJudge } from './baseline/applyThenJudge.js'

const PEOPLE = 50
const NOTES_EACH = 20
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3

interface Sent {
  who: Identity
  update: Uint8Array
}

/** The board as stored, and what each person sends next, in the order the server gets it. */
export function workload() {
  const board = new Y.Doc()
  let n = 0
  initBoard(board, 'رحلة', ['الوعي', 'الاعتبار', 'القرار', 'التجربة', 'الولاء'], () => `s${n++}`)
  writeSession(board, { phase: 'cluster' })
  const people: Identity[] = Array.from({ length: PEOPLE }, (_, i) => ({ id: `p${i}`, name: `P${i}`, color: '#000', role: 'participant' }))
  const stages = readBoard(board).stages.map((s) => s.id)
  const seedDocs = people.map(() => new Y.Doc())
  people.forEach((p, i) => {
    const d = seedDocs[i]!
    Y.applyUpdate(d, Y.encodeStateAsUpdate(board))
    for (let k = 0; k < NOTES_EACH; k++) addNote(d, { id: `${p.id}-${k}`, stageId: stages[k % stages.length]!, kind: 'idea', text: 'ملاحظة أولى', authorId: p.id })
  })
  const seeds: Sent[] = people.map((who, i) => ({ who, update: Y.encodeStateAsUpdate(seedDocs[i]!, Y.encodeStateVector(board)) }))
  const sent: Sent[] = []
  const live = seedDocs
  live.forEach((d, i) => seeds.forEach((s, j) => i !== j && Y.applyUpdate(d, s.update)))
  const send = (i: number, change: (d: Y.Doc) => void) => {
    const d = live[i]!
    let update: Uint8Array | null = null
    const take = (u: Uint8Array) => (update = u) // what the stock client sends: the transaction's update
    d.on('update', take)
    change(d)
    d.off('update', take)
    if (!update) return
    sent.push({ who: people[i]!, update })
    for (let j = 0; j < live.length; j++) if (j !== i) Y.applyUpdate(live[j]!, update)
  }
  for (let step = 0; step < 3000; step++) {
    const i = step % PEOPLE
    const p = people[i]!
    if (step % 10 === 9) send(i, (d) => moveNote(d, `p${(i + 7) % PEOPLE}-${step % NOTES_EACH}`, stages[step % stages.length]!, 0))
    else if (step % 10 === 8) send(i, (d) => addNote(d, { id: `${p.id}-new-${step}`, stageId: stages[0]!, kind: 'pain', authorId: p.id }))
    else send(i, (d) => noteText(d, `${p.id}-${step % NOTES_EACH}`)!.insert(0, 'ب'))
  }
  return { board: Y.encodeStateAsUpdate(board), seeds, sent }
}

const socket: Socket = { write: () => true, writeAll: () => true, close() {}, terminate() {}, bufferedAmount: 0 }

function cpuUs(fn: () => void) {
  const t0 = process.cpuUsage()
  fn()
  const t = process.cpuUsage(t0)
  return t.user + t.system
}

export function run(kind: 'judgeFirst' | 'applyFirst', w: ReturnType<typeof workload>, tickSize: number) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, w.board)
  const policy = boardPolicy(async () => {})
  const conns = new Map<string, Connection>()
  const connOf = (who: Identity) => conns.get(who.id) ?? conns.set(who.id, new Connection(socket, 1 << 20, who)).get(who.id)!
  const commit = (tick: Sent[]) => {
    if (kind === 'applyFirst') return applyThenJudge(doc, tick.map((s) => ({ who: connOf(s.who).identity, update: s.update })))
    const ops: Op[] = tick.map((s) => ({ conn: connOf(s.who), update: s.update }))
    const seg = applyOps(doc, ops, 0, policy)
    if (seg.next !== ops.length || seg.discard) throw new Error('refused an honest update')
    return seg.updates.length === 1 ? seg.updates[0]! : Y.mergeUpdates(seg.updates)
  }
  commit(w.seeds)
  const ticks: Sent[][] = []
  for (let i = 0; i < w.sent.length; i += tickSize) ticks.push(w.sent.slice(i, i + tickSize))
  const us = cpuUs(() => ticks.forEach(commit))
  if ([...conns.values()].some((c) => c.closed)) throw new Error('refused an honest update')
  return us / w.sent.length
}

/** µs of CPU per update, median of the rounds, for each tick size: ours, the baseline. */
export function judging() {
  const w = workload()
  run('judgeFirst', w, 1) // warm both paths up before measuring
  run('applyFirst', w, 1)
  const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1]!
  return [1, 10].map((tick) => {
    const ours: number[] = []
    const baseline: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      // Turns alternate, so that neither side always runs after the other's garbage.
      if (r % 2) ours.push(run('judgeFirst', w, tick))
      baseline.push(run('applyFirst', w, tick))
      if (!(r % 2)) ours.push(run('judgeFirst', w, tick))
    }
    return { tick, updates: w.sent.length, ours: median(ours), baseline: median(baseline) }
  })
}

/** Prints the commit step's figures; answers a verdict per tick size: ours at most the baseline's CPU. */
export function reportJudging(results: ReturnType<typeof judging>) {
  return results.map((r) => {
    const ratio = r.ours / r.baseline
    console.log(`judging   ${r.updates} client updates, ${String(r.tick).padStart(2)} a tick: judge first ${r.ours.toFixed(1)} µs/update, ` +
      `apply first (before #11) ${r.baseline.toFixed(1)} µs/update, ${ratio.toFixed(2)}× (target ≤ 1.0×) ${ratio <= 1 ? 'PASS' : 'FAIL'}`)
    return { target: `judging: CPU per update, ${r.tick} a tick ≤ 1.0× applying first`, ratio, pass: ratio <= 1 }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) reportJudging(judging())
