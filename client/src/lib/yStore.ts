// The one bridge from a Y.Doc into Solid: the doc is the source of truth, and after each transaction that
// touched a part's Y types, that part copies what changed into the store. Every write goes through the
// shared/ mutators on the doc, never through the store.
import { batch } from 'solid-js'
import { createStore, type SetStoreFunction } from 'solid-js/store'
import type * as Y from 'yjs'

/** What a refresh reads of the transaction(s) that touched its types. */
export type Changes = Pick<Y.Transaction, 'changed' | 'changedParentTypes'>

export interface StorePart<T extends object> {
  /** The Y types this part reads; a change inside any of them (at any depth) refreshes it. */
  types: readonly Y.AbstractType<any>[]
  /** Copies the doc into the store; `tr` holds what the transaction (or those since the last refresh) changed. */
  refresh: (set: SetStoreFunction<T>, tr: Changes) => void
  /** Whether a remote transaction that changed more than LARGE entries (a whole board arriving) is copied in
   *  a task of its own, decoding it having been a long one already; this person's own change copies it at once. */
  later?: boolean
}

const LARGE = 500
/** Entries of types that were there before: Yjs lists no type made within the transaction. */
function large(tr: Changes) {
  let n = 0
  for (const keys of tr.changed.values()) if ((n += keys.size) > LARGE) return true
  return false
}

export interface YStore<T extends object> {
  state: T
  set: SetStoreFunction<T>
  dispose: () => void
}

const touched = (tr: Changes, t: Y.AbstractType<any>) => tr.changed.has(t) || tr.changedParentTypes.has(t)

export function createYStore<T extends object>(doc: Y.Doc, initial: T, parts: readonly StorePart<T>[]): YStore<T> {
  const [state, set] = createStore<T>(initial)
  // Parts waiting for their task, with everything changed since: what comes meanwhile waits with it, in order.
  const waiting = new Map<StorePart<T>, Changes>()
  let timer: ReturnType<typeof setTimeout> | undefined
  const catchUp = () => {
    clearTimeout(timer)
    timer = undefined
    const all = [...waiting]
    waiting.clear()
    batch(() => all.forEach(([p, changes]) => p.refresh(set, changes)))
  }
  const onTransaction = (tr: Y.Transaction) => {
    const due: StorePart<T>[] = []
    for (const p of parts) {
      const w = waiting.get(p)
      if (w) add(w, tr)
      else if (!p.types.some((t) => touched(tr, t))) continue
      else if (p.later && !tr.local && large(tr)) {
        waiting.set(p, add({ changed: new Map(), changedParentTypes: new Map() }, tr))
        timer ??= setTimeout(catchUp)
      } else due.push(p)
    }
    if (tr.local && waiting.size) catchUp()
    if (due.length) batch(() => due.forEach((p) => p.refresh(set, tr)))
  }
  doc.on('afterTransaction', onTransaction)
  return {
    state,
    set,
    dispose: () => {
      clearTimeout(timer)
      doc.off('afterTransaction', onTransaction)
    },
  }
}

/** Adds what `tr` changed to `to`. */
function add(to: Changes, tr: Changes): Changes {
  for (const [type, keys] of tr.changed) {
    const known = to.changed.get(type)
    if (known) keys.forEach((k) => known.add(k))
    else to.changed.set(type, new Set(keys))
  }
  for (const [type, events] of tr.changedParentTypes) if (!to.changedParentTypes.has(type)) to.changedParentTypes.set(type, events)
  return to
}

/** The keys of `root` (a Y.Map of records) whose record a transaction changed, at any depth. */
export function changedKeys(tr: Changes, root: Y.AbstractType<any>): Set<string> {
  const keys = new Set<string>()
  for (const [type, subs] of tr.changed) {
    if (type === root) {
      for (const k of subs) if (k !== null) keys.add(k)
      continue
    }
    let t: Y.AbstractType<any> | null = type
    while (t?._item && t._item.parent !== root) t = t._item.parent as Y.AbstractType<any>
    const key = t?._item?.parentSub
    if (key) keys.add(key)
  }
  return keys
}
