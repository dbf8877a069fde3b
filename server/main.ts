// Composition root: configuration, the store (embedded SQLite, or PostgreSQL), the Redis bus when several
// processes share boards, the server, and a clean shutdown.
import { RedisBus } from './bus.js'
import { loadConfig } from './config.js'
import { startServer } from './server.js'
import { PostgresStore } from './storage/postgres.js'
import { SqliteStore } from './storage/sqlite.js'
import { log } from './log.js'

const config = loadConfig()
const store = config.databaseUrl ? new PostgresStore(config.databaseUrl, process.env.DATABASE_SCHEMA || 'public') : new SqliteStore(config.dataDir, config.sqliteSynchronous)
const bus = config.redisUrl ? new RedisBus(config.redisUrl) : undefined
const server = await startServer(config, { store, bus })
const where = config.databaseUrl ? 'data in PostgreSQL' : `data in ${config.dataDir}`
log.info({ url: server.url, store: where, redis: !!bus }, `Touchpoint is serving ${server.url}`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'saving boards and closing')
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
