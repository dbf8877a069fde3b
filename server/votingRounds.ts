// Voting rounds on the server: a new round keeps the one that ends (its name, settings and everyone's votes
// summed) in the board's `rounds` root, then starts, on every item or on the top N of the round that ended.
// Ballots are stored with their round's id (server/storage), so no vote of one round is ever read in another.
import { NOTE_KINDS, readBoard } from '../shared/schema.js'
import { readRounds, readSession, writeBallot, writeProgress, writeRound, writeSession, writeTally } from '../shared/sessionDoc.js'
import { topItems, totalVotes } from '../shared/votingRounds.js'
import { tally, votesUsed, type Action, type VotingRound } from '../shared/workshop.js'
import { ApiError } from './errors.js'
import type { Room } from './room.js'
import { privateDocId, type Rooms } from './rooms.js'
import type { ParticipantRecord, Store } from './storage/store.js'

type StartRound = Extract<Action, { type: 'startRound' }>

/** The round a stored ballot was cast in. */
export const ballotRound = (p: ParticipantRecord) => p.ballotRound ?? 1

/** Everyone's votes of one round, summed. */
export const roundTally = (people: readonly ParticipantRecord[], roundId: number) =>
  tally(people.filter((p) => ballotRound(p) === roundId).map((p) => p.ballot))

export async function startRound(store: Store, rooms: Rooms, board: Room, a: StartRound) {
  const session = readSession(board.doc)
  if (session.phase !== 'vote') throw new ApiError(409, 'wrong_phase', 'A voting round starts in the vote phase.')
  const people = await store.listParticipants(board.docId)
  const ending = session.round
  const votes = roundTally(people, ending.id)
  // A round nobody voted in is not worth a column of results: the new one takes its place and its number.
  const keep = totalVotes(votes) > 0
  const items = a.topN === undefined ? undefined : topItems(readBoard(board.doc), votes, a.topN)
  if (items?.length === 0) throw new ApiError(409, 'no_results', 'The current round has no votes to take the top items from.')
  const id = keep ? Math.max(ending.id, ...readRounds(board.doc).map((r) => r.id)) + 1 : ending.id
  const kindBudgets = Object.fromEntries(NOTE_KINDS.flatMap((k) => (a.kindBudgets?.[k] === undefined ? [] : [[k, a.kindBudgets[k]]])))
  const round: VotingRound = { id, name: a.name, ...(Object.keys(kindBudgets).length && { kindBudgets }), ...(items && { items }) }
  const voters = people.filter((p) => ballotRound(p) === ending.id && votesUsed(p.ballot) > 0)
  await board.change((d) => {
    if (keep) writeRound(d, { ...ending, budget: session.budget, maxPerItem: session.maxPerItem, tally: votes })
    writeTally(d, {})
    writeSession(d, { round, budget: a.budget, maxPerItem: a.maxPerItem, votesRevealed: false })
    for (const p of voters) writeProgress(d, p.id, { votes: 0 })
  })
  // What each voter sees of their own ballot is of the new round now: nothing yet.
  for (const p of voters) {
    const own = await rooms.get(privateDocId(board.docId, p.id))
    await own?.change((d) => writeBallot(d, {}))
  }
}
