// Who this browser is: a stable user id (authorship of notes), a display name, and per-board
// facilitator keys taken from the facilitator link.
import { nanoid } from 'nanoid'
import { NAME_LENGTH } from '../../../shared/presence.js'
import { load, remove, save } from './storage.js'

export function userId(): string {
  let id = load('user-id')
  if (!id) {
    id = nanoid()
    save('user-id', id)
  }
  return id
}

export const displayName = (): string => load('name') ?? ''

export function rememberName(name: string): string {
  const clean = name.trim().slice(0, NAME_LENGTH)
  save('name', clean)
  return clean
}

export const facilitatorKey = (boardId: string): string | null => load(`facilitator:${boardId}`)

/** Keeps the key of a board this browser just made, so it opens it as facilitator and may start from it later. */
export const keepFacilitatorKey = (boardId: string, key: string) => save(`facilitator:${boardId}`, key)

export const forgetFacilitatorKey = (boardId: string) => remove(`facilitator:${boardId}`)

/**
 * Stores the key from a `#facilitator=<key>` fragment and removes it from the address bar, so that a
 * facilitator showing their screen or copying the URL does not hand out the key by accident.
 */
export function takeFacilitatorKey(boardId: string, loc: Location = location, hist: History = history) {
  const key = new URLSearchParams(loc.hash.slice(1)).get('facilitator')
  if (!key) return
  save(`facilitator:${boardId}`, key)
  hist.replaceState(hist.state, '', loc.pathname + loc.search)
}
