// One similarity index per board store (shared/similar.ts), built on first use and brought up to date
// at each use: only the notes whose text changed since are read again, so a keystroke in the composer on
// a 1,000-note board costs a fraction of a millisecond.
import { unwrap } from 'solid-js/store'
import { createSimilarIndex, type SimilarIndex } from '../../../../shared/similar.js'
import type { BoardStore } from './boardStore.js'

const indexes = new WeakMap<BoardStore, SimilarIndex>()

/** The store's index, holding exactly its notes now (read without tracking them). */
export function similarIndexOf(store: BoardStore): SimilarIndex {
  let index = indexes.get(store)
  if (!index) indexes.set(store, (index = createSimilarIndex()))
  index.sync(Object.values(unwrap(store.state.notes)))
  return index
}
