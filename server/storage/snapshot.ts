// Merging stored updates into one snapshot, from the rows alone: where several processes share a store,
// compaction must not depend on what one of them holds in memory, since another may have appended rows
// it has not seen. (SQLite, one process's own file, may take the room's copy instead: Store.compact.)
import * as Y from 'yjs'

/** A document with every stored update applied, in one transaction. */
export function docFromLog(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)))
  return doc
}

export function mergeLog(updates: Uint8Array[]): Uint8Array {
  const doc = docFromLog(updates)
  // An update whose dependencies are not (yet) in these rows must survive as it is: merge without dropping it.
  const snapshot = doc.store.pendingStructs || doc.store.pendingDs ? Y.mergeUpdates(updates) : Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return snapshot
}
