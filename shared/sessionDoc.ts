// The roots of a board that only the server writes, and each person's private document.
//
//   board doc:    session  Y.Map   the fields of Session (shared/workshop.ts)
//                 people   Y.Map   personId -> Person
//                 hidden   Y.Map   personId -> { [stageId]: count }   face-down notes while writing privately
//                 tally    Y.Map   itemId -> votes                    empty until the facilitator reveals votes
//                 kept     Y.Map   personId -> how many notes of theirs wait in their drafts (for the facilitator)
//                 rounds   Y.Map   round id -> a finished voting round: { id, name, budget, maxPerItem, kindBudgets?,
//                                  items?, tally: [itemId, votes][] } (pairs: item ids are anyone's words)
//                 progress Y.Map   personId -> { votes, done }             votes spent and a done mark (shared/progress.ts)
//                 clients  Y.Map   Yjs client id -> whose it is (server/judge.ts)
//   private doc:  notes    Y.Map   as on the board, seen only by its writer until revealed
//                 ballot   Y.Map   itemId -> votes this person gave (server-written)
//                 drafts   Y.Map   what the board did not take (shared/drafts.ts)
// Who may write which root is the rule table's (shared/rules.ts).
import * as Y from 'yjs'
import { DEFAULT_SESSION, type Ballot, type Person, type Session } from './workshop.js'
import type { KeptRound } from './votingRounds.js'
import { NO_PROGRESS, type PersonProgress } from './progress.js'

export function readSession(doc: Y.Doc): Session {
  const m = doc.getMap<unknown>('session')
  const out: Record<string, unknown> = { ...DEFAULT_SESSION }
  for (const key of Object.keys(DEFAULT_SESSION)) if (m.has(key)) out[key] = m.get(key)
  return out as unknown as Session
}

export function writeSession(doc: Y.Doc, patch: Partial<Session>) {
  const m = doc.getMap<unknown>('session')
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, v)
  })
}

export const readPeople = (doc: Y.Doc): Person[] => [...doc.getMap<Person>('people').values()]

export const readPeopleById = (doc: Y.Doc): Record<string, Person> => Object.fromEntries(doc.getMap<Person>('people'))

/** Face-down notes by person and stage, as the server counts them. */
export const readHidden = (doc: Y.Doc): Record<string, Record<string, number>> =>
  Object.fromEntries(doc.getMap<Record<string, number>>('hidden'))

export const writePerson = (doc: Y.Doc, p: Person) => doc.getMap<Person>('people').set(p.id, p)

/** Face-down notes per stage, from everyone but `exceptPersonId` (whose own notes are shown in full). */
export function sumHidden(hidden: Record<string, Record<string, number>>, exceptPersonId?: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [pid, counts] of Object.entries(hidden)) {
    if (pid === exceptPersonId) continue
    for (const [stageId, n] of Object.entries(counts)) out[stageId] = (out[stageId] ?? 0) + n
  }
  return out
}

export const readHiddenCounts = (doc: Y.Doc, exceptPersonId?: string) => sumHidden(readHidden(doc), exceptPersonId)

export function writeHiddenCounts(doc: Y.Doc, personId: string, counts: Record<string, number>) {
  const m = doc.getMap<Record<string, number>>('hidden')
  if (Object.keys(counts).length === 0) {
    if (m.has(personId)) m.delete(personId)
  } else if (JSON.stringify(m.get(personId)) !== JSON.stringify(counts)) m.set(personId, counts)
}

export const clearHidden = (doc: Y.Doc) => doc.getMap('hidden').clear()

/** How many of a person's notes wait in their drafts, so the facilitator knows some work arrived late. */
export function writeKept(doc: Y.Doc, personId: string, count: number) {
  const m = doc.getMap<number>('kept')
  if (count === 0) {
    if (m.has(personId)) m.delete(personId)
  } else if (m.get(personId) !== count) m.set(personId, count)
}

export const readKept = (doc: Y.Doc): Record<string, number> => Object.fromEntries(doc.getMap<number>('kept'))

export const readTally = (doc: Y.Doc): Record<string, number> => Object.fromEntries(doc.getMap<number>('tally'))

export function writeTally(doc: Y.Doc, votes: Record<string, number>) {
  const m = doc.getMap<number>('tally')
  doc.transact(() => {
    for (const id of [...m.keys()]) if (!Object.hasOwn(votes, id)) m.delete(id)
    for (const [id, n] of Object.entries(votes)) if (m.get(id) !== n) m.set(id, n)
  })
}

export const readBallot = (privateDoc: Y.Doc): Ballot => Object.fromEntries(privateDoc.getMap<number>('ballot'))

export function writeBallot(privateDoc: Y.Doc, ballot: Ballot) {
  const m = privateDoc.getMap<number>('ballot')
  privateDoc.transact(() => {
    for (const id of [...m.keys()]) if (!Object.hasOwn(ballot, id)) m.delete(id)
    for (const [id, n] of Object.entries(ballot)) if (m.get(id) !== n) m.set(id, n)
  })
}

export const readProgress = (doc: Y.Doc): Record<string, PersonProgress> => Object.fromEntries(doc.getMap<PersonProgress>('progress'))

/** Patches one person's progress, writing only when a number or the mark changes (500 people vote often);
 *  an entry back at nothing is dropped. */
export function writeProgress(doc: Y.Doc, personId: string, patch: Partial<PersonProgress>) {
  const m = doc.getMap<PersonProgress>('progress')
  const was = m.get(personId) ?? NO_PROGRESS
  const next: PersonProgress = { votes: patch.votes ?? was.votes, done: patch.done ?? was.done }
  if (next.votes === was.votes && next.done === was.done) return
  if (next.votes === 0 && !next.done) m.delete(personId)
  else m.set(personId, next)
}

/** A new phase: nobody is done with it yet. Touches only the people who were. */
export function clearDone(doc: Y.Doc) {
  const m = doc.getMap<PersonProgress>('progress')
  const done = [...m].filter(([, p]) => p.done).map(([id]) => id)
  if (done.length) doc.transact(() => done.forEach((id) => writeProgress(doc, id, { done: false })))
}

/** The finished voting rounds, oldest first (shared/votingRounds.ts). */
export function readRounds(doc: Y.Doc): KeptRound[] {
  const m = doc.getMap<StoredRound>('rounds')
  return [...m.values()]
    .map(({ tally, ...r }) => ({ ...r, tally: Object.fromEntries(tally.filter(([, n]) => Number.isInteger(n) && n > 0)) }))
    .sort((a, b) => a.id - b.id)
}

export function writeRound(doc: Y.Doc, r: KeptRound) {
  const { tally, ...rest } = r
  const stored: StoredRound = { ...rest, tally: Object.keys(tally).map((id) => [id, tally[id]!]) }
  doc.getMap<StoredRound>('rounds').set(String(r.id), JSON.parse(JSON.stringify(stored)) as StoredRound)
}

type StoredRound = Omit<KeptRound, 'tally'> & { tally: [string, number][] }
