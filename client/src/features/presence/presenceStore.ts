// Who is here, from y-protocols awareness: one entry per connected client, an index of who types in
// which note, and this client's own state (throttled pointer, typing). Cursor positions live in the
// store too, but only the cursor layer reads them, so a moving pointer re-renders one cursor.
import { batch, createMemo } from 'solid-js'
import { createStore, produce, reconcile, unwrap } from 'solid-js/store'
import type { Awareness } from 'y-protocols/awareness'
import { readPresence, type PresenceCursor, type PresenceState, type PresenceUser } from '../../../../shared/presence.js'
import { throttle } from '../../lib/throttle.js'

export interface Peer extends PresenceState {
  clientId: number
  self: boolean
}

export interface PresenceView {
  peers: Record<number, Peer>
  /** Client ids typing in each note, this client excluded. */
  typing: Record<string, number[]>
}

/** ~15 pointer updates a second: smooth enough to follow, light enough for 200 people. */
export const CURSOR_INTERVAL_MS = 66

export type PresenceStore = ReturnType<typeof createPresenceStore>

export function createPresenceStore(awareness: Awareness) {
  const [state, setState] = createStore<PresenceView>({ peers: {}, typing: {} })
  const self = awareness.clientID

  function setTypingIndex(clientId: number, from: string | null, to: string | null) {
    if (from === to || clientId === self) return
    setState(
      'typing',
      produce((idx) => {
        if (from) {
          const rest = (idx[from] ?? []).filter((c) => c !== clientId)
          if (rest.length) idx[from] = rest
          else delete idx[from]
        }
        if (to) idx[to] = [...(idx[to] ?? []), clientId]
      }),
    )
  }

  function refresh(clientId: number) {
    const prev = unwrap(state.peers)[clientId]
    const next = readPresence(awareness.getStates().get(clientId))
    setTypingIndex(clientId, prev?.typing ?? null, next?.typing ?? null)
    if (!next) {
      if (prev) setState('peers', produce((p) => void delete p[clientId]))
      return
    }
    const peer: Peer = { ...next, clientId, self: clientId === self }
    if (prev) setState('peers', clientId, reconcile(peer))
    else setState('peers', clientId, peer)
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    batch(() => [...added, ...updated, ...removed].forEach(refresh))
  awareness.on('change', onChange)
  awareness.getStates().forEach((_, c) => refresh(c))

  /** Everyone here, once per person (several tabs of one browser count once), you first, then by name. */
  const people = createMemo(() => {
    const byUser = new Map<string, Peer>()
    for (const p of Object.values(state.peers)) {
      const seen = byUser.get(p.user.id)
      if (!seen || (p.self && !seen.self)) byUser.set(p.user.id, p)
    }
    return [...byUser.values()].sort((a, b) =>
      a.self !== b.self ? (a.self ? -1 : 1) : a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId,
    )
  })

  const typingIn = (noteId: string): Peer[] =>
    (state.typing[noteId] ?? []).map((c) => state.peers[c]).filter((p): p is Peer => !!p)

  const local = (): Partial<PresenceState> => (awareness.getLocalState() as PresenceState | null) ?? {}

  const sendCursor = throttle((cursor: PresenceCursor | null) => {
    if (awareness.getLocalState()) awareness.setLocalStateField('cursor', cursor)
  }, CURSOR_INTERVAL_MS)

  const actions = {
    join(user: PresenceUser) {
      awareness.setLocalState({ cursor: null, typing: null, ...local(), user })
    },
    setCursor: sendCursor,
    setTyping(noteId: string | null) {
      if (awareness.getLocalState() && local().typing !== noteId) awareness.setLocalStateField('typing', noteId)
    },
    /** Tells the others at once that this client left, rather than after the 30 s awareness timeout. */
    leave() {
      sendCursor.cancel()
      awareness.setLocalState(null)
    },
  }

  const dispose = () => {
    sendCursor.cancel()
    awareness.off('change', onChange)
  }

  return { state, people, typingIn, self, actions, dispose }
}
