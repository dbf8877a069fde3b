// The workshop as Solid state, bridged one way from the server-written roots of the board (session,
// people, face-down counts, tally), the board's clusters, and this person's ballot in their private
// document. Nothing here writes the session: the facilitator's actions go to the server over HTTP.
import { createMemo } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import { readCluster, roots, type Cluster } from '../../../../shared/schema.js'
import { noteFieldRefusal, recordRefusal, type Refusal, type Writer } from '../../../../shared/rules.js'
import { readBallot, readSession, readTally } from '../../../../shared/sessionDoc.js'
import {
  castVote, countOf, votesUsed, writesArePrivate, type Ballot, type Person, type Role, type Session,
} from '../../../../shared/workshop.js'

export interface WorkshopView {
  session: Session
  people: Record<string, Person>
  /** Person id -> stage id -> face-down notes, as the server counts them. */
  hidden: Record<string, Record<string, number>>
  /** Per person, how many of their notes wait in their drafts (the server counts; only numbers). */
  kept: Record<string, number>
  /** Votes per item; empty until the facilitator reveals votes. */
  tally: Record<string, number>
  /** This person's own votes (from their private document). */
  ballot: Ballot
  clusters: Record<string, Cluster>
}

export type WorkshopStore = ReturnType<typeof createWorkshopStore>

const plain = <T>(m: Y.Map<T>): Record<string, T> => Object.fromEntries(m.entries())

function readClusters(doc: Y.Doc): Record<string, Cluster> {
  return Object.fromEntries([...roots(doc).clusters.values()].map((m) => [String(m.get('id')), readCluster(m)]))
}

/**
 * `me` is this person's id; `joinedRole` the role the server granted on joining, used until the board's
 * `people` says otherwise (a hand-over changes it there).
 */
export function createWorkshopStore(doc: Y.Doc, me: () => string, joinedRole: () => Role) {
  const session = doc.getMap<unknown>('session')
  const people = doc.getMap<Person>('people')
  const hidden = doc.getMap<Record<string, number>>('hidden')
  const kept = doc.getMap<number>('kept')
  const tally = doc.getMap<number>('tally')
  const { clusters } = roots(doc)

  const [state, setState] = createStore<WorkshopView>({
    session: readSession(doc),
    people: plain(people),
    hidden: plain(hidden),
    kept: plain(kept),
    tally: readTally(doc),
    ballot: {},
    clusters: readClusters(doc),
  })

  const onSession = () => setState('session', reconcile(readSession(doc)))
  const onPeople = () => setState('people', reconcile(plain(people)))
  const onHidden = () => setState('hidden', reconcile(plain(hidden)))
  const onKept = () => setState('kept', reconcile(plain(kept)))
  const onTally = () => setState('tally', reconcile(readTally(doc)))
  const onClusters = () => setState('clusters', reconcile(readClusters(doc)))
  session.observe(onSession)
  people.observe(onPeople)
  hidden.observe(onHidden)
  kept.observe(onKept)
  tally.observe(onTally)
  clusters.observeDeep(onClusters)

  /** Follows a private document's ballot until the returned function is called. */
  function bindPrivate(privateDoc: Y.Doc): () => void {
    const ballot = privateDoc.getMap<number>('ballot')
    const onBallot = () => setState('ballot', reconcile(readBallot(privateDoc)))
    ballot.observe(onBallot)
    onBallot()
    return () => {
      ballot.unobserve(onBallot)
      setState('ballot', reconcile({}))
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
  const hiddenCounts = createMemo(() => {
    const out: Record<string, number> = {}
    const self = me()
    for (const [pid, counts] of Object.entries(state.hidden)) {
      if (pid === self) continue
      for (const [stageId, n] of Object.entries(counts)) out[stageId] = (out[stageId] ?? 0) + n
    }
    return out
  })

  const votesLeft = () => Math.max(0, state.session.budget - votesUsed(state.ballot))
  const myVotes = (itemId: string) => countOf(state.ballot, itemId)
  /** What the server would answer to this vote, so the interface can say why before asking. */
  const checkVote = (itemId: string, delta: 1 | -1, itemExists = true) =>
    castVote(state.session, state.ballot, itemId, delta, itemExists)

  function dispose() {
    session.unobserve(onSession)
    people.unobserve(onPeople)
    hidden.unobserve(onHidden)
    kept.unobserve(onKept)
    tally.unobserve(onTally)
    clusters.unobserveDeep(onClusters)
  }

  return {
    state, bindPrivate, role, removed, isFacilitator, writer, createRefusal, noteRefusal, deleteRefusal, mayWrite, writesPrivately, mayCluster, mayVote, hiddenCounts,
    votesLeft, myVotes, checkVote, dispose,
  }
}
