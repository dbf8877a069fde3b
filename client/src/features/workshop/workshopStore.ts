// The workshop as Solid state, bridged one way (lib/yStore) from the server-written roots of the board
// (session, people, face-down counts, kept drafts, tally), the board's clusters, and this person's ballot
// in their private document. Nothing here writes the session: the facilitator's actions go to the server
// over HTTP.
import { createMemo } from 'solid-js'
import { reconcile, type SetStoreFunction } from 'solid-js/store'
import type * as Y from 'yjs'
import { rankedResults, type RankedItem } from '../../../../shared/mapItems.js'
import { readBoard, roots, type Cluster } from '../../../../shared/schema.js'
import { noteFieldRefusal, recordRefusal, type Refusal, type Writer } from '../../../../shared/rules.js'
import {
  readBallot, readHidden, readKept, readPeopleById, readSession, readTally, sumHidden,
} from '../../../../shared/sessionDoc.js'
import {
  castVote, countOf, votesUsed, writesArePrivate, type Ballot, type Person, type Role, type Session,
} from '../../../../shared/workshop.js'
import { changedKeys, createYStore, type Changes } from '../../lib/yStore.js'
import type { NoteKind } from '../../../../shared/schema.js'
import { kindVotesLeft as kindsLeft, type RoundResults } from '../../../../shared/votingRounds.js'
import { readItemKinds, readRoundResults } from './rounds.js'
import type { PersonProgress } from '../../../../shared/progress.js'
import { readProgress } from '../../../../shared/sessionDoc.js'

export interface WorkshopView {
  session: Session
  people: Record<string, Person>
  /** Person id -> stage id -> face-down notes, as the server counts them. */
  hidden: Record<string, Record<string, number>>
  /** Per person, how many of their notes wait in their drafts (the server counts; only numbers). */
  kept: Record<string, number>
  /** Votes per item; empty until the facilitator reveals votes. */
  tally: Record<string, number>
  /** Per person, votes spent and whether they are done with this phase (shared/progress.ts). */
  progress: Record<string, PersonProgress>
  /** This person's own votes (from their private document). */
  ballot: Ballot
  clusters: Record<string, Cluster>
  /** The vote's result once revealed (shared/mapItems), the same list on every screen; empty before. */
  ranked: RankedItem[]
  /** Every voting round's results, oldest first, once a round was kept (shared/votingRounds); empty before. */
  rounds: RoundResults[]
  /** Item id -> kind, while the current round has budgets per kind; empty otherwise. */
  kinds: Record<string, NoteKind>
}

export type WorkshopStore = ReturnType<typeof createWorkshopStore>

// Reads every note only once votes are revealed (the tally is empty before), so typing costs nothing here.
const readRanked = (doc: Y.Doc): RankedItem[] => (doc.getMap('tally').size ? rankedResults(readBoard(doc), readTally(doc)) : [])

const readClusters = (doc: Y.Doc): Record<string, Cluster> => Object.fromEntries(readBoard(doc).clusters.map((c) => [c.id, c]))

/**
 * `me` is this person's id; `joinedRole` the role the server granted on joining, used until the board's
 * `people` says otherwise (a hand-over changes it there).
 */
export function createWorkshopStore(doc: Y.Doc, me: () => string, joinedRole: () => Role) {
  const root = (name: string) => doc.getMap<unknown>(name)
  // One person's vote changes one entry: copy only the entries a transaction changed, not all 500.
  const refreshProgress = (s: SetStoreFunction<WorkshopView>, tr: Changes) => {
    const m = doc.getMap<PersonProgress>('progress')
    for (const id of changedKeys(tr, m)) {
      const p = m.get(id)
      s('progress', id, p ? { ...p } : undefined!)
    }
  }
  const { state, set, dispose } = createYStore<WorkshopView>(
    doc,
    {
      session: readSession(doc),
      people: readPeopleById(doc),
      hidden: readHidden(doc),
      kept: readKept(doc),
      tally: readTally(doc),
      progress: readProgress(doc),
      ballot: {},
      clusters: readClusters(doc),
      ranked: readRanked(doc),
      rounds: readRoundResults(doc),
      kinds: readItemKinds(doc),
    },
    [
      { types: [root('session')], refresh: (s) => s('session', reconcile(readSession(doc))) },
      { types: [root('people')], refresh: (s) => s('people', reconcile(readPeopleById(doc))) },
      { types: [root('hidden')], refresh: (s) => s('hidden', reconcile(readHidden(doc))) },
      { types: [root('kept')], refresh: (s) => s('kept', reconcile(readKept(doc))) },
      { types: [root('tally')], refresh: (s) => s('tally', reconcile(readTally(doc))) },
      { types: [root('progress')], refresh: (s, tr) => refreshProgress(s, tr) },
      { types: [roots(doc).clusters], refresh: (s) => s('clusters', reconcile(readClusters(doc))) },
      { types: [root('tally'), ...Object.values(roots(doc))], refresh: (s) => s('ranked', reconcile(readRanked(doc), { key: 'id' })) },
      { types: [root('rounds'), root('tally'), root('session'), ...Object.values(roots(doc))], refresh: (s) => s('rounds', reconcile(readRoundResults(doc), { key: 'id' })) },
      { types: [root('session'), roots(doc).notes], refresh: (s) => s('kinds', reconcile(readItemKinds(doc))) },
    ],
  )

  /** Follows a private document's ballot until the returned function is called. */
  function bindPrivate(privateDoc: Y.Doc): () => void {
    set('ballot', readBallot(privateDoc))
    const ballot = createYStore(privateDoc, {}, [
      { types: [privateDoc.getMap('ballot')], refresh: () => set('ballot', reconcile(readBallot(privateDoc))) },
    ])
    return () => {
      ballot.dispose()
      set('ballot', reconcile({}))
    }
  }

  const role = (): Role => state.people[me()]?.role ?? joinedRole()
  const removed = () => !!state.people[me()]?.removed
  const isFacilitator = () => role() === 'facilitator'

  /** This person as the rule table (shared/rules.ts) sees them. */
  const writer = (): Writer => ({ personId: me(), role: role(), session: state.session })
  /** Why this person may not add a note to the board now, or null. */
  const createRefusal = (): Refusal | null => recordRefusal(writer(), 'notes', 'create')
  /** Why this person may not change `field` of a note by `author` now (in their private document or on the board), or null. */
  const noteRefusal = (author: string, field: 'text' | 'kind' | 'stageId' | 'order' | 'clusterId', isPrivate = false): Refusal | null =>
    noteFieldRefusal(writer(), author, field, isPrivate)
  /** Why this person may not delete a note by `author` now, or null. */
  const deleteRefusal = (author: string, isPrivate = false): Refusal | null =>
    recordRefusal(writer(), 'notes', 'delete', author, isPrivate)

  /** Whether this person may change notes and clusters now (the rule table: the facilitator always may,
   *  observers never, participants while ideating or clustering and not locked). */
  const mayWrite = () => createRefusal() === null
  /** New notes go to this person's private document rather than onto the board. */
  const writesPrivately = () => role() !== 'observer' && writesArePrivate(state.session)
  const mayCluster = () => mayWrite() && state.session.phase === 'cluster'
  const mayVote = () => role() !== 'observer' && state.session.phase === 'vote' && !state.session.locked

  /** Face-down notes per stage from everyone else (this person's own are shown in full). */
  const hiddenCounts = createMemo(() => sumHidden(state.hidden, me()))

  const votesLeft = () => Math.max(0, state.session.budget - votesUsed(state.ballot))
  const myVotes = (itemId: string) => countOf(state.ballot, itemId)
  /** The kind of an item people vote on, while the round has budgets per kind. */
  const kindOf = (itemId: string): NoteKind | undefined => (Object.hasOwn(state.kinds, itemId) ? state.kinds[itemId] : undefined)
  /** Per kind the round gives a budget: that budget and what is left of it. */
  const kindVotesLeft = () => kindsLeft(state.session, state.ballot, kindOf)
  /** Whether the current round takes votes on this item (a round on the top items of the last takes only those). */
  const inRound = (itemId: string) => !state.session.round.items || state.session.round.items.includes(itemId)
  /** What the server would answer to this vote, so the interface can say why before asking. */
  const checkVote = (itemId: string, delta: 1 | -1, itemExists = true) =>
    castVote(state.session, state.ballot, itemId, delta, itemExists, { kindOf })

  return {
    state, bindPrivate, role, removed, isFacilitator, writer, createRefusal, noteRefusal, deleteRefusal, mayWrite, writesPrivately, mayCluster, mayVote, hiddenCounts,
    votesLeft, myVotes, checkVote, dispose,
    kindOf, kindVotesLeft, inRound,
  }
}
