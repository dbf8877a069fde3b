// The workshop's rhythm and rules as plain data and pure functions: phases, roles, the session the server
// owns, the actions people take, and dot voting. Both the server (which enforces) and the client (which
// guides) read these, so the two can never disagree about what a phase allows.
import type { NoteKind } from './schema.js'
import type { Follow, MapCell, Spotlight, SpotlightKind, Summon } from './lead.js'

export const PHASES = ['setup', 'ideate', 'cluster', 'vote', 'discuss', 'map', 'done'] as const
export type Phase = (typeof PHASES)[number]

export const ROLES = ['facilitator', 'participant', 'observer'] as const
export type Role = (typeof ROLES)[number]

export interface Timer {
  /** Server time (ms) when the countdown reaches zero; null when paused or not running. */
  endsAt: number | null
  /** What is left while paused; null when running or not set. */
  remainingMs: number | null
}

/** The `session` root of the board document. Only the server writes it. */
export interface Session {
  phase: Phase
  locked: boolean
  privateWriting: boolean
  notesRevealed: boolean
  votesRevealed: boolean
  budget: number
  maxPerItem: number
  timer: Timer
  /** The current voting round; its budget, cap and closing (the reveal) are `budget`, `maxPerItem` and `votesRevealed`. */
  round: VotingRound
  /** The facilitator's last "bring everyone here" (shared/lead.ts); null until the first. */
  summon: Summon | null
  /** "Follow me": where the facilitator is, as they move; null when nobody leads. */
  follow: Follow | null
  /** The note or cluster in the spotlight; in the discuss phase, the ranked item being discussed. */
  spotlight: Spotlight | null
}

/** The voting round under way (finished ones are kept in the board's `rounds` root: shared/votingRounds.ts). */
export interface VotingRound {
  /** 1 for a board's first round, one more for each round kept since: a ballot is stored with its round's id,
   *  and a vote naming another round is refused, so that a late click is never counted in the next round. */
  id: number
  /** The facilitator's name for it; '' for the first round, which every board has without anyone starting it. */
  name: string
  /** Votes each person may give to items of a kind (the kind of a cluster is its notes' most common one);
   *  kinds without one are held by the budget alone. */
  kindBudgets?: Partial<Record<NoteKind, number>>
  /** When the round is on the top items of the round before, their ids; absent: every item. */
  items?: string[]
}

export const DEFAULT_SESSION: Session = {
  phase: 'setup',
  locked: false,
  privateWriting: true,
  notesRevealed: false,
  votesRevealed: false,
  budget: 5,
  maxPerItem: 3,
  timer: { endsAt: null, remainingMs: null },
  round: { id: 1, name: '' },
  summon: null,
  follow: null,
  spotlight: null,
}

/** A person on the board as everyone sees them (the `people` root). */
export interface Person {
  id: string
  name: string
  color: string
  role: Role
  removed: boolean
}

/** What a facilitator or participant asks the server to do: POST /api/boards/:id/actions. */
export type Action =
  | { type: 'setPhase'; phase: Phase }
  | { type: 'setLocked'; locked: boolean }
  | { type: 'setPrivateWriting'; on: boolean }
  | { type: 'revealNotes' }
  | { type: 'setBudget'; budget: number; maxPerItem: number }
  | { type: 'vote'; itemId: string; delta: 1 | -1; roundId?: number }
  | { type: 'revealVotes' }
  | { type: 'reopenVoting' }
  | { type: 'timer'; command: 'start' | 'pause' | 'resume' | 'extend' | 'clear'; ms?: number }
  | { type: 'handOver'; participantId: string }
  | { type: 'removeParticipant'; participantId: string }
  /** Keeps the current round's results and starts another, on every item or on the top `topN` of this one. */
  | { type: 'startRound'; name: string; budget: number; maxPerItem: number; kindBudgets?: Partial<Record<NoteKind, number>>; topN?: number }
  /** A participant says they are done with the current phase (or not after all); observers cannot. */
  | { type: 'markDone'; done: boolean }
  /** Brings everyone's view to the facilitator's stage (board) or map cell (shared/lead.ts). */
  | { type: 'summon'; stageId?: string; cell?: MapCell }
  /** Starts, moves or ends "follow me" (on: false ends it). */
  | { type: 'follow'; on: boolean; stageId?: string; cell?: MapCell }
  /** Spotlights a note or a cluster (null releases it); with `timerMs`, the timer starts for it (discuss). */
  | { type: 'spotlight'; item: { kind: SpotlightKind; id: string } | null; timerMs?: number }

export const FACILITATOR_ACTIONS: ReadonlySet<Action['type']> = new Set([
  'setPhase', 'setLocked', 'setPrivateWriting', 'revealNotes', 'setBudget', 'revealVotes', 'reopenVoting', 'timer', 'handOver',
  'removeParticipant',
  'startRound',
  'summon', 'follow', 'spotlight',
])

/** Whether a participant (not the facilitator) may change notes and clusters now. */
export const participantsMayWrite = (s: Session) => !s.locked && (s.phase === 'ideate' || s.phase === 'cluster')

/** Notes written now go to the writer's private document, unseen until the facilitator reveals them. */
export const writesArePrivate = (s: Session) => s.phase === 'ideate' && s.privateWriting && !s.notesRevealed

// ---- dot voting ----

export type Ballot = Record<string, number> // itemId -> votes one person gave it

/** Votes on an item; item ids are anyone's words (`constructor`, `__proto__`), so only own whole numbers
 *  count. The value is read first, so that a reactive store (the client's) tracks the key. */
export function countOf(votes: Record<string, number>, itemId: string): number {
  const n = votes[itemId]
  return Number.isInteger(n) && Object.hasOwn(votes, itemId) ? n! : 0
}

export const votesUsed = (b: Ballot) => Object.keys(b).reduce((a, id) => a + countOf(b, id), 0)

export type VoteRefusal =
  | 'wrong_phase' | 'voting_closed' | 'over_budget' | 'over_item_cap' | 'nothing_to_take_back' | 'unknown_item'
  | 'wrong_round' | 'not_in_round' | 'over_kind_budget'

/** What a vote is judged by besides the session and the ballot (of the current round). */
export interface VoteContext {
  /** The round the voter's screen showed when they clicked; absent, the current one. */
  roundId?: number
  /** The kind of an item (shared/votingRounds.ts itemKinds), for the round's budgets per kind. */
  kindOf?: (itemId: string) => NoteKind | undefined
}

/** The ballot after one vote or take-back, or why it is refused. */
export function castVote(
  s: Session,
  ballot: Ballot,
  itemId: string,
  delta: 1 | -1,
  itemExists: boolean,
  ctx: VoteContext = {},
): { ok: true; ballot: Ballot } | { ok: false; reason: VoteRefusal } {
  if (s.phase !== 'vote' || s.locked) return { ok: false, reason: 'wrong_phase' }
  // A click from a round that has ended since is refused, not counted in the one that replaced it.
  if (ctx.roundId !== undefined && ctx.roundId !== s.round.id) return { ok: false, reason: 'wrong_round' }
  // Once the ranking is shown it stays put, until the facilitator reopens voting.
  if (s.votesRevealed) return { ok: false, reason: 'voting_closed' }
  if (!itemExists) return { ok: false, reason: 'unknown_item' }
  const current = countOf(ballot, itemId)
  if (delta === 1) {
    if (s.round.items && !s.round.items.includes(itemId)) return { ok: false, reason: 'not_in_round' }
    if (votesUsed(ballot) >= s.budget) return { ok: false, reason: 'over_budget' }
    const kind = ctx.kindOf?.(itemId)
    const kindBudget = kind && s.round.kindBudgets?.[kind]
    if (kind && kindBudget !== undefined && kindVotesUsed(ballot, kind, ctx.kindOf!) >= kindBudget) {
      return { ok: false, reason: 'over_kind_budget' }
    }
    if (current >= s.maxPerItem) return { ok: false, reason: 'over_item_cap' }
  } else if (current === 0) {
    return { ok: false, reason: 'nothing_to_take_back' }
  }
  const next: Ballot = {}
  for (const id of Object.keys(ballot)) if (countOf(ballot, id) > 0) Object.defineProperty(next, id, own(countOf(ballot, id)))
  if (current + delta === 0) delete next[itemId]
  else Object.defineProperty(next, itemId, own(current + delta))
  return { ok: true, ballot: next }
}

/** Votes of a ballot on items of one kind. */
export const kindVotesUsed = (b: Ballot, kind: NoteKind, kindOf: (itemId: string) => NoteKind | undefined) =>
  Object.keys(b).reduce((a, id) => a + (kindOf(id) === kind ? countOf(b, id) : 0), 0)

/** A plain own property, even for a key such as `__proto__` (an assignment would set the prototype). */
const own = (value: number): PropertyDescriptor => ({ value, enumerable: true, writable: true, configurable: true })

/** Sum of every ballot per item. */
export function tally(ballots: Iterable<Ballot>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const b of ballots) for (const id of Object.keys(b)) Object.defineProperty(out, id, own(countOf(out, id) + countOf(b, id)))
  return out
}

/** Items by votes, most first; ties keep board order, so everyone sees the same ranking. */
export function rank<T extends { id: string }>(items: readonly T[], votes: Record<string, number>): T[] {
  return items
    .map((item, i) => ({ item, i, v: countOf(votes, item.id) }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.item)
}

// ---- the timer, on the server's clock ----

export function remainingMs(t: Timer, serverNow: number): number | null {
  if (t.endsAt !== null) return Math.max(0, t.endsAt - serverNow)
  return t.remainingMs
}

export function timerCommand(t: Timer, command: Extract<Action, { type: 'timer' }>['command'], ms: number, now: number): Timer {
  const left = remainingMs(t, now)
  switch (command) {
    case 'start':
      return { endsAt: now + ms, remainingMs: null }
    case 'pause':
      return left === null ? t : { endsAt: null, remainingMs: left }
    case 'resume':
      return t.remainingMs === null ? t : { endsAt: now + t.remainingMs, remainingMs: null }
    case 'extend':
      if (t.endsAt !== null) return { endsAt: Math.max(t.endsAt, now) + ms, remainingMs: null }
      return { endsAt: null, remainingMs: (t.remainingMs ?? 0) + ms }
    case 'clear':
      return { endsAt: null, remainingMs: null }
  }
}

/** People's colours (list, cursors, typing): distinct from each other, readable as text and outlines on white;
 *  the server assigns them in join order. */
export const PERSON_COLORS = [
  '#c2410c', '#1d4ed8', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#4338ca',
]
