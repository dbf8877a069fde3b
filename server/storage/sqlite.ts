// The embedded default store: one SQLite file in DATA_DIR, in WAL mode. With synchronous=NORMAL (the
// default) a committed append is in the WAL before the update is relayed, so it survives the process being
// killed; only a power cut could roll back the last moments, and those edits are still in every client's
// own copy, which it sends again when it reconnects. FULL also fsyncs each append (about 10× the CPU).
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Ballot, Role } from '../../shared/workshop.js'
import { migrateSqlite } from './migrations.js'
import { BOARD_COLUMNS, boardFromRow, boardToRow, PARTICIPANT_COLUMNS, participantFromRow, participantToRow, type BoardRow, type ParticipantRow } from './rows.js'
import { mergeLog } from './snapshot.js'
import { StorageError, type BoardRecord, type ParticipantRecord, type Store, type StoredLog } from './store.js'

/** The store's file in DATA_DIR (npm run backup copies it). */
export const STORE_FILE = 'touchpoint.sqlite'

const READS = new Set(['getBoard', 'findParticipant', 'listParticipants', 'loadLog', 'deletedAt', 'idleBoards', 'ready', 'close'])

export class SqliteStore implements Store {
  readonly db: Database.Database
  readonly migrated: number[]
  private readonly stmts

  constructor(dataDir: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL') {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(join(dataDir, STORE_FILE))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${synchronous}`)
    /** The migrations this opening applied (server/storage/migrations.ts): none when the file was up to date. */
    this.migrated = migrateSqlite(this.db)
    this.stmts = {
      insertBoard: this.db.prepare<[BoardRow]>(
        `INSERT INTO boards (${BOARD_COLUMNS.join(', ')}) VALUES (${BOARD_COLUMNS.map((c) => `@${c}`).join(', ')})`,
      ),
      getBoard: this.db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
      insertParticipant: this.db.prepare<[ParticipantRow]>(
        `INSERT INTO participants (${PARTICIPANT_COLUMNS.join(', ')}) VALUES (${PARTICIPANT_COLUMNS.map((c) => `@${c}`).join(', ')})`,
      ),
      findParticipant: this.db.prepare<[string, string], ParticipantRow>(
        'SELECT * FROM participants WHERE board_id = ? AND token_hash = ?',
      ),
      listParticipants: this.db.prepare<[string], ParticipantRow>(
        'SELECT * FROM participants WHERE board_id = ? ORDER BY joined_at, id',
      ),
      setRole: this.db.prepare('UPDATE participants SET role = ? WHERE board_id = ? AND id = ?'),
      setRevoked: this.db.prepare('UPDATE participants SET revoked = ? WHERE board_id = ? AND id = ?'),
      getBallot: this.db.prepare<[string, string], { ballot: string; ballot_round: number }>(
        'SELECT ballot, ballot_round FROM participants WHERE board_id = ? AND id = ?',
      ),
      setBallot: this.db.prepare('UPDATE participants SET ballot = ?, ballot_round = ? WHERE board_id = ? AND id = ?'),
      logThrough: this.db.prepare<[string, number], { data: Buffer }>(
        'SELECT data FROM updates WHERE doc_id = ? AND seq <= ? ORDER BY seq',
      ),
      log: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE doc_id = ? ORDER BY seq',
      ),
      lastSeq: this.db.prepare<[string], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM updates WHERE doc_id = ?'),
      insertUpdate: this.db.prepare('INSERT INTO updates (doc_id, seq, data) VALUES (?, ?, ?)'),
      deleteThrough: this.db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq <= ?'),
      openedAt: this.db.prepare<[string], { opened: number }>('SELECT COALESCE(opened_at, created_at) AS opened FROM boards WHERE id = ?'),
      // The board's own log, and every document under `<id>/` (each person's private one): '0' follows '/'.
      deleteLogs: this.db.prepare<[string, string, string]>('DELETE FROM updates WHERE doc_id = ? OR (doc_id >= ? AND doc_id < ?)'),
      deleteLog: this.db.prepare<[string]>('DELETE FROM updates WHERE doc_id = ?'),
      deleteParticipants: this.db.prepare<[string]>('DELETE FROM participants WHERE board_id = ?'),
      deleteBoard: this.db.prepare<[string]>('DELETE FROM boards WHERE id = ?'),
      remember: this.db.prepare<[string, number]>('INSERT OR IGNORE INTO deleted_boards (id, deleted_at) VALUES (?, ?)'),
      deletedAt: this.db.prepare<[string], { deleted_at: number }>('SELECT deleted_at FROM deleted_boards WHERE id = ?'),
      touch: this.db.prepare<[number, string]>('UPDATE boards SET opened_at = ? WHERE id = ?'),
      idle: this.db.prepare<[number, number], { id: string }>(
        'SELECT id FROM boards WHERE COALESCE(opened_at, created_at) < ? ORDER BY COALESCE(opened_at, created_at) LIMIT ?',
      ),
    }
  }

  /** The end of each log this process has appended to since its last compaction, so that an append is a
   *  plain insert at the next seq: half the CPU of finding MAX(seq) in the insert itself, the store's cost in
   *  every relayed update. Compaction (also when a board unloads) forgets it, so it holds no more than the
   *  boards being written. It stays exact because only this process writes the file (several processes share
   *  PostgreSQL, not this); a write that could move a log's end forgets it, and a wrong one would fail the
   *  insert, loudly. */
  private readonly lastSeqs = new Map<string, number>()

  /** Set when a write failed (a full disk), cleared by the next write that succeeds. */
  private writeFailed = false

  private run<T>(what: string, fn: () => T): Promise<T> {
    const writes = !READS.has(what)
    try {
      const result = fn()
      if (writes) this.writeFailed = false
      return Promise.resolve(result)
    } catch (err) {
      if (writes) this.writeFailed = true
      return Promise.reject(new StorageError(`SQLite ${what} failed: ${(err as Error).message}`, { cause: err }))
    }
  }

  ready() {
    return this.run('ready', () => {
      this.db.prepare('SELECT 1').get()
      return !this.writeFailed
    }).catch(() => false)
  }

  createBoard(b: BoardRecord, initialState: Uint8Array) {
    this.lastSeqs.delete(b.id)
    return this.run('createBoard', () =>
      this.db.transaction(() => {
        this.stmts.insertBoard.run(boardToRow(b))
        this.stmts.insertUpdate.run(b.id, 1, initialState)
      })(),
    )
  }

  getBoard(id: string) {
    return this.run('getBoard', () => {
      const row = this.stmts.getBoard.get(id)
      return row && boardFromRow(row)
    })
  }

  addParticipant(p: ParticipantRecord) {
    return this.run('addParticipant', () => {
      this.stmts.insertParticipant.run(participantToRow(p))
    })
  }

  findParticipant(boardId: string, tokenHash: string) {
    return this.run('findParticipant', () => {
      const row = this.stmts.findParticipant.get(boardId, tokenHash)
      return row && participantFromRow(row)
    })
  }

  listParticipants(boardId: string) {
    return this.run('listParticipants', () => this.stmts.listParticipants.all(boardId).map(participantFromRow))
  }

  updateParticipant(boardId: string, id: string, patch: { role?: Role; revoked?: boolean }) {
    return this.run('updateParticipant', () => {
      this.db.transaction(() => {
        if (patch.role) this.stmts.setRole.run(patch.role, boardId, id)
        if (patch.revoked !== undefined) this.stmts.setRevoked.run(patch.revoked ? 1 : 0, boardId, id)
      })()
    })
  }

  updateBallot(boardId: string, participantId: string, change: (b: Ballot, ballotRound: number) => Ballot, round?: number) {
    let refusal: unknown
    return this.run('updateBallot', () =>
      this.db.transaction(() => {
        const row = this.stmts.getBallot.get(boardId, participantId)
        if (!row) throw new Error(`no participant ${participantId}`)
        let next: Ballot
        try {
          next = change(JSON.parse(row.ballot) as Ballot, row.ballot_round)
        } catch (err) {
          refusal = err
          throw err
        }
        this.stmts.setBallot.run(JSON.stringify(next), round ?? row.ballot_round, boardId, participantId)
        return next
      })(),
    ).catch((err) => Promise.reject(refusal ?? err))
  }

  loadLog(docId: string) {
    return this.run('loadLog', (): StoredLog => {
      const rows = this.stmts.log.all(docId)
      return { updates: rows.map((r) => new Uint8Array(r.data)), lastSeq: rows.at(-1)?.seq ?? 0 }
    })
  }

  append(docId: string, update: Uint8Array) {
    return this.run('append', () => {
      const seq = (this.lastSeqs.get(docId) ?? this.stmts.lastSeq.get(docId)!.seq) + 1
      this.stmts.insertUpdate.run(docId, seq, update) // throws on any failure (SQLITE_FULL on a full disk)
      this.lastSeqs.set(docId, seq)
      return seq
    })
  }

  compact(docId: string, throughSeq: number, held?: () => Uint8Array | null) {
    this.lastSeqs.delete(docId)
    return this.run('compact', () =>
      this.db.transaction(() => {
        // This process alone writes the file, so what the room holds is exactly what its rows add up to.
        let snapshot = held?.() ?? null
        if (!snapshot) {
          const rows = this.stmts.logThrough.all(docId, throughSeq)
          if (rows.length < 2) return
          snapshot = mergeLog(rows.map((r) => new Uint8Array(r.data)))
        }
        this.stmts.deleteThrough.run(docId, throughSeq)
        this.stmts.insertUpdate.run(docId, throughSeq, snapshot)
      })(),
    )
  }

  deleteBoard(id: string, at: number, opts: { docIds?: readonly string[]; openedBefore?: number } = {}) {
    return this.run('deleteBoard', () =>
      this.db.transaction(() => {
        const row = this.stmts.openedAt.get(id)
        if (opts.openedBefore !== undefined && (!row || row.opened >= opts.openedBefore)) return false
        this.stmts.deleteLogs.run(id, `${id}/`, `${id}0`)
        for (const docId of opts.docIds ?? []) this.stmts.deleteLog.run(docId)
        for (const docId of this.lastSeqs.keys()) if (docId === id || docId.startsWith(`${id}/`) || opts.docIds?.includes(docId)) this.lastSeqs.delete(docId)
        this.stmts.deleteParticipants.run(id)
        this.stmts.deleteBoard.run(id)
        if (row) this.stmts.remember.run(id, at)
        return !!row
      })(),
    )
  }

  deletedAt(id: string) {
    return this.run('deletedAt', () => this.stmts.deletedAt.get(id)?.deleted_at)
  }

  touchBoard(id: string, at: number) {
    return this.run('touchBoard', () => void this.stmts.touch.run(at, id))
  }

  idleBoards(before: number, limit: number) {
    return this.run('idleBoards', () => this.stmts.idle.all(before, limit).map((r) => r.id))
  }

  close() {
    return this.run('close', () => void this.db.close())
  }
}
