// Merging stored updates into one snapshot, from the rows alone: compaction must never depend on what
// one process happens to hold in memory, since another process may have appended rows it has not seen.
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
