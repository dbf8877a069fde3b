// The boards this browser made or joined, newest first, for the start page: a small list in localStorage.
// Forgetting one drops this browser's entry, its facilitator key and its memberships; the board stays.
import type { Role } from '../../../shared/workshop.js'
import { forgetFacilitatorKey } from './identity.js'
import { dropSessions } from './session.js'
import { load, save } from './storage.js'

export interface KnownBoard {
  id: string
  title: string
  role: Role
  /** When this browser last opened it (ms). */
  lastOpened: number
}

const KEY = 'boards'
/** Enough for anyone's recent workshops; the oldest drop off. */
const MAX_BOARDS = 50

const isKnown = (b: unknown): b is KnownBoard =>
  !!b && typeof b === 'object' && typeof (b as KnownBoard).id === 'string' && typeof (b as KnownBoard).title === 'string' &&
  typeof (b as KnownBoard).role === 'string' && typeof (b as KnownBoard).lastOpened === 'number'

export function knownBoards(): KnownBoard[] {
  try {
    const list = JSON.parse(load(KEY) ?? '[]') as unknown
    return Array.isArray(list) ? list.filter(isKnown).sort((a, b) => b.lastOpened - a.lastOpened) : []
  } catch {
    return []
  }
}

/** Adds or updates a board; what is not given keeps its stored value. */
export function rememberBoard(board: Pick<KnownBoard, 'id'> & Partial<KnownBoard>) {
  const list = knownBoards()
  const old = list.find((b) => b.id === board.id)
  const next: KnownBoard = { title: '', role: 'participant', lastOpened: Date.now(), ...old, ...board }
  if (old && old.title === next.title && old.role === next.role && old.lastOpened === next.lastOpened) return
  save(KEY, JSON.stringify([next, ...list.filter((b) => b.id !== board.id)].slice(0, MAX_BOARDS)))
}

export function forgetBoard(id: string) {
  save(KEY, JSON.stringify(knownBoards().filter((b) => b.id !== id)))
  forgetFacilitatorKey(id)
  dropSessions(id)
}
