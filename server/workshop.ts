// The workshop's authority: who people are (join, tokens), and every action that changes the session,
// the roles or the votes. The server applies these itself, so a client cannot fake them.
import { createHash, timingSafeEqual } from 'node:crypto'
import { nanoid } from 'nanoid'
import { draftsOf, writeDraft, type Draft } from '../shared/drafts.js'
import { notNow } from '../shared/rules.js'
import { noteRecord, readBoard, readNote, readNotePlace, roots } from '../shared/schema.js'
import {
  clearHidden, readSession, writeBallot, writeHiddenCounts, writeKept, writePerson, writeSession, writeTally,
} from '../shared/sessionDoc.js'
import { clearDone, writeProgress } from '../shared/sessionDoc.js'
import {
  FACILITATOR_ACTIONS, PERSON_COLORS, castVote, participantsMayWrite, timerCommand, votesUsed, writesArePrivate,
  type Action, type Person, type Role,
} from '../shared/workshop.js'
import type { JoinBoardRequest, JoinBoardResponse } from '../shared/api.js'
import type { Identity } from './connection.js'
import { ApiError } from './errors.js'
import { boardMissing } from './errors.js'
import { roundTally, startRound } from './votingRounds.js'
import { itemKinds } from '../shared/votingRounds.js'
import { boardPolicy, privatePolicy } from './policy.js'
import { firstRanked, leadPatch } from './lead.js'
import type { Room } from './room.js'
import { privateDocId, type Rooms } from './rooms.js'
import type { ParticipantRecord, Store } from './storage/store.js'
import { boardLog, why } from './log.js'

export const hashSecret = (s: string) => createHash('sha256').update(s).digest('hex')

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))


export class Workshop {
  /** Actions on one board run one after another, so a check and its write can never interleave. */
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(
    private readonly store: Store,
    private readonly rooms: Rooms,
  ) {
    rooms.policyFor = (docId) => {
      const [boardId, , ownerId] = docId.split('/')
      return ownerId
        ? privatePolicy(ownerId, (room) => void this.privateChanged(boardId!, ownerId, room))
        : boardPolicy((personId, drafts) => this.keepDrafts(docId, personId, drafts))
    }
  }

  /** Keeps in a person's private document what the board did not take; durable when it resolves. */
  private async keepDrafts(boardId: string, personId: string, drafts: Draft[]) {
    const own = await this.rooms.get(privateDocId(boardId, personId))
    if (!own) throw new Error('no private document')
    await own.change((d) => drafts.forEach((draft) => writeDraft(d, draft)))
  }

  private serially<T>(boardId: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(boardId) ?? Promise.resolve()).then(fn, fn)
    const tail = run.then(
      () => {},
      () => {},
    )
    this.queues.set(boardId, tail)
    // Forget the queue once it drains, so boards nobody acts on cost nothing.
    void tail.then(() => this.queues.get(boardId) === tail && this.queues.delete(boardId))
    return run
  }

  private async board(boardId: string): Promise<Room> {
    const room = await this.rooms.get(boardId)
    if (!room) throw await boardMissing(this.store, boardId)
    return room
  }

  async join(boardId: string, req: JoinBoardRequest): Promise<JoinBoardResponse> {
    const board = await this.store.getBoard(boardId)
    if (!board) throw await boardMissing(this.store, boardId)
    let role: Role = req.observer ? 'observer' : 'participant'
    // The body's shape and limits were checked against shared/requests.ts on the way in.
    if (req.facilitatorKey !== undefined) {
      if (!sameHash(hashSecret(req.facilitatorKey), board.facilitatorKeyHash)) {
        throw new ApiError(403, 'wrong_key', 'That facilitator key does not open this board.')
      }
      role = 'facilitator'
    }
    const name = req.name ?? ''
    const count = (await this.store.listParticipants(boardId)).length
    const token = nanoid(32)
    const p: ParticipantRecord = {
      id: nanoid(12), boardId, name: name || 'Observer', color: PERSON_COLORS[count % PERSON_COLORS.length]!, role,
      tokenHash: hashSecret(token), revoked: false, joinedAt: Date.now(), ballot: {},
    }
    await this.store.addParticipant(p)
    const room = await this.board(boardId)
    await room.change((doc) => writePerson(doc, toPerson(p)))
    return { participantId: p.id, token, role, name: p.name, color: p.color, serverNow: Date.now() }
  }

  /** The identity behind a token on a board, or undefined (unknown, wrong board, or removed). */
  /** Why a token is not taken: the board was deleted (410), or the token is not one of it (`otherwise`). */
  refusal(boardId: string, otherwise: ApiError) {
    return boardMissing(this.store, boardId, otherwise)
  }

  async authenticate(boardId: string, token: string | undefined): Promise<Identity | undefined> {
    if (!token) return undefined
    const p = await this.store.findParticipant(boardId, hashSecret(token))
    if (!p || p.revoked) return undefined
    return { id: p.id, name: p.name, color: p.color, role: p.role }
  }

  act(boardId: string, who: Identity, action: Action) {
    if (who.role !== 'facilitator' && FACILITATOR_ACTIONS.has(action.type)) {
      throw new ApiError(403, 'facilitator_only', `Only the facilitator may ${action.type}.`)
    }
    if (who.role === 'observer') throw new ApiError(403, 'observer', 'Observers cannot act on the board.')
    return this.serially(boardId, () => this.apply(boardId, who, action))
  }

  private async apply(boardId: string, who: Identity, a: Action): Promise<void> {
    const board = await this.board(boardId)
    const session = readSession(board.doc)
    switch (a.type) {
      case 'setPhase': {
        if (session.phase === 'ideate' && a.phase !== 'ideate' && !session.notesRevealed) await this.revealNotes(board)
        if (a.phase !== session.phase) await board.change(clearDone) // done marks are for one phase
        // The discussion walks the ranking, so it is shown first; the spotlight is for one phase only, and the
        // discussion starts on the first ranked item.
        if (a.phase === 'discuss' && session.phase !== 'discuss' && !session.votesRevealed) {
          await board.change((d) => writeSession(d, { votesRevealed: true }))
          await this.publishTally(board)
        }
        if (a.phase !== session.phase) {
          await board.change((d) => writeSession(d, { spotlight: a.phase === 'discuss' ? firstRanked(d, readSession(d)) : null }))
        }
        return board.change((d) => writeSession(d, { phase: a.phase, timer: { endsAt: null, remainingMs: null } }))
      }
      case 'setLocked':
        return board.change((d) => writeSession(d, { locked: a.locked }))
      case 'setPrivateWriting':
        if (!a.on) await this.revealNotes(board)
        return board.change((d) => writeSession(d, { privateWriting: a.on }))
      case 'revealNotes':
        return this.revealNotes(board)
      case 'setBudget':
        return board.change((d) => writeSession(d, { budget: a.budget, maxPerItem: a.maxPerItem }))
      case 'timer':
        return board.change((d) => writeSession(d, { timer: timerCommand(session.timer, a.command, a.ms ?? 0, Date.now()) }))
      case 'vote':
        return this.vote(board, who, a.itemId, a.delta, a.roundId)
      case 'startRound':
        return startRound(this.store, this.rooms, board, a)
      case 'revealVotes': {
        await board.change((d) => writeSession(d, { votesRevealed: true }))
        return this.publishTally(board)
      }
      case 'reopenVoting':
        // The ranking goes face down again, so nobody watches it change while people vote.
        return board.change((d) => {
          writeSession(d, { votesRevealed: false })
          writeTally(d, {})
        })
      case 'handOver':
        return this.handOver(board, who, a.participantId)
      case 'removeParticipant':
        return this.remove(board, who, a.participantId)
      case 'markDone':
        return board.change((d) => writeProgress(d, who.id, { done: a.done }))
      case 'summon':
      case 'follow':
      case 'spotlight': {
        const patch = leadPatch(board.doc, session, who.id, a, Date.now())
        return board.change((d) => writeSession(d, patch))
      }
    }
  }

  private async vote(board: Room, who: Identity, itemId: string, delta: 1 | -1, roundId?: number) {
    const own = await this.rooms.get(privateDocId(board.docId, who.id))
    if (!own) throw new ApiError(404, 'board_not_found', 'The board is gone.')
    const state = readBoard(board.doc)
    const exists = state.clusters.some((c) => c.id === itemId) || state.notes.some((n) => n.id === itemId && !n.clusterId)
    const session = readSession(board.doc)
    const kinds = session.round.kindBudgets ? itemKinds(state.notes) : undefined
    const kindOf = kinds && ((id: string) => kinds.get(id))
    // The check and the write happen in one database transaction, so no two tabs or processes can both
    // spend the last vote. The stored ballot is of this round, or of an earlier one (then none of it
    // counts now); one of a later round means this process has not yet seen that round begin.
    const ballot = await this.store.updateBallot(board.docId, who.id, (stored, storedRound) => {
      if (storedRound > session.round.id) throw new ApiError(409, 'wrong_round', voteMessages.wrong_round)
      const current = storedRound === session.round.id ? stored : {}
      const result = castVote(session, current, itemId, delta, exists, { roundId, kindOf })
      if (!result.ok) throw new ApiError(409, result.reason, voteMessages[result.reason])
      return result.ballot
    }, session.round.id)
    await own.change((d) => writeBallot(d, ballot)) // the tally waits for the reveal, which closes voting
    // Everyone may know how many votes someone spent, never on what.
    await board.change((d) => writeProgress(d, who.id, { votes: votesUsed(ballot) }))
  }

  /** Sums everyone's ballot into the board's `tally`: only after the facilitator reveals votes. */
  private async publishTally(board: Room) {
    const votes = roundTally(await this.store.listParticipants(board.docId), readSession(board.doc).round.id)
    await board.change((d) => writeTally(d, votes))
  }

  /** Moves every private note onto the board (board first, so a crash between can only repeat the copy). */
  private async revealNotes(board: Room) {
    for (const p of await this.store.listParticipants(board.docId)) await this.revealOf(board, p.id)
    await board.change((d) => {
      writeSession(d, { notesRevealed: true })
      clearHidden(d)
    })
  }

  /** Moves a person's private notes onto the board, each under its own key and in its writer's name; a
   *  key the board already uses (no note ever replaces another), or a board that takes no notes now,
   *  sends it to their drafts instead. */
  private async revealOf(board: Room, personId: string, code?: string) {
    const own = await this.rooms.get(privateDocId(board.docId, personId))
    if (!own) return
    const notes = [...roots(own.doc).notes].map(([key, m]) => ({ ...readNote(m), id: key, authorId: personId }))
    if (notes.length === 0) return
    // Decided inside the board's change, on the board as it is then, so that what the board does not get
    // is exactly what goes to drafts.
    const taken = new Set<string>()
    const now = Date.now()
    await board.change((d) => {
      for (const n of notes) {
        if (code || roots(d).notes.has(n.id)) {
          taken.add(n.id)
          continue
        }
        roots(d).notes.set(n.id, noteRecord({ ...n, clusterId: null }))
      }
      writeHiddenCounts(d, personId, {})
    })
    await own.change((d) => {
      for (const n of notes) {
        if (taken.has(n.id)) writeDraft(d, { id: n.id, stageId: n.stageId, kind: n.kind, text: n.text, code: code ?? 'taken', savedAt: now })
        roots(d).notes.delete(n.id)
      }
    })
  }

  /** After someone's private notes changed: update the face-down counts, or, once writing is no longer
   *  private, move what arrived late onto the board. */
  private privateChanged(boardId: string, personId: string, own: Room) {
    return this.serially(boardId, async () => {
      const board = await this.rooms.get(boardId)
      if (!board) return
      const kept = draftsOf(own.doc).size
      if ((board.doc.getMap<number>('kept').get(personId) ?? 0) !== kept) await board.change((d) => writeKept(d, personId, kept))
      const s = readSession(board.doc)
      if (!writesArePrivate(s)) {
        await this.revealOf(board, personId, participantsMayWrite(s) ? undefined : notNow(s).code)
        return
      }
      const counts: Record<string, number> = {}
      for (const n of roots(own.doc).notes.values()) {
        const { stageId } = readNotePlace(n)
        counts[stageId] = (counts[stageId] ?? 0) + 1
      }
      await board.change((d) => writeHiddenCounts(d, personId, counts))
    }).catch((err) => boardLog(boardId).error(why(err), 'a change to a private document failed'))
  }

  private async person(boardId: string, id: string) {
    const p = (await this.store.listParticipants(boardId)).find((x) => x.id === id)
    if (!p || p.revoked) throw new ApiError(404, 'participant_not_found', 'No such participant on this board.')
    return p
  }

  private async handOver(board: Room, from: Identity, toId: string) {
    const to = await this.person(board.docId, toId)
    if (to.role === 'observer') throw new ApiError(409, 'observer', 'An observer cannot facilitate.')
    await this.setRole(board, { ...to }, 'facilitator')
    if (to.id !== from.id) await this.setRole(board, await this.person(board.docId, from.id), 'participant')
    // Nobody keeps following someone who no longer leads.
    if (to.id !== from.id && readSession(board.doc).follow?.by === from.id) await board.change((d) => writeSession(d, { follow: null }))
  }

  private async setRole(board: Room, p: ParticipantRecord, role: Role) {
    await this.store.updateParticipant(board.docId, p.id, { role })
    await this.rooms.changeIdentity(board.docId, p.id, { role })
    await board.change((d) => writePerson(d, toPerson({ ...p, role })))
  }

  private async remove(board: Room, by: Identity, id: string) {
    if (id === by.id) throw new ApiError(409, 'cannot_remove_self', 'Hand over the facilitator role first.')
    const p = await this.person(board.docId, id)
    await this.store.updateParticipant(board.docId, id, { revoked: true })
    await this.rooms.changeIdentity(board.docId, id, { revoked: true })
    await board.change((d) => writePerson(d, toPerson({ ...p, revoked: true })))
  }
}

const toPerson = (p: ParticipantRecord): Person => ({ id: p.id, name: p.name, color: p.color, role: p.role, removed: p.revoked })

const voteMessages = {
  wrong_phase: 'Voting is open only in the vote phase.',
  voting_closed: 'Voting closed when the ranking was revealed; the facilitator can reopen it.',
  over_budget: 'You have used all your votes; take one back first.',
  over_item_cap: 'This item already has as many of your votes as allowed.',
  nothing_to_take_back: 'You have no vote on this item to take back.',
  unknown_item: 'There is no such cluster or note to vote on.',
  wrong_round: 'That vote was for a voting round that has ended; this is another round.',
  not_in_round: 'This round is on the top items of the last one only, and this is not one of them.',
  over_kind_budget: 'You have used all your votes for this kind of note in this round; take one back first.',
}

