// This device's copy of a document (y-indexeddb), loaded before the document connects: the first sync then
// asks the server only for what the copy lacks, and what the copy held is read before the server's answer.
import type { IndexeddbPersistence } from 'y-indexeddb'

/** How long a connection waits for a copy the browser may never load (no IndexedDB in a private window). */
const WAIT_MS = 1500

export const whenLoaded = (local: IndexeddbPersistence): Promise<unknown> =>
  Promise.race([local.whenSynced, new Promise((resolve) => setTimeout(resolve, WAIT_MS))])
