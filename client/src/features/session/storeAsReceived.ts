// What the server sends (a whole board on joining, then everyone's changes) is kept on this device as the
// bytes that arrived. Left to themselves, the provider and y-indexeddb listen for Yjs's 'update' event, and
// Yjs encodes every transaction again for it, the whole board too (35–50 ms of the task that decodes a
// 1,000-note board), only for the provider to ignore it (it came from the server) and y-indexeddb to store
// bytes equal in effect to those it was handed.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'
import { messageSync, type WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** Where the updates are kept: y-indexeddb's persistence, or anything that stores an update for an origin. */
export interface UpdateStore {
  _storeUpdate(update: Uint8Array, origin: unknown): void
}

/** Replaces the provider's handler of sync messages with one that applies the server's updates while only
 *  the provider and `store` listen for 'update' (so Yjs encodes nothing) and hands `store` the bytes as they
 *  came. Where anything else listens, or for the server's sync step 1, the provider's own handler runs. */
export function storeAsReceived(provider: WebsocketProvider, store: UpdateStore) {
  const { doc } = provider
  const stock = provider.messageHandlers[messageSync]!
  const onlyOurs = () => {
    const listening = doc._observers.get('update')
    return (
      !doc._observers.has('updateV2') &&
      listening?.size === 2 &&
      listening.has(provider._updateHandler) &&
      listening.has(store._storeUpdate)
    )
  }
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    const start = decoder.pos
    const type = decoding.readVarUint(decoder)
    if ((type !== messageYjsSyncStep2 && type !== messageYjsUpdate) || !onlyOurs()) {
      decoder.pos = start
      return stock(encoder, decoder, p, emitSynced, messageType)
    }
    encoding.writeVarUint(encoder, messageSync) // as the stock handler does; nothing follows, so nothing is sent
    const update = decoding.readVarUint8Array(decoder)
    doc.off('update', provider._updateHandler)
    doc.off('update', store._storeUpdate)
    let kept = update
    try {
      Y.applyUpdate(doc, update, provider)
    } catch (error) {
      // As y-protocols does, the connection stays. The whole doc is stored instead (so whatever did go in),
      // never bytes that would throw again each time this device loads its copy; this is rare, so no message
      // pays for remembering where the doc stood before it.
      console.error('Caught error while handling a Yjs update', error)
      kept = Y.encodeStateAsUpdate(doc)
    } finally {
      doc.on('update', provider._updateHandler)
      doc.on('update', store._storeUpdate)
    }
    // Stored whole, even what Yjs holds back until what it builds on arrives: reloaded, it waits the same way.
    store._storeUpdate(kept, provider)
    if (emitSynced && type === messageYjsSyncStep2 && !provider.synced) provider.synced = true
  }
}
