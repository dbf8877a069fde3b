// The store for deployments that outgrow one process: every server process shares one PostgreSQL.
// A commit is durable before append() resolves (synchronous_commit is on by default).
import pg from 'pg'
import type { Ballot, Role } from '../../shared/workshop.js'
import { migratePostgres } from './migrations.js'
import { BOARD_COLUMNS, boardFromRow, boardToRow, PARTICIPANT_COLUMNS, participantFromRow, participantToRow, values, type BoardRow, type ParticipantRow } from './rows.js'
import { mergeLog } from './snapshot.js'
import { StorageError, type BoardRecord, type ParticipantRecord, type Store, type StoredLog } from './store.js'
import { log, why } from '../log.js'

const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')

class Refusal {
  constructor(readonly reason: unknown) {}
}

export class PostgresStore implements Store {
  private readonly pool: pg.Pool
  private schemaReady: Promise<void>
  /** The migrations this process applied: none when another process (or an earlier start) had. */
  readonly migrated: Promise<number[]>

  /** `schema` keeps separate deployments (or test runs) apart in one database. */
  constructor(connectionString: string, schema = 'public') {
    const pool = (this.pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${schema}` }))
    // An idle client's error (the database restarted) must not crash the process; the next query reconnects.
    this.pool.on('error', (err) => log.error(why(err), 'postgres pool error'))
    // Every query waits for the schema to be brought up to date (server/storage/migrations.ts).
    this.migrated = (async () => {
      const client = await pool.connect()
      try {
        return await migratePostgres(client, schema)
      } finally {
        client.release()
      }
    })()
    this.schemaReady = this.migrated.then(() => undefined)
    this.schemaReady.catch(() => {}) // reported by the first query that waits for it
  }

  async ready() {
    return this.q('ready', 'SELECT 1').then(
      () => true,
      () => false,
    )
  }

  private async q<R extends pg.QueryResultRow>(what: string, text: string, values: unknown[] = []): Promise<R[]> {
    try {
      await this.schemaReady
      return (await this.pool.query<R>(text, values)).rows
    } catch (err) {
      throw new StorageError(`PostgreSQL ${what} failed: ${(err as Error).message}`, { cause: err })
    }
  }

  /** Runs `fn` in a transaction. Errors are StorageErrors, except what `fn` throws as a refusal of its own
   *  (a vote over budget), which passes through unchanged. */
  private async tx<T>(what: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient
    try {
      await this.schemaReady
      client = await this.pool.connect()
    } catch (err) {
      throw new StorageError(`PostgreSQL ${what} failed: ${(err as Error).message}`, { cause: err })
    }
    try {
      await client.query('BEGIN')
      const out = await fn(client)
      await client.query('COMMIT')
      return out
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      if (err instanceof Refusal) throw err.reason
      throw err instanceof StorageError ? err : new StorageError(`PostgreSQL ${what} failed: ${(err as Error).message}`, { cause: err })
    } finally {
      client.release()
    }
  }

  async createBoard(b: BoardRecord, initialState: Uint8Array) {
    await this.tx('createBoard', async (c) => {
      await c.query(`INSERT INTO boards (${BOARD_COLUMNS.join(', ')}) VALUES (${placeholders(BOARD_COLUMNS.length)})`, values(boardToRow(b), BOARD_COLUMNS))
      await c.query('INSERT INTO updates (doc_id, data) VALUES ($1, $2)', [b.id, initialState])
    })
  }

  async getBoard(id: string) {
    const [r] = await this.q<BoardRow>('getBoard', 'SELECT * FROM boards WHERE id = $1', [id])
    return r && boardFromRow(r)
  }

  async addParticipant(p: ParticipantRecord) {
    await this.q(
      'addParticipant',
      `INSERT INTO participants (${PARTICIPANT_COLUMNS.join(', ')}) VALUES (${placeholders(PARTICIPANT_COLUMNS.length)})`,
      values(participantToRow(p), PARTICIPANT_COLUMNS),
    )
  }

  async findParticipant(boardId: string, tokenHash: string) {
    const [r] = await this.q<ParticipantRow>('findParticipant', 'SELECT * FROM participants WHERE board_id = $1 AND token_hash = $2', [
      boardId, tokenHash,
    ])
    return r && participantFromRow(r)
  }

  async listParticipants(boardId: string) {
    return (await this.q<ParticipantRow>('listParticipants', 'SELECT * FROM participants WHERE board_id = $1 ORDER BY joined_at, id', [boardId])).map(participantFromRow)
  }

  async updateParticipant(boardId: string, id: string, patch: { role?: Role; revoked?: boolean }) {
    await this.q(
      'updateParticipant',
      'UPDATE participants SET role = COALESCE($3, role), revoked = COALESCE($4, revoked) WHERE board_id = $1 AND id = $2',
      [boardId, id, patch.role ?? null, patch.revoked ?? null],
    )
  }

  updateBallot(boardId: string, participantId: string, change: (b: Ballot, ballotRound: number) => Ballot, round?: number) {
    return this.tx('updateBallot', async (c) => {
      // FOR UPDATE holds this person's row: a second vote, from any process, waits and then sees this one.
      const { rows } = await c.query<{ ballot: Ballot; ballot_round: number }>(
        'SELECT ballot, ballot_round FROM participants WHERE board_id = $1 AND id = $2 FOR UPDATE', [boardId, participantId],
      )
      if (!rows[0]) throw new StorageError(`no participant ${participantId}`)
      let next: Ballot
      try {
        next = change(rows[0].ballot, rows[0].ballot_round)
      } catch (reason) {
        throw new Refusal(reason)
      }
      await c.query('UPDATE participants SET ballot = $3, ballot_round = $4 WHERE board_id = $1 AND id = $2', [
        boardId, participantId, JSON.stringify(next), round ?? rows[0].ballot_round,
      ])
      return next
    })
  }

  async loadLog(docId: string): Promise<StoredLog> {
    const rows = await this.q<{ seq: string; data: Buffer }>('loadLog', 'SELECT seq, data FROM updates WHERE doc_id = $1 ORDER BY seq', [docId])
    return { updates: rows.map((r) => new Uint8Array(r.data)), lastSeq: rows.length ? Number(rows.at(-1)!.seq) : 0 }
  }

  async append(docId: string, update: Uint8Array) {
    const [r] = await this.q<{ seq: string }>('append', 'INSERT INTO updates (doc_id, data) VALUES ($1, $2) RETURNING seq', [
      docId, Buffer.from(update.buffer, update.byteOffset, update.byteLength),
    ])
    return Number(r!.seq)
  }

  async compact(docId: string, throughSeq: number) {
    await this.tx('compact', async (c) => {
      // One compaction of a document at a time, across processes.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [docId])
      const { rows } = await c.query<{ data: Buffer }>('SELECT data FROM updates WHERE doc_id = $1 AND seq <= $2 ORDER BY seq', [docId, throughSeq])
      if (rows.length < 2) return
      const snapshot = mergeLog(rows.map((r) => new Uint8Array(r.data)))
      await c.query('DELETE FROM updates WHERE doc_id = $1 AND seq <= $2', [docId, throughSeq])
      await c.query('INSERT INTO updates (doc_id, seq, data) VALUES ($1, $2, $3)', [docId, throughSeq, Buffer.from(snapshot)])
    })
  }

  deleteBoard(id: string, at: number, opts: { docIds?: readonly string[]; openedBefore?: number } = {}) {
    return this.tx('deleteBoard', async (c) => {
      // FOR UPDATE: a process opening the board meanwhile (touchBoard) waits, then finds it gone.
      const { rows } = await c.query<{ opened: string }>(
        'SELECT COALESCE(opened_at, created_at) AS opened FROM boards WHERE id = $1 FOR UPDATE', [id],
      )
      const row = rows[0]
      if (opts.openedBefore !== undefined && (!row || Number(row.opened) >= opts.openedBefore)) return false
      const people = await c.query<{ id: string }>('SELECT id FROM participants WHERE board_id = $1', [id])
      // Named one by one, so the primary key finds them: the board's log and each person's private one.
      const docs = [id, ...people.rows.map((p) => `${id}/private/${p.id}`), ...(opts.docIds ?? [])]
      await c.query('DELETE FROM updates WHERE doc_id = ANY($1::text[])', [docs])
      await c.query('DELETE FROM participants WHERE board_id = $1', [id])
      await c.query('DELETE FROM boards WHERE id = $1', [id])
      if (row) await c.query('INSERT INTO deleted_boards (id, deleted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, at])
      return !!row
    })
  }

  async deletedAt(id: string) {
    const [r] = await this.q<{ deleted_at: string }>('deletedAt', 'SELECT deleted_at FROM deleted_boards WHERE id = $1', [id])
    return r ? Number(r.deleted_at) : undefined
  }

  async touchBoard(id: string, at: number) {
    await this.q('touchBoard', 'UPDATE boards SET opened_at = $2 WHERE id = $1', [id, at])
  }

  async idleBoards(before: number, limit: number) {
    const rows = await this.q<{ id: string }>(
      'idleBoards',
      'SELECT id FROM boards WHERE COALESCE(opened_at, created_at) < $1 ORDER BY COALESCE(opened_at, created_at) LIMIT $2',
      [before, limit],
    )
    return rows.map((r) => r.id)
  }

  async close() {
    await this.pool.end()
  }
}
