// A person's private document on a board (`<boardId>/private`): their notes while writing privately and
// their ballot. Kept in IndexedDB like the board, so private notes written offline are not lost.
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { createSignal } from 'solid-js'
import { CloseCode } from '../../../../shared/closeCodes.js'
import type { Note } from '../../../../shared/schema.js'
import { keepUpgradedNotes, saveLocalDrafts, version1Notes } from '../../lib/localDrafts.js'
import { whenLoaded } from './localCopy.js'
import { sendOnlyOwnAwareness } from './ownAwareness.js'
import { storeAsReceived } from './storeAsReceived.js'

const wsBase = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`

/** One local database per person, so a browser that joins again as someone else starts empty. */
export const privateDbName = (boardId: string, personId: string) => `touchpoint-private-${boardId}-${personId}`

export type PrivateConnection = ReturnType<typeof connectPrivate>

export function connectPrivate(boardId: string, personId: string, token: string) {
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(privateDbName(boardId, personId), doc)
  const provider = new WebsocketProvider(`${wsBase()}/ws`, `${boardId}/private`, doc, {
    params: { token },
    maxBackoffTime: 4000,
    connect: false,
  })
  sendOnlyOwnAwareness(provider)
  storeAsReceived(provider, local)
  let destroyed = false
  // As on the board: connected once this device's copy is loaded, and its notes of the schema's version 1
  // (all of them this person's) kept as drafts where the upgraded document lost what was typed in them.
  let version1: Note[] = []
  local.on('synced', () => (version1 = version1Notes(doc)))
  void whenLoaded(local).then(() => destroyed || provider.connect())
  /** True once the server's copy of this document has been received. */
  const [synced, setSynced] = createSignal(false)
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced && version1.length > 0) {
      keepUpgradedNotes(boardId, personId, version1, doc, { all: true })
      version1 = []
    }
    setSynced(isSynced)
  })
  // Nobody else is in this room: there is no presence to share.
  provider.awareness.setLocalState(null)

  provider.on('closed', ({ code }: { code: number }) => {
    // As on the board: a refused change was kept nowhere, so this copy is dropped and loaded afresh, once
    // every note it holds (all of them are this person's) is saved as a draft on the device.
    // (`resync` does not close for good: the provider reconnects and nothing is cleared.)
    // A deleted board takes this person's private notes with it, here as on the server.
    if (code === CloseCode.deleted) return void local.clearData()
    if (code !== CloseCode.forbidden) return
    provider.disconnect()
    saveLocalDrafts(boardId, personId, doc, { all: true })
    void local.clearData().then(() => location.reload())
  })

  function destroy() {
    destroyed = true
    provider.destroy()
    void local.destroy()
    doc.destroy()
  }

  return { doc, provider, synced, destroy }
}
