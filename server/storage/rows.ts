// The one mapping between records and table rows, shared by both stores. SQLite hands back 0/1, numbers and
// JSON text; PostgreSQL booleans, BIGINTs as strings and JSONB parsed: fromRow accepts either. toRow gives
// what both accept as parameters (PostgreSQL reads 0/1 as a boolean and JSON text as JSONB).
import type { Ballot, Role } from '../../shared/workshop.js'
import type { BoardRecord, ParticipantRecord } from './store.js'

export interface BoardRow {
  id: string
  title: string
  facilitator_key_hash: string
  created_at: number | string
}

export interface ParticipantRow {
  board_id: string
  id: string
  name: string
  color: string
  role: Role
  token_hash: string
  revoked: number | boolean
  joined_at: number | string
  ballot: string | Ballot
  ballot_round: number
}

/** The columns toRow fills, in order, for INSERT statements. */
export const BOARD_COLUMNS = ['id', 'title', 'facilitator_key_hash', 'created_at'] as const
export const PARTICIPANT_COLUMNS = [
  'board_id', 'id', 'name', 'color', 'role', 'token_hash', 'revoked', 'joined_at', 'ballot', 'ballot_round',
] as const

export const boardFromRow = (r: BoardRow): BoardRecord => ({
  id: r.id,
  title: r.title,
  facilitatorKeyHash: r.facilitator_key_hash,
  createdAt: Number(r.created_at),
})

export const boardToRow = (b: BoardRecord): BoardRow => ({
  id: b.id,
  title: b.title,
  facilitator_key_hash: b.facilitatorKeyHash,
  created_at: b.createdAt,
})

export const participantFromRow = (r: ParticipantRow): ParticipantRecord => ({
  id: r.id,
  boardId: r.board_id,
  name: r.name,
  color: r.color,
  role: r.role,
  tokenHash: r.token_hash,
  revoked: r.revoked === true || r.revoked === 1,
  joinedAt: Number(r.joined_at),
  ballot: typeof r.ballot === 'string' ? (JSON.parse(r.ballot) as Ballot) : r.ballot,
  ballotRound: r.ballot_round,
})

export const participantToRow = (p: ParticipantRecord): ParticipantRow => ({
  board_id: p.boardId,
  id: p.id,
  name: p.name,
  color: p.color,
  role: p.role,
  token_hash: p.tokenHash,
  revoked: p.revoked ? 1 : 0,
  joined_at: p.joinedAt,
  ballot: JSON.stringify(p.ballot ?? {}),
  ballot_round: p.ballotRound ?? 1,
})

/** A row's values in `columns` order, for positional parameters. */
export const values = <R extends object>(row: R, columns: readonly (keyof R)[]) => columns.map((c) => row[c])
