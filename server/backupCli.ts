// npm run backup -- FILE    a consistent copy of the SQLite store (DATA_DIR), taken while the server runs
// npm run restore -- FILE   that copy into an empty DATA_DIR, for a server to start on
// SQLite's online backup copies the database page by page and starts over when a write lands on a page it
// already copied, so the copy is one moment of the store, never half of an append; the server keeps writing.
// (PostgreSQL: pg_dump and pg_restore, in the README.)
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadConfig } from './config.js'
import { STORE_FILE } from './storage/sqlite.js'

function fail(message: string): never {
  console.error(`${message}\nusage: npm run backup -- FILE | npm run restore -- FILE`)
  process.exit(2)
}

/** "ok", or what SQLite found wrong with the file. */
function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return String(db.pragma('integrity_check', { simple: true }))
  } finally {
    db.close()
  }
}

export async function backup(dataDir: string, to: string): Promise<number> {
  const from = join(dataDir, STORE_FILE)
  if (!existsSync(from)) throw new Error(`no store at ${from}`)
  if (existsSync(to)) throw new Error(`${to} exists; a backup never overwrites a file`)
  const db = new Database(from, { readonly: true, fileMustExist: true })
  try {
    const { totalPages } = await db.backup(to)
    const check = integrity(to)
    if (check !== 'ok') {
      rmSync(to, { force: true })
      throw new Error(`the copy failed its integrity check: ${check}`)
    }
    return totalPages
  } finally {
    db.close()
  }
}

export async function restore(from: string, dataDir: string): Promise<void> {
  const to = join(dataDir, STORE_FILE)
  if (existsSync(to)) throw new Error(`${to} exists: restore only into an empty data directory (stop the server, move the old one away)`)
  const check = integrity(from)
  if (check !== 'ok') throw new Error(`${from} is not a sound SQLite file: ${check}`)
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(from, { readonly: true, fileMustExist: true })
  try {
    await db.backup(to)
  } finally {
    db.close()
  }
}

if (process.argv[1] && /backupCli\.[jt]s$/.test(process.argv[1])) {
  const [command, file] = process.argv.slice(2)
  if ((command !== 'backup' && command !== 'restore') || !file) fail('name a file')
  const { dataDir } = loadConfig()
  try {
    if (command === 'backup') {
      const pages = await backup(dataDir, resolve(file))
      console.log(`backed up ${join(dataDir, STORE_FILE)} to ${resolve(file)} (${pages} pages, integrity ok)`)
    } else {
      await restore(resolve(file), dataDir)
      console.log(`restored ${resolve(file)} into ${dataDir}; start the server on it`)
    }
  } catch (err) {
    console.error(`${command} failed: ${(err as Error).message}`)
    process.exit(1)
  }
}
