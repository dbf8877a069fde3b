// Both stores bring their schema up to date through the versioned migrations of server/storage/migrations.ts:
// from nothing, from the layout deployed before voting rounds, opened_at and deleted boards (no migrations
// table), and on PostgreSQL from two processes starting at once.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../server/storage/migrations.js'
import { PostgresStore } from '../../server/storage/postgres.js'
import { SqliteStore, STORE_FILE } from '../../server/storage/sqlite.js'
import { PG_URL, pgSchema, postgresMissing } from '../helpers/services.js'
import { tempDir } from '../helpers/server.js'

const ALL = MIGRATIONS.map((m) => m.version)

// The layout as it was before migrations (git show HEAD~5:server/storage/{sqlite,postgres}.ts).
const OLD_SQLITE = `
  CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, facilitator_key_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE participants (board_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, color TEXT NOT NULL, role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE, revoked INTEGER NOT NULL DEFAULT 0, joined_at INTEGER NOT NULL, ballot TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (board_id, id));
  CREATE TABLE updates (doc_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (doc_id, seq)) WITHOUT ROWID;
  INSERT INTO boards (id, title, facilitator_key_hash, created_at) VALUES ('old-board', 'خريطة قديمة', 'k', 5);
  INSERT INTO participants (board_id, id, name, color, role, token_hash, revoked, joined_at, ballot)
    VALUES ('old-board', 'p1', 'Zahra', '#000', 'facilitator', 'tok', 0, 6, '{"n1":2}');`
const OLD_POSTGRES = `
  CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, facilitator_key_hash TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE participants (board_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, color TEXT NOT NULL, role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE, revoked BOOLEAN NOT NULL DEFAULT false, joined_at BIGINT NOT NULL, ballot JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (board_id, id));
  CREATE TABLE updates (doc_id TEXT NOT NULL, seq BIGSERIAL, data BYTEA NOT NULL, PRIMARY KEY (doc_id, seq));
  INSERT INTO boards (id, title, facilitator_key_hash, created_at) VALUES ('old-board', 'خريطة قديمة', 'k', 5);
  INSERT INTO participants (board_id, id, name, color, role, token_hash, revoked, joined_at, ballot)
    VALUES ('old-board', 'p1', 'Zahra', '#000', 'facilitator', 'tok', false, 6, '{"n1":2}');`

/** What the store kept from the old layout, read through the store; and that the new columns and table work. */
async function oldDataReadable(store: SqliteStore | PostgresStore) {
  expect(await store.getBoard('old-board')).toEqual({ id: 'old-board', title: 'خريطة قديمة', facilitatorKeyHash: 'k', createdAt: 5 })
  expect(await store.findParticipant('old-board', 'tok')).toMatchObject({ id: 'p1', name: 'Zahra', revoked: false, joinedAt: 6, ballot: { n1: 2 }, ballotRound: 1 })
  await store.touchBoard('old-board', 10) // opened_at
  expect(await store.idleBoards(11, 10)).toEqual(['old-board'])
  expect(await store.deleteBoard('old-board', 20)).toBe(true) // deleted_boards
  expect(await store.deletedAt('old-board')).toBe(20)
}

describe('the SQLite store', () => {
  const recorded = (dir: string) => {
    const db = new Database(join(dir, STORE_FILE), { readonly: true })
    try {
      return db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => r.version)
    } finally {
      db.close()
    }
  }

  it('applies every migration once to an empty file, records each, and nothing on the next opening', async () => {
    const dir = tempDir()
    const first = new SqliteStore(dir)
    expect(first.migrated).toEqual(ALL)
    await first.close()
    const again = new SqliteStore(dir)
    expect(again.migrated).toEqual([])
    await again.close()
    expect(recorded(dir)).toEqual(ALL)
  })

  it('migrates a file of the earlier layout and keeps its board and people readable', async () => {
    const dir = tempDir()
    const db = new Database(join(dir, STORE_FILE))
    db.exec(OLD_SQLITE)
    db.close()
    const store = new SqliteStore(dir)
    expect(store.migrated).toEqual(ALL)
    await oldDataReadable(store)
    await store.close()
    expect(recorded(dir)).toEqual(ALL)
  })

  it('adopts a file of the current layout made before the migrations table, without failing or losing data', async () => {
    const dir = tempDir()
    const made = new SqliteStore(dir)
    made.db.exec(OLD_SQLITE.slice(OLD_SQLITE.indexOf('INSERT')))
    made.db.exec('DROP TABLE schema_migrations')
    await made.close()
    const store = new SqliteStore(dir)
    expect(store.migrated).toEqual(ALL)
    await oldDataReadable(store)
    await store.close()
  })
})

const pgReason = await postgresMissing()
const schemas: ReturnType<typeof pgSchema>[] = []
const fresh = () => {
  const s = pgSchema()
  schemas.push(s)
  return s.name
}
afterAll(async () => {
  if (!pgReason) await Promise.all(schemas.map((s) => s.drop()))
})

async function sql(schema: string, text: string) {
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  try {
    return (await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}; ${text}`)) as unknown as pg.QueryResult[]
  } finally {
    await c.end()
  }
}
const recordedPg = async (schema: string) =>
  (await sql(schema, 'SELECT version FROM schema_migrations ORDER BY version')).at(-1)!.rows.map((r) => r.version as number)

describe.skipIf(pgReason)(`the PostgreSQL store${pgReason ? ` (skipped: ${pgReason})` : ''}`, () => {
  it('applies every migration once to an empty schema, records each, and nothing on the next opening', async () => {
    const schema = fresh()
    const first = new PostgresStore(PG_URL, schema)
    expect(await first.migrated).toEqual(ALL)
    await first.close()
    const again = new PostgresStore(PG_URL, schema)
    expect(await again.migrated).toEqual([])
    expect(await again.ready()).toBe(true)
    await again.close()
    expect(await recordedPg(schema)).toEqual(ALL)
  })

  it('migrates a schema of the earlier layout and keeps its board and people readable', async () => {
    const schema = fresh()
    await sql(schema, OLD_POSTGRES)
    const store = new PostgresStore(PG_URL, schema)
    expect(await store.migrated).toEqual(ALL)
    await oldDataReadable(store)
    await store.close()
    expect(await recordedPg(schema)).toEqual(ALL)
  })

  it('adopts a schema of the current layout made before the migrations table', async () => {
    const schema = fresh()
    const made = new PostgresStore(PG_URL, schema)
    await made.migrated
    await made.close()
    await sql(schema, `${OLD_POSTGRES.slice(OLD_POSTGRES.indexOf('INSERT'))} DROP TABLE schema_migrations;`)
    const store = new PostgresStore(PG_URL, schema)
    expect(await store.migrated).toEqual(ALL)
    await oldDataReadable(store)
    await store.close()
  })

  it('migrates once when several processes open the same empty schema at the same moment', async () => {
    const schema = fresh()
    const stores = Array.from({ length: 4 }, () => new PostgresStore(PG_URL, schema))
    const applied = await Promise.all(stores.map((s) => s.migrated))
    expect(applied.flat().sort((a, b) => a - b)).toEqual(ALL)
    expect(applied.filter((a) => a.length > 0)).toEqual([ALL])
    await Promise.all(stores.map((s) => s.close()))
    expect(await recordedPg(schema)).toEqual(ALL)
  })
})
