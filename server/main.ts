// Composition root: configuration, the embedded SQLite store, the server, and a clean shutdown.
import { loadConfig } from './config.js'
import { startServer } from './server.js'
import { SqliteStore } from './storage/sqlite.js'

const config = loadConfig()
const store = new SqliteStore(config.dataDir)
const server = await startServer(config, store)
console.log(`Touchpoint is serving ${server.url} (data in ${config.dataDir})`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: saving boards and closing…`)
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error('shutdown failed:', err)
        process.exit(1)
      },
    )
  })
}
