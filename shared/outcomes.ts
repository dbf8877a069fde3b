// What the discuss phase leaves behind: for each ranked cluster or note, the group's decisions and next steps,
// each with an owner (a team or a person, in the team's own words) and maybe a due date. One root of the board,
// written by clients through the rule table (shared/rules.ts: anyone but observers adds one in their own name
// during discuss; its author or the facilitator changes or deletes it). Drafting the map brings them into the
// opportunity and owner lanes of their item's stage (shared/mapItems.ts).
//
//   doc.getMap('outcomes')  outcomeId -> Y.Map { id, itemId (the cluster's or lone note's id), kind: 'decision' |
//                           'step', text: string, owner: string, due: 'YYYY-MM-DD' or '', authorId, createdAt }
import * as Y from 'yjs'
import type { Session } from './workshop.js'

export const OUTCOME_KINDS = ['decision', 'step'] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]
export const isOutcomeKind = (v: unknown): v is OutcomeKind => OUTCOME_KINDS.includes(v as OutcomeKind)

export interface Outcome {
  id: string
  /** The ranked cluster or lone note it was decided about. */
  itemId: string
  kind: OutcomeKind
  text: string
  /** A team or a person; '' while nobody owns it. */
  owner: string
  /** A calendar date, YYYY-MM-DD, or ''. */
  due: string
  authorId: string
  createdAt: number
}

/** What a person writes; the rest is stamped when it is added. */
export type OutcomeFields = Pick<Outcome, 'kind' | 'text' | 'owner' | 'due'>

/** Whether participants may add and change outcomes now: while discussing, on an unlocked board. */
export const outcomesOpen = (s: Session) => s.phase === 'discuss' && !s.locked

/** A calendar date as a date input gives it, or '' for none; anything else is no date. */
export const asDue = (v: unknown): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '')

const root = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('outcomes')

export function readOutcome(m: Y.Map<unknown>): Outcome {
  const kind = m.get('kind')
  const text = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '')
  return {
    id: text('id'),
    itemId: text('itemId'),
    kind: isOutcomeKind(kind) ? kind : 'step',
    text: text('text'),
    owner: text('owner'),
    due: asDue(m.get('due')),
    authorId: text('authorId'),
    createdAt: Number(m.get('createdAt') ?? 0),
  }
}

/** In the order they were added (ties by id), so every screen and export lists them alike. */
export const byCreation = (a: Outcome, b: Outcome) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const readOutcomes = (doc: Y.Doc): Outcome[] => [...root(doc).values()].map(readOutcome).sort(byCreation)

export const outcomesOf = (doc: Y.Doc, itemId: string): Outcome[] => readOutcomes(doc).filter((o) => o.itemId === itemId)

export function addOutcome(doc: Y.Doc, o: OutcomeFields & { id: string; itemId: string; authorId: string }, now = Date.now()) {
  const m = new Y.Map<unknown>()
  const fields = { id: o.id, itemId: o.itemId, kind: o.kind, text: o.text.trim(), owner: o.owner.trim(), due: asDue(o.due),
    authorId: o.authorId, createdAt: now }
  for (const [k, v] of Object.entries(fields)) m.set(k, v)
  root(doc).set(o.id, m)
}

/** Changes what is written of an outcome; only the fields that differ are written. */
export function editOutcome(doc: Y.Doc, id: string, patch: Partial<OutcomeFields>) {
  const m = root(doc).get(id)
  if (!m) return
  const clean: Partial<OutcomeFields> = {
    ...(patch.kind !== undefined && isOutcomeKind(patch.kind) ? { kind: patch.kind } : {}),
    ...(patch.text !== undefined ? { text: patch.text.trim() } : {}),
    ...(patch.owner !== undefined ? { owner: patch.owner.trim() } : {}),
    ...(patch.due !== undefined ? { due: asDue(patch.due) } : {}),
  }
  doc.transact(() => {
    for (const [k, v] of Object.entries(clean)) if (m.get(k) !== v) m.set(k, v)
  })
}

export const deleteOutcome = (doc: Y.Doc, id: string) => root(doc).delete(id)

/** Writes outcomes as they are (an import, a copy of a board). */
export function writeOutcomes(doc: Y.Doc, list: readonly Outcome[]) {
  for (const o of list) {
    const m = new Y.Map<unknown>()
    for (const [k, v] of Object.entries(o)) m.set(k, v)
    root(doc).set(o.id, m)
  }
}
