// The schema of both stores, as an ordered list of forward-only migrations, recorded in schema_migrations.
// Ours rather than a library: two dialects with a handful of statements each, and no extra dependency (nor a
// separate migrate step) on the path every server process starts through. A migration is never edited once
// shipped; a change to the layout is a new entry at the end.
//
// Deployments made before this list existed have some or all of the tables but no schema_migrations. They are
// adopted rather than refused: the tables are made IF NOT EXISTS, and a migration that adds a column says which,
// so where the column is already there it is only recorded.
import type Database from 'better-sqlite3'
import type pg from 'pg'

export interface Migration {
  version: number
  name: string
  sqlite: string
  postgres: string
  /** The column this migration adds: already present (a database older than this list), it is only recorded. */
  addsColumn?: { table: string; column: string }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'boards, participants and update logs',
    sqlite: `
      CREATE TABLE IF NOT EXISTS boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        facilitator_key_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS participants (
        board_id TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        revoked INTEGER NOT NULL DEFAULT 0,
        joined_at INTEGER NOT NULL,
        ballot TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (board_id, id)
      );
      CREATE TABLE IF NOT EXISTS updates (
        doc_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (doc_id, seq)
      ) WITHOUT ROWID;`,
    postgres: `
      CREATE TABLE IF NOT EXISTS boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        facilitator_key_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS participants (
        board_id TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        revoked BOOLEAN NOT NULL DEFAULT false,
        joined_at BIGINT NOT NULL,
        ballot JSONB NOT NULL DEFAULT '{}',
        PRIMARY KEY (board_id, id)
      );
      -- seq comes from one sequence shared by every process, so appends from several never collide.
      CREATE TABLE IF NOT EXISTS updates (
        doc_id TEXT NOT NULL,
        seq BIGSERIAL,
        data BYTEA NOT NULL,
        PRIMARY KEY (doc_id, seq)
      );`,
  },
  {
    version: 2,
    name: 'ballots belong to a voting round',
    // Those stored before rounds were all of the first.
    sqlite: 'ALTER TABLE participants ADD COLUMN ballot_round INTEGER NOT NULL DEFAULT 1',
    postgres: 'ALTER TABLE participants ADD COLUMN IF NOT EXISTS ballot_round INTEGER NOT NULL DEFAULT 1',
    addsColumn: { table: 'participants', column: 'ballot_round' },
  },
  {
    version: 3,
    name: 'when each board was last opened',
    // Null: not since it was made. For BOARD_TTL_DAYS.
    sqlite: 'ALTER TABLE boards ADD COLUMN opened_at INTEGER',
    postgres: 'ALTER TABLE boards ADD COLUMN IF NOT EXISTS opened_at BIGINT',
    addsColumn: { table: 'boards', column: 'opened_at' },
  },
  {
    version: 4,
    name: 'ids of deleted boards',
    // So that their links keep answering 410 rather than 404.
    sqlite: 'CREATE TABLE IF NOT EXISTS deleted_boards (id TEXT PRIMARY KEY, deleted_at INTEGER NOT NULL) WITHOUT ROWID',
    postgres: 'CREATE TABLE IF NOT EXISTS deleted_boards (id TEXT PRIMARY KEY, deleted_at BIGINT NOT NULL)',
  },
]

/** Brings a SQLite file up to date in one IMMEDIATE transaction (a second process on the file waits for it).
 *  Returns the versions recorded now, oldest first: none when it was up to date. */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  return db
    .transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`)
      const done = new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version))
      const record = db.prepare<[number, string, number]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      const applied: number[] = []
      for (const m of migrations) {
        if (done.has(m.version)) continue
        const there =
          m.addsColumn &&
          db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = ?').get(m.addsColumn.table, m.addsColumn.column)!.n > 0
        if (!there) db.exec(m.sqlite)
        record.run(m.version, m.name, Date.now())
        applied.push(m.version)
      }
      return applied
    })
    .immediate()
}

/** Brings a PostgreSQL schema up to date in one transaction, holding an advisory lock on the schema's name so
 *  that processes starting together migrate one after the other (the later ones find nothing to do). */
export async function migratePostgres(client: pg.ClientBase, schema: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const quoted = `"${schema.replace(/"/g, '')}"`
  try {
    await client.query('BEGIN')
    await client.query("SELECT pg_advisory_xact_lock(hashtext('touchpoint schema_migrations ' || $1))", [schema])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`)
    await client.query(`SET LOCAL search_path TO ${quoted}`)
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`)
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const done = new Set(rows.map((r) => r.version))
    const applied: number[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      // Every PostgreSQL statement here is IF NOT EXISTS, so an adopted database needs no check of its own.
      await client.query(m.postgres)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      applied.push(m.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  }
}
