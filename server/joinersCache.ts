// What a room answers a client's sync step 1 with. A fresh joiner (empty state vector) is the common case
// and the costly one, since it needs the whole doc: the whole state is encoded once as a sync step 2
// frame and reused, together with the changes made since, which are merged and re-encoded only when the
// next joiner comes; once the changes grow past a quarter of the full state, the cache is dropped and
// the next joiner encodes it afresh. Every change to the doc must pass through `changed`, and every
// replacement of the doc through `reset`, so that the answer stays exact.
import * as Y from 'yjs'
import { syncStep2Frame, updateFrame } from './protocol.js'

interface Cached {
  frame: Uint8Array
  size: number
  since: Uint8Array[]
  sinceSize: number
  sinceFrame: Uint8Array | null
}

export class JoinersCache {
  private cached: Cached | null = null

  /** The frames that bring a client with `stateVector` up to `doc`'s state. */
  answer(doc: Y.Doc, stateVector: Uint8Array): Uint8Array[] {
    if (!(stateVector.length === 1 && stateVector[0] === 0)) return [syncStep2Frame(Y.encodeStateAsUpdate(doc, stateVector))]
    if (!this.cached) {
      const frame = syncStep2Frame(Y.encodeStateAsUpdate(doc))
      this.cached = { frame, size: frame.length, since: [], sinceSize: 0, sinceFrame: null }
    }
    const cache = this.cached
    if (cache.since.length === 0) return [cache.frame]
    cache.sinceFrame ??= updateFrame(cache.since.length === 1 ? cache.since[0]! : Y.mergeUpdates(cache.since))
    return [cache.frame, cache.sinceFrame]
  }

  /** Every change to the doc passes here, so the cache stays exact. */
  changed(update: Uint8Array) {
    const cache = this.cached
    if (!cache) return
    cache.since.push(update)
    cache.sinceSize += update.length
    cache.sinceFrame = null
    if (cache.sinceSize > cache.size / 4) this.cached = null
  }

  /** The doc was replaced (reloaded from the store): nothing cached holds any more. */
  reset() {
    this.cached = null
  }

  /** Whether a full state is cached (for tests). */
  get holdsFullState() {
    return this.cached !== null
  }
}
