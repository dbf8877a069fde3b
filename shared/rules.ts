// The one rule table: who may write which root, record and field of a board or a private document, in
// which phase and lock state. The server's judge (server/judge.ts) applies it to every client update
// before it touches a document, the client's guards ask it before offering a control, and the tests read
// it. A refusal is one of two kinds:
//   forged  — no honest client of this person could have sent it (a server root, someone else's name or
//             note, an observer writing): the connection is closed and nothing is kept.
//   notNow  — honest work that a rule of the moment (phase, lock) does not take: it is reverted on the
//             board and what the person wrote is kept for them as drafts (see README, "Drafts").
import { LIMITS } from './requests.js'
import { participantsMayWrite, type Role, type Session } from './workshop.js'
import { outcomesOpen } from './outcomes.js'
import { commentsOpen, isOwnReactionKey, reactionsOpen } from './discussion.js'
import { NOTE, NOTE_KINDS } from './schema.js'

export type RefusalKind = 'forged' | 'notNow'
export interface Refusal {
  kind: RefusalKind
  /** Stable, for clients and tests: e.g. `phase`, `locked`, `not_author`, `server_root`. */
  code: string
  /** Plain English for logs and the close reason; the client says it in the person's language. */
  reason: string
}

/** How a field of a record may change after the record was created. */
type FieldRule =
  | 'fixed' // written once, when the record is created; never changes after
  | 'author' // the record's author or the facilitator
  | 'anyone' // anyone who may write the record now

interface RecordRoot {
  /** Who writes it at all: participants (and the facilitator), or the facilitator alone. */
  writers: 'participants' | 'facilitator'
  /** Where a record names its author, if records have one: a field, or an element of a field's array. */
  author?: string | readonly [field: string, index: number]
  /** When participants may write (the facilitator is never held by phase or lock). */
  open?: (s: Session) => boolean
  /** Whose key a participant may write, for roots keyed by person (emotion ratings). */
  ownKey?: (key: string, personId: string) => boolean
  /** The root holds plain values only (numbers, strings), never a Y type of any kind. */
  plain?: true
  /** Fields of each record; a field not listed here is refused. Absent: the root holds plain values. */
  fields?: Record<string, FieldRule>
  /** The longest text (in UTF-16 units, as the browser counts) a field or key holds, where it is not
   *  LIMITS.textLength: every text anywhere has a limit on the server, whatever a client allows. */
  lengths?: Record<string, number>
  /** What a plain field must hold, where its shape is fixed: anything else is no client's of ours (forged). */
  shapes?: Record<string, (value: unknown) => boolean>
}

export type RecordRules = Record<string, RecordRoot>

const ratingsOpen = (s: Session) => s.phase === 'map' && !s.locked
/** A language code: the board's is one of BOARD_LANGS; a longer value is no client's of ours. */
const LANG_LENGTH = 8
/** A due date as written: YYYY-MM-DD. */
const OUTCOME_DUE_LENGTH = 10

const isId = (v: unknown) => typeof v === 'string' && v.length <= LIMITS.idLength
/** A note's `f`: [authorId, createdAt]. */
const isNoteFixed = (v: unknown) => Array.isArray(v) && v.length === 2 && isPersonId(v[0]) && typeof v[1] === 'number' && Number.isFinite(v[1])
/** A note's `p`: [stageId, order] or [stageId, order, clusterId]. */
const isNotePlace = (v: unknown) => Array.isArray(v) && v.length >= 2 && v.length <= 3 && v.every(isId)
/** A note's `k`: the index of its kind in NOTE_KINDS. */
const isNoteKindIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < NOTE_KINDS.length

/** A note (schema version 2, shared/schema.ts): its author is the first of `f`, which is written once. */
const NOTE_RULES = {
  writers: 'participants',
  author: [NOTE.fixed, 0],
  fields: { [NOTE.fixed]: 'fixed', [NOTE.place]: 'anyone', [NOTE.kind]: 'author', [NOTE.text]: 'author' },
  lengths: { [NOTE.text]: LIMITS.noteLength },
  shapes: { [NOTE.fixed]: isNoteFixed, [NOTE.place]: isNotePlace, [NOTE.kind]: isNoteKindIndex },
} as const satisfies RecordRoot

/** The board document. Roots not listed are the server's (session, people, hidden, tally, kept, progress, clients). */
export const BOARD_RULES: RecordRules = {
  notes: { ...NOTE_RULES, open: participantsMayWrite },
  clusters: {
    writers: 'participants',
    open: participantsMayWrite,
    fields: { id: 'fixed', createdAt: 'fixed', name: 'anyone', stageId: 'anyone', order: 'anyone' },
    lengths: { name: LIMITS.stageNameLength, id: LIMITS.idLength, stageId: LIMITS.idLength, order: LIMITS.idLength },
  },
  ratings: { writers: 'participants', open: ratingsOpen, ownKey: (key, personId) => key.startsWith(`${personId}:`), plain: true },
  // Reactions and comments (shared/discussion.ts): anyone but observers, in their own name, never while notes are
  // written privately; a comment's text is its author's or the facilitator's, who may also delete it.
  reactions: { writers: 'participants', open: reactionsOpen, ownKey: isOwnReactionKey, plain: true },
  comments: {
    writers: 'participants',
    author: 'authorId',
    open: commentsOpen,
    fields: { id: 'fixed', targetId: 'fixed', authorId: 'fixed', createdAt: 'fixed', text: 'author', editedAt: 'author' },
    lengths: { id: LIMITS.idLength, targetId: LIMITS.idLength, authorId: LIMITS.idLength, text: LIMITS.commentLength },
  },
  // The title and the board's language (`lang`, see BOARD_LANGS in schema.ts): the facilitator's alone.
  meta: { writers: 'facilitator', lengths: { title: LIMITS.titleLength, lang: LANG_LENGTH } },
  stages: { writers: 'facilitator', lengths: { name: LIMITS.stageNameLength } },
  frame: { writers: 'facilitator' },
  lanes: { writers: 'facilitator' },
  mapItems: { writers: 'facilitator' },
  emotions: { writers: 'facilitator' },
  // Decisions and next steps of the discuss phase (shared/outcomes.ts): anyone but observers adds one in their
  // own name while discussing; what it says is its author's or the facilitator's.
  outcomes: {
    writers: 'participants',
    author: 'authorId',
    open: outcomesOpen,
    fields: {
      id: 'fixed', itemId: 'fixed', authorId: 'fixed', createdAt: 'fixed',
      kind: 'author', text: 'author', owner: 'author', due: 'author',
    },
    lengths: { id: LIMITS.idLength, itemId: LIMITS.idLength, kind: LANG_LENGTH, text: LIMITS.noteLength, owner: LIMITS.ownerLength,
      due: OUTCOME_DUE_LENGTH },
  },
}

/** A private document: its owner writes notes (always open: they are private) and may throw a draft away. */
export const PRIVATE_RULES: RecordRules = {
  notes: NOTE_RULES,
  drafts: { writers: 'participants' },
}

/** One change an update would make, as the judge resolved it against the document. */
export type Write =
  /** A new record under a key that holds none (or a plain value under a key of a value root). */
  | { op: 'create'; root: string; key: string; fields: Record<string, unknown> }
  /** A new record or value under a key that already holds a live one. */
  | { op: 'replace'; root: string; key: string; author: string | undefined }
  | { op: 'delete'; root: string; key: string; author: string | undefined }
  /** A field of an existing record set, deleted, or edited inside (text). */
  | { op: 'field'; root: string; key: string; field: string; author: string | undefined }

export interface Writer {
  personId: string
  role: Role
  session: Session
}

const forged = (code: string, reason: string): Refusal => ({ kind: 'forged', code, reason })
/** Why a rule of the moment takes no writes now (the lock, or the phase). */
export const notNow = (s: Session): Refusal =>
  s.locked
    ? { kind: 'notNow', code: 'locked', reason: 'the board is locked' }
    : { kind: 'notNow', code: 'phase', reason: `this cannot change in the ${s.phase} phase` }

/** The longest text `root`'s field or key may hold. */
export const maxLength = (rules: RecordRules, root: string, fieldOrKey: string) =>
  (Object.hasOwn(rules, root) && rules[root]!.lengths && Object.hasOwn(rules[root]!.lengths!, fieldOrKey)
    ? rules[root]!.lengths![fieldOrKey]
    : undefined) ?? LIMITS.textLength

const isAuthor = (author: string | undefined, who: Writer) => author !== undefined && author === who.personId
const isPersonId = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.idLength

/** The author a record names, from its fields' values (`get`), as `rule.author` says where. */
export function authorIn(rule: RecordRoot, get: (field: string) => unknown): unknown {
  const at = rule.author
  if (at === undefined) return undefined
  if (typeof at === 'string') return get(at)
  const value = get(at[0])
  return Array.isArray(value) ? value[at[1]] : undefined
}

/** Why a plain value written to `field` of a `root` record is refused (it is not of the field's shape), or null. */
export function malformedField(rules: RecordRules, root: string, field: string, value: unknown): Refusal | null {
  const shape = Object.hasOwn(rules, root) ? rules[root]!.shapes : undefined
  if (!shape || !Object.hasOwn(shape, field) || shape[field]!(value)) return null
  return forged('malformed_field', `"${field}" of "${root}" is not what the board holds there`)
}

/** Why `w` is refused for `who` under `rules`, or null when it may be kept. */
export function judgeWrite(rules: RecordRules, who: Writer, w: Write): Refusal | null {
  const rule = Object.hasOwn(rules, w.root) ? rules[w.root] : undefined
  if (!rule) return forged('server_root', `"${w.root}" is written by the server only`)
  if (who.role === 'observer') return forged('observer', 'observers cannot change the board')
  const facilitator = who.role === 'facilitator'
  if (rule.writers === 'facilitator' && !facilitator) return forged('facilitator_only', `only the facilitator changes "${w.root}"`)
  if (rule.ownKey && !facilitator && !rule.ownKey(w.key, who.personId)) return forged('not_yours', `you may only write your own "${w.root}"`)

  switch (w.op) {
    case 'create':
      if (rule.fields) {
        for (const f of Object.keys(w.fields)) if (!Object.hasOwn(rule.fields, f)) return forged('unknown_field', `"${w.root}" records have no field "${f}"`)
        if ('id' in rule.fields && w.fields.id !== w.key) return forged('wrong_key', 'a record is kept under its own id')
        // The facilitator, who may change and delete anyone's record, may also bring one back in its author's
        // name (undoing the deletion of someone's note); everyone else writes new records in their own.
        const author = authorIn(rule, (f) => w.fields[f])
        if (rule.author && author !== who.personId && !(facilitator && isPersonId(author))) {
          return forged('not_author', 'a new record must be written in your own name')
        }
      }
      break
    case 'replace':
      // Records: the author's or the facilitator's (the author field is fixed, so the new one is theirs too).
      // Plain values (a title, one's own rating) are replaced like any write to them.
      if (rule.fields && !facilitator && !(rule.author && isAuthor(w.author, who))) return forged('not_author', 'only its author or the facilitator may replace a record')
      break
    case 'delete':
      if (!facilitator && rule.author && !isAuthor(w.author, who)) return forged('not_author', 'only its author or the facilitator may delete a note')
      break
    case 'field': {
      const f = rule.fields
      if (!f) break
      const fr = Object.hasOwn(f, w.field) ? f[w.field] : undefined
      if (!fr) return forged('unknown_field', `"${w.root}" records have no field "${w.field}"`)
      if (fr === 'fixed') return forged('fixed_field', `"${w.field}" is written once, when the record is made`)
      if (fr === 'author' && !facilitator && !isAuthor(w.author, who)) return forged('not_author', `only its author or the facilitator changes "${w.field}"`)
      break
    }
  }
  if (!facilitator && rule.open && !rule.open(who.session)) return notNow(who.session)
  return null
}

/** A note's fields as the client's controls name them, and the record field each is written in. */
const NOTE_FIELD_OF = { text: NOTE.text, kind: NOTE.kind, stageId: NOTE.place, order: NOTE.place, clusterId: NOTE.place } as const
export type NoteField = keyof typeof NOTE_FIELD_OF

/** For the client's guards: why this person may not change a field of a note now, or null. */
export function noteFieldRefusal(who: Writer, author: string, field: NoteField, isPrivate = false): Refusal | null {
  return judgeWrite(isPrivate ? PRIVATE_RULES : BOARD_RULES, who, { op: 'field', root: 'notes', key: '', field: NOTE_FIELD_OF[field], author })
}

/** For the client's guards: why this person may not change `field` of a record by `author` in a board root now, or null. */
export function fieldRefusal(who: Writer, root: string, author: string, field: string): Refusal | null {
  return judgeWrite(BOARD_RULES, who, { op: 'field', root, key: '', field, author })
}

/** For the client's guards: why this person may not set `key` of a board root of plain values (the meta root's
 *  title or language) now, or null. */
export function valueRefusal(who: Writer, root: string, key: string): Refusal | null {
  return judgeWrite(BOARD_RULES, who, { op: 'replace', root, key, author: undefined })
}

/** For the client's guards: why this person may not add (or remove) a record in `root` now, or null. */
export function recordRefusal(who: Writer, root: string, op: 'create' | 'delete', author = who.personId, isPrivate = false): Refusal | null {
  const rules = isPrivate ? PRIVATE_RULES : BOARD_RULES
  const rule = rules[root]
  const w: Write = op === 'create'
    ? { op, root, key: 'k', fields: rule?.fields ? { ...(rule.fields.id ? { id: 'k' } : {}), ...authorFields(rule, who.personId) } : {} }
    : { op, root, key: 'k', author }
  return judgeWrite(rules, who, w)
}

/** The fields naming `personId` as a new record's author, as `rule.author` says where. */
function authorFields(rule: RecordRoot, personId: string): Record<string, unknown> {
  const at = rule.author
  if (at === undefined) return {}
  if (typeof at === 'string') return { [at]: personId }
  const value: unknown[] = [0, 0]
  value[at[1]] = personId
  return { [at[0]]: value }
}
