// What a room does with one tick's worth of changes: each client update judged before it touches the
// document (server/judge.ts), then kept, or applied and reverted by the server with its writer's version
// kept as drafts, or refused; the server's own changes in between. Kept client updates that arrive
// together are applied in one transaction, and one that holds only what the document lacks is stored and
// relayed as the bytes its client sent, so Yjs encodes nothing again.
import * as Y from 'yjs'
import { CloseCode } from '../shared/closeCodes.js'
import type { Draft } from '../shared/drafts.js'
import type { Writer } from '../shared/rules.js'
import { readNote, roots } from '../shared/schema.js'
import type { Connection } from './connection.js'
import { claimClients, claimServer, judgeUpdate, type Verdict } from './judge.js'
import type { RoomPolicy } from './policy.js'
import { log } from './log.js'

/** Origin of the server's own changes. */
export const SERVER = Symbol('server')

export type Op = (
  | { conn: Connection; update: Uint8Array }
  | { change: (doc: Y.Doc) => void; done: (err?: unknown) => void }
) & {
  /** When it arrived (performance.now()): the relay latency runs from here. */
  at?: number
}

export interface Segment {
  /** What the kept changes did to the document, in order (merge them for one stored entry). */
  updates: Uint8Array[]
  /** The server changes among them, to be told once those are durable. */
  done: ((err?: unknown) => void)[]
  /** Work the board did not take, to be kept for its writers before `updates` are relayed. */
  drafts: { personId: string; drafts: Draft[] }[]
  /** Where the next segment starts. */
  next: number
  /** The document holds something it must not (an update that did not apply whole): reload it. */
  discard: boolean
}

/** Connections one of whose updates was refused: whatever else they sent is dropped. */
const refused = new WeakSet<Connection>()

type NotNow = Extract<Verdict, { kind: 'notNow' }>
type Kept = Extract<Verdict, { kind: 'ok' | 'notNow' }>

/** Applies ops from `from` until one leaves the doc broken; closes the senders of refused updates. */
export function applyOps(doc: Y.Doc, batch: Op[], from: number, policy: RoomPolicy): Segment {
  const seg: Segment = { updates: [], done: [], drafts: [], next: batch.length, discard: false }
  /** Runs `fn` with Yjs encoding what it changes into the segment. */
  const captured = <T>(fn: () => T): T => {
    const capture = (u: Uint8Array) => seg.updates.push(u)
    doc.on('update', capture)
    try {
      return fn()
    } finally {
      doc.off('update', capture)
    }
  }
  const broken = (conns: Connection[], before: number, next: number): Segment => {
    // They resend what they sent to the reloaded room; what the segment kept before them is stored.
    seg.updates.length = before
    for (const conn of conns) conn.close(CloseCode.resync, 'the server could not apply an update')
    log.error('an update the judge let through did not apply whole: reloading the room')
    return { ...seg, next, discard: true }
  }
  let i = from
  while (i < batch.length) {
    const op = batch[i]!
    if ('change' in op) {
      captured(() =>
        doc.transact(() => {
          claimServer(doc)
          op.change(doc)
        }, SERVER),
      )
      seg.done.push(op.done)
      i++
      continue
    }
    const before = seg.updates.length
    const run = applyRun(doc, batch, i, policy, seg.updates)
    if (run.broken) return broken(run.conns, before, run.next)
    i = run.next
    if (!run.aside) continue
    // One to apply on its own, with Yjs saying what it changed: it claims client ids (recorded first,
    // in a server transaction of its own: Yjs marks a transaction that applies an update as remote, and
    // would take a server write in it for another client using the server's id), or it repeats what the
    // document holds, or a rule of the moment does not take it.
    const { conn, update, who, verdict } = run.aside
    const afterRun = seg.updates.length
    const whole = captured(() => {
      if (verdict.claims.length > 0) doc.transact(() => claimClients(doc, verdict.claims, who.personId), SERVER)
      if (verdict.kind === 'ok') return applyWhole(doc, update, conn)
      const out = keepForLater(doc, conn, update, who, verdict)
      if (out && out.drafts.length > 0) seg.drafts.push(out)
      return out !== null
    })
    if (!whole) return broken([conn], afterRun, i + 1)
    i++
  }
  return seg
}

/** Judges and applies consecutive client updates in one transaction, each stored and relayed as the
 *  bytes its client sent (so Yjs encodes nothing), until a server change, an update to apply on its own
 *  (`aside`), or the end. */
function applyRun(doc: Y.Doc, batch: Op[], from: number, policy: RoomPolicy, kept: Uint8Array[]) {
  let i = from
  let aside = null as { conn: Connection; update: Uint8Array; who: Writer; verdict: Kept } | null // set inside the transaction
  let broken = false
  const conns: Connection[] = []
  doc.transact(() => {
    for (; i < batch.length; i++) {
      const op = batch[i]!
      if ('change' in op) return
      // What a sender sent after one of its updates was refused builds on it; what it sent before it
      // closed for any other reason (it left, it ran over its budget) is judged like anyone's.
      if (refused.has(op.conn)) continue
      const who = policy.writer(op.conn, doc)
      const v = judgeUpdate(doc, op.update, who, policy.rules)
      if (v.kind === 'malformed' || v.kind === 'forged' || v.kind === 'missing') {
        const code = v.kind === 'malformed' ? CloseCode.malformed : v.kind === 'forged' ? CloseCode.forbidden : CloseCode.resync
        op.conn.close(code, v.reason.slice(0, 120))
        refused.add(op.conn)
        dropLater(batch, i, op.conn) // they build on the refused one
        continue
      }
      if (v.claims.length > 0 || v.kind === 'notNow' || !v.exact) {
        aside = { conn: op.conn, update: op.update, who, verdict: v }
        return
      }
      conns.push(op.conn)
      if (!applyWhole(doc, op.update, op.conn)) {
        broken = true
        i++
        return
      }
      kept.push(op.update)
    }
  }, SERVER)
  return { next: i, aside, broken, conns }
}

/** A rule of the moment: the update is applied whole (its clocks must stay contiguous for its writer),
 *  the writer's version of each note it touched is read, and the refused roots are undone by the server. */
function keepForLater(doc: Y.Doc, conn: Connection, update: Uint8Array, who: Writer, v: NotNow) {
  const undo = new Y.UndoManager([...v.roots].map((r) => doc.getMap(r)), { trackedOrigins: new Set([conn]), captureTimeout: 0 })
  const drafts: Draft[] = []
  try {
    if (!applyWhole(doc, update, conn)) return null
    const savedAt = Date.now()
    for (const key of v.notes) {
      const m = roots(doc).notes.get(key)
      if (!m) continue
      const n = readNote(m)
      drafts.push({ id: key, stageId: n.stageId, kind: n.kind, text: n.text, code: v.refusal.code, savedAt })
    }
    doc.transact(() => undo.undo(), SERVER)
  } finally {
    undo.destroy()
  }
  return { personId: who.personId, drafts }
}

function applyWhole(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  try {
    Y.applyUpdate(doc, update, origin)
  } catch {
    return false
  }
  return !doc.store.pendingStructs && !doc.store.pendingDs
}

function dropLater(batch: Op[], i: number, conn: Connection) {
  for (let j = i + 1; j < batch.length; j++) {
    const later = batch[j]!
    if ('conn' in later && later.conn === conn) batch.splice(j--, 1)
  }
}
