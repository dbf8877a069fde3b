// The real entry point (server/main.ts) in its own process, so that signals (SIGTERM, SIGKILL) hit a
// real server mid-flight. Resolves once it prints the address it serves.
import { spawn, type ChildProcess } from 'node:child_process'

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
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((r) => proc.once('exit', r))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    proc.stdout!.on('data', (d: Buffer) => {
      out += d
      const m = out.match(/serving (http:\/\/\S+)/)
      if (m) resolve(m[1]!)
    })
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return { proc, url, wsUrl: `${url.replace('http', 'ws')}/ws`, port: Number(new URL(url).port), exited }
}
