// Voting rounds: the kind of each item people vote on (for budgets per kind), what is left of those budgets,
// the top of one round for the next, and every round's results side by side. The server keeps each finished
// round in the board's `rounds` root (shared/sessionDoc.ts); the current one is the session's.
import { rankedResults, type RankedItem } from './mapItems.js'
import { NOTE_KINDS, type BoardState, type Note, type NoteKind } from './schema.js'
import { countOf, kindVotesUsed, type Ballot, type Session, type VotingRound } from './workshop.js'

/** A finished round as the board keeps it: its name, its settings and everyone's votes summed. */
export interface KeptRound extends VotingRound {
  budget: number
  maxPerItem: number
  /** Item id -> votes. */
  tally: Record<string, number>
}

/** One round's results: its settings and the items that received votes, most first, ties in board order. */
export interface RoundResults extends KeptRound {
  ranked: RankedItem[]
}

/** The kind most of `kinds` are; ties go to the kind that comes first in NOTE_KINDS. None for none. */
export function majorityKind(kinds: readonly NoteKind[]): NoteKind | undefined {
  let best: NoteKind | undefined
  let most = 0
  for (const k of NOTE_KINDS) {
    const n = kinds.reduce((a, x) => a + (x === k ? 1 : 0), 0)
    if (n > most) [best, most] = [k, n]
  }
  return best
}

/** The kind of every item one votes on: a lone note's own, a cluster's the one most of its notes have. */
export function itemKinds(notes: readonly Pick<Note, 'id' | 'kind' | 'clusterId'>[]): Map<string, NoteKind> {
  const members = new Map<string, NoteKind[]>()
  const out = new Map<string, NoteKind>()
  for (const n of notes) {
    if (!n.clusterId) out.set(n.id, n.kind)
    else if (members.has(n.clusterId)) members.get(n.clusterId)!.push(n.kind)
    else members.set(n.clusterId, [n.kind])
  }
  for (const [id, kinds] of members) out.set(id, majorityKind(kinds)!)
  return out
}

export const itemKind = (notes: readonly Pick<Note, 'id' | 'kind' | 'clusterId'>[], itemId: string) => itemKinds(notes).get(itemId)

/** For each kind the current round gives a budget, in NOTE_KINDS order: the budget and the votes left of it. */
export function kindVotesLeft(s: Session, ballot: Ballot, kindOf: (itemId: string) => NoteKind | undefined) {
  const budgets = s.round.kindBudgets ?? {}
  return NOTE_KINDS.filter((k) => budgets[k] !== undefined).map((kind) => {
    const budget = budgets[kind]!
    return { kind, budget, left: Math.max(0, budget - kindVotesUsed(ballot, kind, kindOf)) }
  })
}

/** The ids of the `n` items with the most votes (ties in board order); only items that received any. */
export const topItems = (board: BoardState, votes: Record<string, number>, n: number): string[] =>
  rankedResults(board, votes).slice(0, n).map((r) => r.id)

export const totalVotes = (votes: Record<string, number>) => Object.keys(votes).reduce((a, id) => a + countOf(votes, id), 0)

/** Every round's results in order: the kept ones, then the current one once its votes are revealed (its tally
 *  is on the board). Titles are the board's as it is now. */
export function roundResults(board: BoardState, kept: readonly KeptRound[], session: Session, tally: Record<string, number>): RoundResults[] {
  const current: KeptRound[] = Object.keys(tally).length
    ? [{ ...session.round, budget: session.budget, maxPerItem: session.maxPerItem, tally }]
    : []
  return [...kept, ...current].map((r) => ({ ...r, ranked: rankedResults(board, r.tally) }))
}
