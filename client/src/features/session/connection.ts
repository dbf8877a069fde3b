// The one transport module: a board's Y.Doc, kept in IndexedDB (so a reload shows the board before the
// network answers, and offline edits survive) and synced over the server's y-websocket endpoint once
// this browser holds a token for the board.
import { createSignal } from 'solid-js'
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { CloseCode } from '../../../../shared/closeCodes.js'
import { roots, type Note } from '../../../../shared/schema.js'
import { keepUpgradedNotes, saveLocalDrafts, version1Notes } from '../../lib/localDrafts.js'
import { whenLoaded } from './localCopy.js'
import { sendOnlyOwnAwareness } from './ownAwareness.js'
import { storeAsReceived } from './storeAsReceived.js'

/** `tooLarge`: the server refused what this device wrote offline as too much to merge at once
 *  (CloseCode.firstSyncTooLarge); it is all still here, and nothing is resent until the page reconnects.
 *  `deleted`: the board was deleted (CloseCode.deleted, or 410 on joining); this device's copy is cleared. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'notFound' | 'tooLarge' | 'deleted'

export type Connection = ReturnType<typeof connectBoard>

export interface ConnectionEvents {
  /** The server no longer accepts the token (unknown, or this person was removed: see `reason`). */
  onUnauthorized?: (reason: string) => void
  /** This person's id, so that their notes are saved as drafts before a refused copy is dropped. */
  me?: () => string
}

/** A board that is not there: nothing to reconnect to. */
const gone = (s: ConnectionState) => s === 'notFound' || s === 'deleted'

const wsBase = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`

export const localDbName = (boardId: string) => `touchpoint-board-${boardId}`

export function connectBoard(boardId: string, events: ConnectionEvents = {}) {
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(localDbName(boardId), doc)
  const provider = new WebsocketProvider(`${wsBase()}/ws`, boardId, doc, { connect: false, maxBackoffTime: 4000 })
  sendOnlyOwnAwareness(provider)
  storeAsReceived(provider, local)
  const awareness = provider.awareness
  let started = false

  const [status, setStatus] = createSignal<ConnectionState>(navigator.onLine ? 'connecting' : 'offline')
  /** True once there is a board to show: from this device's copy, or from the server. */
  const [ready, setReady] = createSignal(false)
  /** True once the server's board has been received on this connection (not only this device's copy). */
  const [synced, setSynced] = createSignal(false)
  const hasBoard = () => roots(doc).stages.size > 0 || roots(doc).meta.has('title')

  /** Notes of the schema's version 1 in this device's copy, until the server's board is here: what this person
   *  typed in them offline is then kept as drafts, since the server has upgraded those records meanwhile. */
  let version1: Note[] = []
  local.on('synced', () => {
    version1 = version1Notes(doc)
    if (hasBoard()) setReady(true)
  })
  provider.on('sync', (isSynced: boolean) => {
    const me = events.me?.()
    if (isSynced && version1.length > 0 && me) {
      keepUpgradedNotes(boardId, me, version1, doc)
      version1 = []
    }
    if (isSynced) setReady(true)
    setSynced(isSynced)
  })

  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'connected') setStatus('connected')
  })
  provider.on('connection-close', () => {
    if (!gone(status())) setStatus(navigator.onLine ? 'reconnecting' : 'offline')
  })
  provider.on('closed', ({ code, reason }: { code: number; reason: string }) => {
    if (code === CloseCode.unknownBoard) setStatus('notFound')
    // Deleted for everyone: its notes should not outlive it on this device either.
    else if (code === CloseCode.deleted) markDeleted()
    // Our offline work is over the server's MAX_FIRST_SYNC_BYTES: resending it would be refused again, so
    // the provider has stopped (a 44xx). Say so; the doc and IndexedDB keep every change, nothing is cleared.
    else if (code === CloseCode.firstSyncTooLarge) setStatus('tooLarge')
    else if (code === CloseCode.unauthorized) events.onUnauthorized?.(reason)
    else if (code === CloseCode.forbidden) {
      // The server refused a change of ours and kept none of it; our copy now differs from the board
      // for good, so it is dropped and the board loaded afresh. This person's notes are saved as drafts
      // on the device first: whatever of them the server did not keep is shown to them after the reload.
      provider.disconnect()
      const personId = events.me?.()
      if (personId) saveLocalDrafts(boardId, personId, doc)
      void local.clearData().then(() => location.reload())
    }
    // `resync` (45xx) never gets here: the provider keeps everything and reconnects, and its sync sends
    // the server what it lacks. Nothing is cleared.
  })

  // A dropped network often leaves the socket open for tens of seconds; the browser knows sooner.
  const onOffline = () => {
    if (gone(status())) return
    setStatus('offline')
    provider.disconnect()
  }
  const onOnline = () => {
    if (gone(status()) || !started) return
    setStatus('reconnecting')
    provider.connect()
  }
  addEventListener('offline', onOffline)
  addEventListener('online', onOnline)

  const loaded = whenLoaded(local)
  let destroyed = false
  /** Connects with this token (null when the server asks for none); reconnects if it changed. Not before this
   *  device's copy is loaded, so that the server sends only what the copy lacks. */
  function start(token: string | null) {
    started = true
    provider.params = token ? { token } : {}
    provider.disconnect()
    void loaded.then(() => {
      if (!destroyed && !gone(status()) && navigator.onLine) provider.connect()
    })
  }

  const forget = () => local.clearData()

  /** The board was deleted: stop, say so, and drop this device's copy of it. */
  function markDeleted() {
    setStatus('deleted')
    provider.disconnect()
    void local.clearData()
  }

  function destroy() {
    destroyed = true
    removeEventListener('offline', onOffline)
    removeEventListener('online', onOnline)
    provider.destroy()
    void local.destroy()
    doc.destroy()
  }

  return { doc, awareness, status, setStatus, ready, synced, start, forget, markDeleted, destroy }
}
