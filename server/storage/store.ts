// Storage behind one small interface: board records, the people on them, and an append-only log of Yjs
// updates per document (a board's, or one person's private one), compacted into a snapshot from time to
// time. SQLite implements it by default (server/storage/sqlite.ts).
import type { Ballot, Role } from '../../shared/workshop.js'

export interface BoardRecord {
  id: string
  title: string
  /** SHA-256 of the facilitator key, hex: the key itself is never stored. */
  facilitatorKeyHash: string
  createdAt: number
}

export interface ParticipantRecord {
  id: string
  boardId: string
  name: string
  color: string
  role: Role
  /** SHA-256 of the participant's token, hex. */
  tokenHash: string
  revoked: boolean
  joinedAt: number
  /** This person's dot votes: itemId -> votes. */
  ballot: Ballot
  /** The voting round `ballot` was cast in (Session.round.id); 1 when absent, as for ballots stored before rounds. */
  ballotRound?: number
}

export interface StoredLog {
  /** The snapshot (if any) followed by every update appended after it, oldest first. */
  updates: Uint8Array[]
  /** Sequence number of the last entry, to hand back to compact(). */
  lastSeq: number
}

export interface Store {
  createBoard(board: BoardRecord, initialState: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  addParticipant(p: ParticipantRecord): Promise<void>
  findParticipant(boardId: string, tokenHash: string): Promise<ParticipantRecord | undefined>
  listParticipants(boardId: string): Promise<ParticipantRecord[]>
  updateParticipant(boardId: string, id: string, patch: { role?: Role; revoked?: boolean }): Promise<void>
  /** Reads, changes and writes one ballot atomically (also across processes); `change` throws to refuse. It
   *  gets the stored ballot with the round it was cast in, and what it returns is stored as a ballot of `round`
   *  (by default the stored ballot's own). */
  updateBallot(boardId: string, participantId: string, change: (b: Ballot, ballotRound: number) => Ballot, round?: number): Promise<Ballot>
  /** `docId` is a board id, or `<boardId>/private/<participantId>`. */
  loadLog(docId: string): Promise<StoredLog>
  /** Appends durably; resolves only once the update would survive a crash. Returns the new last seq. */
  append(docId: string, update: Uint8Array): Promise<number>
  /** Replaces every entry up to and including `throughSeq` with one snapshot merged from those entries.
   *  `held`, when given, answers the caller's own merge of exactly those entries (or null): a store that
   *  one process has to itself may write that instead of reading the entries back and merging them. */
  compact(docId: string, throughSeq: number, held?: () => Uint8Array | null): Promise<void>
  /** Deletes a board for good: its row, its people, and the logs of its document and of each person's
   *  private one (and of `docIds`, documents of it a caller held, which may have been written since), and
   *  remembers the id as deleted at `at`. With `openedBefore`, only if nobody opened it since (pruning).
   *  Idempotent; answers whether it deleted the board's row. */
  deleteBoard(id: string, at: number, opts?: { docIds?: readonly string[]; openedBefore?: number }): Promise<boolean>
  /** When the board was deleted, if it was: its links answer 410 rather than 404. */
  deletedAt(id: string): Promise<number | undefined>
  /** Notes that someone opened the board (its room loaded or unloaded) at `at`. */
  touchBoard(id: string, at: number): Promise<void>
  /** Ids of up to `limit` boards nobody opened (nor made) since `before`, least recently opened first. */
  idleBoards(before: number, limit: number): Promise<string[]>
  /** Whether it can take writes now: it answers, and its last write did not fail. */
  ready(): Promise<boolean>
  close(): Promise<void>
}

/** Thrown by a store when the database cannot be reached; rooms and the API turn it into a clear error. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StorageError'
  }
}
