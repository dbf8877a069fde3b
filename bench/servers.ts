// The two servers under test, each a child process with bench/probe.cjs preloaded, so that CPU time and
// memory are read from the server process itself over IPC rather than inferred from the clock.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, connect } from 'node:net'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PROBE = fileURLToPath(new URL('./probe.cjs', import.meta.url))
const HOST = '127.0.0.1'
export const ROOM_IDLE_MS = 1000

export type ServerName = 'ours' | 'reference' | 'floor'

/** A reading of the server: CPU time (user + system) in µs, of which the kernel's (system) part;
 *  memory only after a forced collection. */
export interface Sample {
  cpuUs: number
  systemUs: number
  heapUsed: number
  rss: number
}

export class BenchServer {
  private pending: ((s: Sample) => void)[] = []
  private profiled: (() => void)[] = []

  constructor(
    readonly name: ServerName,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (m: { cpu: NodeJS.CpuUsage; mem?: NodeJS.MemoryUsage } | { profiling: boolean }) => {
      if ('profiling' in m) return this.profiled.shift()?.()
      const s = { cpuUs: m.cpu.user + m.cpu.system, systemUs: m.cpu.system, heapUsed: m.mem?.heapUsed ?? NaN, rss: m.mem?.rss ?? NaN }
      this.pending.shift()?.(s)
    })
  }

  get httpUrl() {
    return `http://${HOST}:${this.port}`
  }

  /** The WebSocket of a board: ours under /ws/, the others at the root (they ignore the token). */
  wsUrl(boardId: string, token: string) {
    return `ws://${HOST}:${this.port}${this.name === 'ours' ? '/ws' : ''}/${boardId}?token=${token}`
  }

  /** 'stats' collects garbage twice first and reads memory; 'cpu' only reads CPU time. */
  query(what: 'stats' | 'cpu'): Promise<Sample> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no answer to '${what}'`)), 10_000)
      this.pending.push((s) => {
        clearTimeout(timer)
        resolve(s)
      })
      this.child.send(what)
    })
  }

  /** With BENCH_CPU_PROF=<dir>, starts or stops (into <dir>/<label>.cpuprofile) profiling the server. */
  async profile(what: 'start' | 'stop', label = '') {
    if (!process.env.BENCH_CPU_PROF) return
    await new Promise<void>((resolve) => {
      this.profiled.push(resolve)
      this.child.send({ profile: what, label: `${label}-${this.name}` })
    })
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  kill() {
    if (this.alive) this.child.kill('SIGKILL')
  }

  /** Asks the server to exit, and kills it if it lingers. */
  async stop() {
    if (!this.alive) return
    const exited = new Promise((r) => this.child.once('exit', r))
    this.child.send('exit')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    this.kill()
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, HOST, () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

function launch(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--expose-gc', '--require', PROBE, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
  return { child, output: () => output }
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Our server with a fresh SQLite directory on real disk, a 1 s idle unload and no per-address rate limit. */
export async function startOurs(dataDir: string): Promise<BenchServer> {
  const port = await freePort()
  const { child, output } = launch(['--import', 'tsx', 'server/main.ts'], {
    PORT: String(port),
    DATA_DIR: dataDir,
    ROOM_IDLE_MS: String(ROOM_IDLE_MS),
    // One load generator on one address creates hundreds of boards a minute: the per-address limit that
    // guards creation and summaries in production would stop it. The per-connection budgets stay.
    RATE_LIMIT: '1000000',
  })
  const server = new BenchServer('ours', port, child)
  await until(() => {
    if (!server.alive) throw new Error(`our server exited:\n${output()}`)
    return /serving http:\/\//.test(output())
  }, 'our server to start')
  return server
}

/** y-websocket 2.1.0's bin/server.cjs, installed as y-websocket-reference. */
export const startReference = () => startPlain('reference', ['node_modules/y-websocket-reference/bin/server.cjs'])

/** bench/floor.ts: the least a relay can do, for the fan-out scenarios. */
export const startFloor = () => startPlain('floor', ['--import', 'tsx', 'bench/floor.ts'])

async function startPlain(name: ServerName, args: string[]): Promise<BenchServer> {
  const port = await freePort()
  const { child, output } = launch(args, { PORT: String(port) })
  const server = new BenchServer(name, port, child)
  await until(() => {
    if (!server.alive) throw new Error(`the ${name} server exited:\n${output()}`)
    return accepts(port)
  }, `the ${name} server to start`)
  return server
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, HOST)
    s.once('connect', () => (s.destroy(), resolve(true)))
    s.once('error', () => resolve(false))
  })
}
