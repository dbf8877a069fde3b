// npm run export -- <boardId> [--format md|csv|json|html|svg|pdf|png] [--lang en|ar|fa] [--out FILE]
// npm run export -- --import FILE.json
// Reads the store the server uses (DATA_DIR, or DATABASE_URL), so it works with the server stopped or running.
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { boardLinks, loadDetached } from './boards.js'
import { loadConfig } from './config.js'
import { FORMATS, exportBoard, importBoard, isFormat } from './exporter.js'
import { Renderer } from './render.js'
import { PostgresStore } from './storage/postgres.js'
import { SqliteStore } from './storage/sqlite.js'

const usage = `usage: npm run export -- <boardId> [--format ${Object.keys(FORMATS).join('|')}] [--lang en|ar|fa] [--out FILE]
       npm run export -- --import FILE.json`

function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { format: { type: 'string', default: 'md' }, lang: { type: 'string' }, out: { type: 'string' }, import: { type: 'string' } },
    })
  } catch (err) {
    return fail((err as Error).message)
  }
})()

const config = loadConfig()
const store = config.databaseUrl ? new PostgresStore(config.databaseUrl, process.env.DATABASE_SCHEMA || 'public') : new SqliteStore(config.dataDir)
const renderer = new Renderer(config.chromiumPath)
try {
  if (values.import) {
    const { id, facilitatorKey } = await importBoard(store, readFileSync(values.import, 'utf8'))
    const links = boardLinks(config.publicUrl ?? `http://localhost:${config.port}`, id, facilitatorKey)
    console.log(`imported board ${id}\nparticipants: ${links.participantUrl}\nfacilitator:  ${links.facilitatorUrl}`)
  } else {
    const id = positionals[0] ?? fail('which board?')
    if (!isFormat(values.format)) fail(`unknown format "${values.format}"`)
    if (!(await store.getBoard(id))) fail(`no board "${id}" in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`)
    const doc = await loadDetached(store, id)
    const out = await exportBoard(doc, values.format, values.lang, renderer)
    if (values.out) {
      writeFileSync(values.out, out.body)
      console.error(`wrote ${values.out}`)
    } else process.stdout.write(out.body)
  }
} catch (err) {
  console.error(`export failed: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await renderer.close()
  await store.close()
}
