// The embedded default store: one SQLite file in DATA_DIR, WAL mode, synchronous=FULL so that an
// append has reached the disk before the update is relayed to anyone.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { StorageError, type BoardRecord, type Store, type StoredLog } from './store.js'

export class SqliteStore implements Store {
  readonly db: Database.Database
  private readonly stmts

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(join(dataDir, 'touchpoint.sqlite'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        facilitator_key_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS updates (
        board_id TEXT NOT NULL REFERENCES boards(id),
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (board_id, seq)
      ) WITHOUT ROWID;
    `)
    this.stmts = {
      insertBoard: this.db.prepare(
        'INSERT INTO boards (id, title, facilitator_key_hash, created_at) VALUES (?, ?, ?, ?)',
      ),
      getBoard: this.db.prepare<[string], { id: string; title: string; facilitator_key_hash: string; created_at: number }>(
        'SELECT id, title, facilitator_key_hash, created_at FROM boards WHERE id = ?',
      ),
      log: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq',
      ),
      lastSeq: this.db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM updates WHERE board_id = ?'),
      insertUpdate: this.db.prepare('INSERT INTO updates (board_id, seq, data) VALUES (?, ?, ?)'),
      deleteThrough: this.db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
    }
  }

  private run<T>(what: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn())
    } catch (err) {
      return Promise.reject(new StorageError(`SQLite ${what} failed: ${(err as Error).message}`, { cause: err }))
    }
  }

  createBoard(b: BoardRecord, initialState: Uint8Array) {
    return this.run('createBoard', () =>
      this.db.transaction(() => {
        this.stmts.insertBoard.run(b.id, b.title, b.facilitatorKeyHash, b.createdAt)
        this.stmts.insertUpdate.run(b.id, 1, initialState)
      })(),
    )
  }

  getBoard(id: string) {
    return this.run('getBoard', () => {
      const row = this.stmts.getBoard.get(id)
      return row && { id: row.id, title: row.title, facilitatorKeyHash: row.facilitator_key_hash, createdAt: row.created_at }
    })
  }

  loadLog(boardId: string) {
    return this.run('loadLog', (): StoredLog => {
      const rows = this.stmts.log.all(boardId)
      return { updates: rows.map((r) => new Uint8Array(r.data)), lastSeq: rows.at(-1)?.seq ?? 0 }
    })
  }

  append(boardId: string, update: Uint8Array) {
    return this.run('append', () => {
      const seq = (this.stmts.lastSeq.get(boardId)?.seq ?? 0) + 1
      this.stmts.insertUpdate.run(boardId, seq, update)
      return seq
    })
  }

  compact(boardId: string, snapshot: Uint8Array, throughSeq: number) {
    return this.run('compact', () =>
      this.db.transaction(() => {
        this.stmts.deleteThrough.run(boardId, throughSeq)
        this.stmts.insertUpdate.run(boardId, throughSeq, snapshot)
      })(),
    )
  }

  close() {
    return this.run('close', () => void this.db.close())
  }
}
