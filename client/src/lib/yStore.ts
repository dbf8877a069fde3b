// The one bridge from a Y.Doc into Solid: the doc is the source of truth, and after each transaction that
// touched a part's Y types, that part copies what changed into the store. Every write goes through the
// shared/ mutators on the doc, never through the store.
import { batch } from 'solid-js'
import { createStore, type SetStoreFunction } from 'solid-js/store'
import type * as Y from 'yjs'

export interface StorePart<T extends object> {
  /** The Y types this part reads; a change inside any of them (at any depth) refreshes it. */
  types: readonly Y.AbstractType<any>[]
  /** Copies the doc into the store; `tr` is the transaction that touched `types`. */
  refresh: (set: SetStoreFunction<T>, tr: Y.Transaction) => void
}

export interface YStore<T extends object> {
  state: T
  set: SetStoreFunction<T>
  dispose: () => void
}

const touched = (tr: Y.Transaction, t: Y.AbstractType<any>) => tr.changed.has(t) || tr.changedParentTypes.has(t)

export function createYStore<T extends object>(doc: Y.Doc, initial: T, parts: readonly StorePart<T>[]): YStore<T> {
  const [state, set] = createStore<T>(initial)
  const onTransaction = (tr: Y.Transaction) => {
    const due = parts.filter((p) => p.types.some((t) => touched(tr, t)))
    if (due.length) batch(() => due.forEach((p) => p.refresh(set, tr)))
  }
  doc.on('afterTransaction', onTransaction)
  return { state, set, dispose: () => doc.off('afterTransaction', onTransaction) }
}

/** The keys of `root` (a Y.Map of records) whose record a transaction changed, at any depth. */
export function changedKeys(tr: Y.Transaction, root: Y.AbstractType<any>): Set<string> {
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
