// One client update through the room's rules: judged before it touches the document (server/judge.ts),
// then kept, or applied and reverted by the server with the writer's version kept as drafts, or refused.
import * as Y from 'yjs'
import { CloseCode } from '../shared/closeCodes.js'
import type { Draft } from '../shared/drafts.js'
import { readNote, roots } from '../shared/schema.js'
import type { Connection } from './connection.js'
import { claimClients, judgeUpdate } from './judge.js'
import type { RoomPolicy } from './policy.js'

/** Origin of the server's own changes. */
export const SERVER = Symbol('server')

export type Outcome =
  | { kind: 'kept' }
  /** Applied and reverted: the board converges without it; `drafts` go to their writer. */
  | { kind: 'reverted'; personId: string; drafts: Draft[] }
  /** Nothing of it touched the document; the sender is closed with `code`. */
  | { kind: 'refused'; code: number; reason: string }
  /** Applied but not whole (a bug of the judge's, or of Yjs): the document must be reloaded. */
  | { kind: 'broken'; code: number; reason: string }

export function commitClientUpdate(doc: Y.Doc, conn: Connection, update: Uint8Array, policy: RoomPolicy): Outcome {
  const who = policy.writer(conn, doc)
  if (!who) return { kind: 'refused', code: CloseCode.forbidden, reason: 'you may not write here' }
  const v = judgeUpdate(doc, update, who, policy.rules)
  switch (v.kind) {
    case 'malformed':
      return { kind: 'refused', code: CloseCode.malformed, reason: v.reason }
    case 'forged':
      return { kind: 'refused', code: CloseCode.forbidden, reason: v.reason }
    case 'missing':
      return { kind: 'refused', code: CloseCode.resync, reason: v.reason }
  }
  if (v.claims.length > 0) doc.transact(() => claimClients(doc, v.claims, who.personId), SERVER)
  if (v.kind === 'ok') return apply(doc, conn, update) ?? { kind: 'kept' }

  // A rule of the moment: the update is applied whole (its clocks must stay contiguous for its writer),
  // the writer's version of each note it touched is read, and the refused roots are undone by the server.
  const undo = new Y.UndoManager([...v.roots].map((r) => doc.getMap(r)), { trackedOrigins: new Set([conn]), captureTimeout: 0 })
  try {
    const broken = apply(doc, conn, update)
    if (broken) return broken
    const savedAt = Date.now()
    const drafts: Draft[] = []
    for (const key of v.notes) {
      const m = roots(doc).notes.get(key)
      if (!m) continue
      const n = readNote(m)
      drafts.push({ id: key, stageId: n.stageId, kind: n.kind, text: n.text, code: v.refusal.code, savedAt })
    }
    doc.transact(() => undo.undo(), SERVER)
    return { kind: 'reverted', personId: who.personId, drafts }
  } finally {
    undo.destroy()
  }
}

function apply(doc: Y.Doc, conn: Connection, update: Uint8Array): Outcome | null {
  try {
    Y.applyUpdate(doc, update, conn)
  } catch {
    return { kind: 'broken', code: CloseCode.malformed, reason: 'malformed update' }
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) return { kind: 'broken', code: CloseCode.resync, reason: 'incomplete update' }
  return null
}
