// The real entry point (server/main.ts) in its own process, so that signals (SIGTERM, SIGKILL) hit a
// real server mid-flight. Resolves once it prints the address it serves.
import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll } from 'vitest'
import { PG_URL, REDIS_URL, pgSchema, postgresMissing, redisMissing } from './services.js'

export interface ServerProcess {
  proc: ChildProcess
  url: string
  wsUrl: string
  port: number
  /** Resolves with the exit code. */
  exited: Promise<number | null>
}

export async function serverProcess(env: Record<string, string>): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    // The log says where it serves at info; under vitest the in-process default is silent.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL || 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((r) => proc.once('exit', r))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    proc.stdout!.on('data', (d: Buffer) => {
      out += d
      const m = out.match(/serving (http:\/\/[^\s"]+)/)
      if (m) resolve(m[1]!)
    })
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return { proc, url, wsUrl: `${url.replace('http', 'ws')}/ws`, port: Number(new URL(url).port), exited }
}

/** Server processes of one deployment: they share a PostgreSQL schema of their own and Redis. `reason`
 *  says why they cannot run here (absent services). After the test file, every process is killed and
 *  the schema dropped. */
export async function sharingProcesses() {
  const reason = (await postgresMissing()) ?? (await redisMissing())
  const schema = pgSchema()
  const procs: ChildProcess[] = []
  afterAll(async () => {
    procs.forEach((p) => p.kill('SIGKILL'))
    if (!reason) await schema.drop()
  })
  async function start() {
    const p = await serverProcess({ DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema.name, REDIS_URL })
    procs.push(p.proc)
    return p
  }
  return { reason, start }
}
