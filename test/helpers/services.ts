// The PostgreSQL and Redis on this machine. Tests that need them skip, saying why, when they are absent,
// except under CI=true, where their absence is a failure.
import net from 'node:net'
import { nanoid } from 'nanoid'
import pg from 'pg'

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

async function reach(what: string, check: () => Promise<unknown>): Promise<string | null> {
  try {
    await check()
    return null
  } catch (err) {
    const reason = `${what} not reachable (${(err as Error).message})`
    if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it`)
    console.warn(`SKIPPED: ${reason}`)
    return reason
  }
}

export const postgresMissing = () =>
  reach(`PostgreSQL at ${PG_URL}`, async () => {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
    await c.connect()
    await c.end()
  })

export const redisMissing = () =>
  reach(`Redis at ${REDIS_URL}`, () => {
    const { hostname, port } = new URL(REDIS_URL)
    return new Promise<void>((resolve, reject) => {
      const s = net.connect(Number(port || 6379), hostname, () => {
        s.end()
        resolve()
      })
      s.setTimeout(2000, () => s.destroy(new Error('timeout')))
      s.on('error', reject)
    })
  })

/** A schema of its own for one test run, dropped afterwards. */
export function pgSchema() {
  const name = `tp_test_${nanoid(8).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`
  return {
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
      await c.end()
    },
  }
}
