// Gets this browser a token for the board (joining once a name is known, or at once as an observer) and
// starts the connection with it; joins again, once, if the server stops accepting the token.
import { createEffect, createSignal, onCleanup, untrack, type Accessor } from 'solid-js'
import { ApiCallError } from '../../lib/api.js'
import { forgetSession, join, savedSession, type BoardSession } from '../../lib/session.js'
import type { Connection } from './connection.js'

const RETRY_MS = 3000

export type Membership = ReturnType<typeof createMembership>

export function createMembership(boardId: string, conn: Connection, name: Accessor<string>, observer = false) {
  const [session, setSession] = createSignal<BoardSession | null>(savedSession(boardId, observer))
  let rejoined = false
  let retry: ReturnType<typeof setTimeout> | undefined

  async function ensure() {
    clearTimeout(retry)
    const s = session()
    if (s) return conn.start(s.token)
    if (!name() && !observer) return
    try {
      const joined = await join(boardId, name(), observer)
      setSession(joined)
      conn.start(joined.token)
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'board_not_found') return conn.setStatus('notFound')
      if (err instanceof ApiCallError && err.code === 'board_deleted') return conn.markDeleted()
      conn.setStatus(navigator.onLine ? 'reconnecting' : 'offline')
      retry = setTimeout(ensure, RETRY_MS)
    }
  }

  createEffect(() => {
    name()
    untrack(ensure)
  })
  onCleanup(() => clearTimeout(retry))

  return {
    session,
    rejoin() {
      if (rejoined) return
      rejoined = true
      forgetSession(boardId, observer)
      setSession(null)
      void ensure()
    },
  }
}
