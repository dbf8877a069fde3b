// What people say about a note, a cluster or a map item beside it: a few reactions (one of each per person)
// and comment threads. Two roots of the board, written by clients through the rule table (shared/rules.ts):
// anyone but observers, in their own name, while the notes are public and the phase works with them; a
// comment's text is its author's or the facilitator's.
//
//   doc.getMap('reactions')  `${personId}:${targetId}:${reaction}` -> createdAt (ms): one key per person,
//                            target and kind, so a person writes only under their own name (the rule's ownKey)
//                            and a second click cannot count twice
//   doc.getMap('comments')   commentId -> Y.Map { id, targetId (a note's, cluster's or map item's id), authorId,
//                            text: string, createdAt, editedAt? }
//
// Deleting a note or a cluster leaves its reactions and comments in the document (an undo brings them back
// with it); nothing shows them, and exports skip them (`live`).
import * as Y from 'yjs'
import { LIMITS } from './requests.js'
import { writesArePrivate, type Session } from './workshop.js'

/** Stable ids, in the order the buttons show; each drawn as its emoji. */
export const REACTIONS = ['agree', 'love', 'insight', 'surprise'] as const
export type Reaction = (typeof REACTIONS)[number]
export const REACTION_EMOJI: Record<Reaction, string> = { agree: '👍', love: '❤️', insight: '💡', surprise: '😮' }
export const isReaction = (v: unknown): v is Reaction => REACTIONS.includes(v as Reaction)

export interface Comment {
  id: string
  targetId: string
  authorId: string
  text: string
  createdAt: number
  /** When its text last changed; absent until then. */
  editedAt?: number
}

/** Whether participants may react now: on public notes, while ideating, clustering, voting or discussing, unlocked. */
export const reactionsOpen = (s: Session) =>
  !s.locked && !writesArePrivate(s) && (s.phase === 'ideate' || s.phase === 'cluster' || s.phase === 'vote' || s.phase === 'discuss')

/** Comments also while drafting the map, whose items have threads of their own. */
export const commentsOpen = (s: Session) => reactionsOpen(s) || (!s.locked && s.phase === 'map')

// ---- reactions ----

export const reactionKey = (personId: string, targetId: string, r: Reaction) => `${personId}:${targetId}:${r}`

/** A key's parts, or null when it is no reaction key. A person's id holds no colon (nanoid's alphabet has
 *  none); a target's may (a map item's `cluster:…`), so it is what lies between the first and the last. */
export function parseReactionKey(key: string): { personId: string; targetId: string; reaction: Reaction } | null {
  const first = key.indexOf(':')
  const last = key.lastIndexOf(':')
  const personId = key.slice(0, first)
  const targetId = key.slice(first + 1, last)
  const reaction = key.slice(last + 1)
  if (first < 1 || !targetId || !isReaction(reaction) || targetId.length > LIMITS.idLength) return null
  return { personId, targetId, reaction }
}

/** For the rule table: a key of this person's own, well-formed. */
export const isOwnReactionKey = (key: string, personId: string) => parseReactionKey(key)?.personId === personId

const reactionsRoot = (doc: Y.Doc) => doc.getMap<unknown>('reactions')

/** Every reaction key -> createdAt, malformed entries left out. */
export function readReactions(doc: Y.Doc): { [key: string]: number } {
  const out: { [key: string]: number } = {}
  for (const [k, v] of reactionsRoot(doc)) if (parseReactionKey(k) && typeof v === 'number') out[k] = v
  return out
}

/** Target -> reaction -> the people who gave it, in the order they did. */
export type ReactionsByTarget = { [targetId: string]: Partial<Record<Reaction, string[]>> }

export function reactionsByTarget(reactions: { [key: string]: number }): ReactionsByTarget {
  const out: ReactionsByTarget = {}
  const keys = Object.keys(reactions).sort((a, b) => reactions[a]! - reactions[b]! || (a < b ? -1 : 1))
  for (const k of keys) {
    const p = parseReactionKey(k)!
    ;((out[p.targetId] ??= {})[p.reaction] ??= []).push(p.personId)
  }
  return out
}

/** Gives this person's reaction, or takes it back when they had given it. */
export function toggleReaction(doc: Y.Doc, personId: string, targetId: string, r: Reaction, now = Date.now()) {
  const key = reactionKey(personId, targetId, r)
  const root = reactionsRoot(doc)
  if (root.has(key)) root.delete(key)
  else root.set(key, now)
}

// ---- comments ----

const commentsRoot = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('comments')

export function readComment(m: Y.Map<unknown>): Comment {
  const text = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '')
  const editedAt = m.get('editedAt')
  return {
    id: text('id'), targetId: text('targetId'), authorId: text('authorId'), text: text('text'),
    createdAt: Number(m.get('createdAt') ?? 0),
    ...(typeof editedAt === 'number' ? { editedAt } : {}),
  }
}

/** Oldest first (ties by id), so every screen and export lists a thread alike. */
export const byTime = (a: Comment, b: Comment) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const readComments = (doc: Y.Doc): Comment[] => [...commentsRoot(doc).values()].map(readComment).sort(byTime)

/** A comment as people type it: trimmed, at most LIMITS.commentLength. */
export const cleanComment = (text: string) => text.trim().slice(0, LIMITS.commentLength)

export function addComment(doc: Y.Doc, c: { id: string; targetId: string; authorId: string; text: string }, now = Date.now()) {
  writeComments(doc, [{ ...c, text: cleanComment(c.text), createdAt: now }])
}

export function editComment(doc: Y.Doc, id: string, text: string, now = Date.now()) {
  const m = commentsRoot(doc).get(id)
  const next = cleanComment(text)
  if (!m || m.get('text') === next) return
  doc.transact(() => {
    m.set('text', next)
    m.set('editedAt', now)
  })
}

export const deleteComment = (doc: Y.Doc, id: string) => commentsRoot(doc).delete(id)

/** Writes comments as they are (an import). */
export function writeComments(doc: Y.Doc, list: readonly Comment[]) {
  doc.transact(() => {
    for (const c of list) {
      const m = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(c)) if (v !== undefined) m.set(k, v)
      commentsRoot(doc).set(c.id, m)
    }
  })
}

export function writeReactions(doc: Y.Doc, reactions: { [key: string]: number }) {
  doc.transact(() => {
    for (const [k, v] of Object.entries(reactions)) reactionsRoot(doc).set(k, v)
  })
}

/** Only what is about something still there: reactions and comments of deleted notes and clusters are left out. */
export function live<T extends { targetId: string }>(list: readonly T[], targets: ReadonlySet<string>): T[] {
  return list.filter((c) => targets.has(c.targetId))
}
export function liveReactions(reactions: { [key: string]: number }, targets: ReadonlySet<string>) {
  return Object.fromEntries(Object.entries(reactions).filter(([k]) => targets.has(parseReactionKey(k)!.targetId)))
}

// ---- for exports: each target's thread, with names ----

export interface Thread {
  /** How many gave each reaction (only those some gave). */
  reactions: Partial<Record<Reaction, number>>
  comments: (Comment & { authorName: string })[]
}

/** Target id -> its thread, for targets with a reaction or a comment. `names` are the board's people by id; an
 *  author missing there (a board imported without its people) gets ''. */
export function threadsOf(reactions: { [key: string]: number }, comments: readonly Comment[], names: { [id: string]: string }) {
  const out: { [targetId: string]: Thread } = {}
  const of = (id: string) => (out[id] ??= { reactions: {}, comments: [] })
  for (const [targetId, given] of Object.entries(reactionsByTarget(reactions))) {
    for (const r of REACTIONS) if (given[r]?.length) of(targetId).reactions[r] = given[r]!.length
  }
  for (const c of [...comments].sort(byTime)) of(c.targetId).comments.push({ ...c, authorName: Object.hasOwn(names, c.authorId) ? names[c.authorId]! : '' })
  return out
}
