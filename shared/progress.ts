// Progress at a glance: per person, how many notes they wrote, how many votes they spent and whether they
// marked themselves done with this phase; for everyone, how many are done. The server writes the `progress`
// root (votes spent and done marks: numbers and flags, never a ballot, so votes stay secret until the reveal);
// note counts come from what the board already holds: the face-down counts while writing privately, the
// notes by author once they are on the board.
import type { Person } from './workshop.js'

/** One person's entry in the `progress` root. */
export interface PersonProgress {
  /** Votes spent of the budget (the sum of their ballot). */
  votes: number
  /** Marked done for the current phase; cleared when the phase changes. */
  done: boolean
}

export const NO_PROGRESS: PersonProgress = { votes: 0, done: false }

/** Whose done marks count: participants still on the board (the facilitator is the one who waits). */
export const countsTowardsDone = (p: Person) => p.role === 'participant' && !p.removed

export interface DoneCount {
  done: number
  /** Participants on the board. */
  of: number
  /** Observers, counted apart. */
  watching: number
}

export function doneCount(people: Record<string, Person>, progress: Record<string, PersonProgress>): DoneCount {
  const out: DoneCount = { done: 0, of: 0, watching: 0 }
  for (const p of Object.values(people)) {
    if (p.removed) continue
    if (p.role === 'observer') out.watching++
    else if (countsTowardsDone(p)) {
      out.of++
      // The value is read first, so that a reactive store (the client's) tracks the key.
      if (progress[p.id]?.done === true && Object.hasOwn(progress, p.id)) out.done++
    }
  }
  return out
}

/** Notes on the board per author. */
export function notesByAuthor(notes: Iterable<{ authorId: string }>): Map<string, number> {
  const out = new Map<string, number>()
  for (const n of notes) out.set(n.authorId, (out.get(n.authorId) ?? 0) + 1)
  return out
}

/** How many notes a person wrote: their face-down ones (counted by the server, per stage) and theirs on the board. */
export function notesWritten(facedown: Record<string, number> | undefined, onBoard: number): number {
  let n = onBoard
  if (facedown) for (const c of Object.values(facedown)) if (Number.isInteger(c)) n += c
  return n
}

/** Participants who have joined the board (the join screen's count): observers and removed people aside. */
export const joinedCount = (people: Record<string, Person>) => Object.values(people).filter(countsTowardsDone).length
