// The baseline of bench/judging.ts: how the relay committed a tick's client updates before issue #11,
// kept only to measure against. Each update was applied first, in its own transaction, then judged in
// `afterTransaction` (roots and note authors only; a refused one was undone by reloading the doc from the
// store), and the kept ones' updates merged into one entry.
import * as Y from 'yjs'
import { readSession } from '../../shared/sessionDoc.js'
import { participantsMayWrite } from '../../shared/workshop.js'
import type { Identity } from '../../server/connection.js'

// The root lists shared/schema.ts held then; shared/rules.ts has replaced them.
const FACILITATOR_ROOTS = ['meta', 'stages', 'frame', 'lanes', 'mapItems', 'emotions']
const CLIENT_ROOTS = ['notes', 'clusters', 'ratings', ...FACILITATOR_ROOTS]

function touchedRoots(tr: Y.Transaction): Map<string, Set<string>> {
  const names = new Map<Y.AbstractType<any>, string>()
  for (const [name, type] of tr.doc.share) names.set(type, name)
  const out = new Map<string, Set<string>>()
  for (const [type, keys] of tr.changed) {
    let t: Y.AbstractType<any> = type
    let topKeys: Iterable<string | null> = keys
    while (t._item) {
      topKeys = [t._item.parentSub]
      t = t._item.parent as Y.AbstractType<any>
    }
    const name = names.get(t) ?? '?'
    const set = out.get(name) ?? new Set<string>()
    for (const k of topKeys) if (k !== null) set.add(k)
    out.set(name, set)
  }
  return out
}

function refusal(who: Identity, tr: Y.Transaction): string | null {
  for (const [root, keys] of touchedRoots(tr)) {
    if (!CLIENT_ROOTS.includes(root)) return 'server root'
    if (who.role === 'participant') {
      if (FACILITATOR_ROOTS.includes(root)) return 'facilitator only'
      if (!participantsMayWrite(readSession(tr.doc))) return 'phase'
    }
    if (root !== 'notes') continue
    const notes = tr.doc.getMap('notes')
    for (const id of keys) {
      const item = notes._map.get(id)
      if (!item) continue
      const note = (item.content as Y.ContentType).type as Y.Map<unknown>
      // Notes name their author first in `f` since schema version 2 (shared/schema.ts).
      const fixed = item.deleted ? note._map.get('f')?.content.getContent()[0] : note.get('f')
      const author = Array.isArray(fixed) ? fixed[0] : undefined
      const isNew = item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0)
      if (item.deleted ? !isNew && author !== who.id && who.role !== 'facilitator' : isNew && author !== who.id) return 'author'
    }
  }
  return null
}

/** Commits one tick: answers the one update to store, or throws at an update it would have refused. */
export function applyThenJudge(doc: Y.Doc, tick: { who: Identity; update: Uint8Array }[]): Uint8Array | null {
  const updates: Uint8Array[] = []
  const capture = (u: Uint8Array) => updates.push(u)
  doc.on('update', capture)
  try {
    for (const { who, update } of tick) if (applyChecked(doc, who, update)) throw new Error('refused an honest update')
  } finally {
    doc.off('update', capture)
  }
  return updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
}

function applyChecked(doc: Y.Doc, who: Identity, update: Uint8Array): string | null {
  let refused: string | null = null
  const check = (tr: Y.Transaction) => {
    if (tr.origin === who && refused === null) refused = refusal(who, tr)
  }
  doc.on('afterTransaction', check)
  try {
    Y.applyUpdate(doc, update, who)
  } finally {
    doc.off('afterTransaction', check)
  }
  return refused
}
