// This browser's membership of a board: the token the server handed out on joining, kept per board
// so that a reload (even offline) reconnects as the same person, the author of the same notes.
import type { JoinBoardResponse } from '../../../shared/api.js'
import { ApiCallError, joinBoard } from './api.js'
import { load, remove, save } from './storage.js'
import { facilitatorKey, userId } from './identity.js'

export interface BoardSession {
  /** The author id of this person's notes. */
  participantId: string
  /** Null when the server asks for none (it predates tokens). */
  token: string | null
  /** The role the server granted; null when it does not grant roles. */
  role: JoinBoardResponse['role'] | null
}

/** An observer's membership (from the view-only link) is kept apart from this browser's participant one. */
const storageKey = (boardId: string, observer = false) => `session:${boardId}${observer ? ':view' : ''}`

export function savedSession(boardId: string, observer = false): BoardSession | null {
  try {
    const s = JSON.parse(load(storageKey(boardId, observer)) ?? 'null') as BoardSession | null
    return s && typeof s.participantId === 'string' ? s : null
  } catch {
    return null
  }
}

export function forgetSession(boardId: string, observer = false) {
  save(storageKey(boardId, observer), 'null')
}

/** Drops both memberships of a board (participant and observer), e.g. when this browser forgets it. */
export function dropSessions(boardId: string) {
  remove(storageKey(boardId))
  remove(storageKey(boardId, true))
}

/** Joins the board under `name` (as facilitator when this browser holds the key), or as an observer, and
 *  remembers it. */
export async function join(boardId: string, name: string, observer = false): Promise<BoardSession> {
  let res: JoinBoardResponse | null
  const key = observer ? null : facilitatorKey(boardId)
  try {
    res = await joinBoard(boardId, observer ? { observer: true } : key ? { name, facilitatorKey: key } : { name })
  } catch (err) {
    if (!(err instanceof ApiCallError)) throw err
    // A key that does not open this board still lets its holder take part.
    if (err.code === 'wrong_key') res = await joinBoard(boardId, { name })
    // A server without the join route lets anyone connect; notes are then signed with the browser's id.
    else if (err.code === 'not_found') res = null
    else throw err
  }
  const session: BoardSession = res
    ? { participantId: res.participantId, token: res.token, role: res.role }
    : { participantId: userId(), token: null, role: null }
  save(storageKey(boardId, observer), JSON.stringify(session))
  return session
}
