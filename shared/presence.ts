// The awareness state each client publishes (y-protocols/awareness): who they are, where their pointer
// is on the board, which note they are typing in. Remote states are untrusted, so they are read through
// readPresence rather than cast.
import { LIMITS } from './requests.js'
import { PERSON_COLORS, type Person, type Role } from './workshop.js'

/** A person as their own client announces them: the board's `people` entry without what only the server
 *  decides (removal); observers announce nothing. */
export interface PresenceUser extends Pick<Person, 'id' | 'name' | 'color'> {
  role: Exclude<Role, 'observer'>
}

/**
 * A pointer anchored to what it is over, not to window pixels, so it lands on the same note for
 * everyone whatever their window size, layout (columns or phone) or writing direction.
 * x and y are fractions (0..1) of the anchor's box; x runs from the inline start (left in LTR, right in RTL).
 */
export interface PresenceCursor {
  stageId: string
  noteId: string | null
  x: number
  y: number
}

export interface PresenceState {
  user: PresenceUser
  cursor: PresenceCursor | null
  /** Id of the note whose text this client is editing. */
  typing: string | null
}

/** How long a name may be, in presence as on joining. */
export const NAME_LENGTH = LIMITS.nameLength

/** A colour for someone the board does not list yet (the server gives people theirs in join order). */
export function colorFor(userId: string): string {
  let h = 0
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0
  return PERSON_COLORS[h % PERSON_COLORS.length]!
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '')
const frac = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0)

function readCursor(v: unknown): PresenceCursor | null {
  if (!v || typeof v !== 'object') return null
  const c = v as Record<string, unknown>
  if (typeof c.stageId !== 'string') return null
  return { stageId: c.stageId, noteId: typeof c.noteId === 'string' ? c.noteId : null, x: frac(c.x), y: frac(c.y) }
}

/** A remote awareness state as PresenceState, or null when it carries no user (e.g. a bare client). */
export function readPresence(state: unknown): PresenceState | null {
  if (!state || typeof state !== 'object') return null
  const s = state as Record<string, unknown>
  const u = s.user as Record<string, unknown> | undefined
  if (!u || typeof u !== 'object' || typeof u.id !== 'string') return null
  const color = typeof u.color === 'string' && /^#[0-9a-f]{6}$/i.test(u.color) ? u.color : colorFor(u.id)
  return {
    user: {
      id: u.id,
      name: str(u.name, NAME_LENGTH),
      color,
      role: u.role === 'facilitator' ? 'facilitator' : 'participant',
    },
    cursor: readCursor(s.cursor),
    typing: typeof s.typing === 'string' ? s.typing : null,
  }
}
