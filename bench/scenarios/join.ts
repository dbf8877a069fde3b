// (c) Join: 500 clients connect to one room in quick waves of 10, each announcing its presence; the
// server's CPU time is counted until every client has seen everyone's presence (or all went quiet).
import { waves } from '../boards.js'
import type { Boards } from '../boards.js'
import { LoadClient, sleep, totalFrames } from '../client.js'
import { closeAll, serverCpu } from '../load.js'

const CLIENTS = 500
const WAVE = 10
const QUIET_MS = 1000
const MAX_MS = 60_000

export async function join(boards: Boards) {
  const server = boards.server
  const boardId = await boards.create()
  const seats = await boards.seats(boardId, 'listener', CLIENTS) // the HTTP joins are not what is measured
  let clients: LoadClient[] = []
  let wallMs = 0
  const { ms: cpuMs } = await serverCpu(server, async () => {
    const start = performance.now()
    clients = await waves(CLIENTS, WAVE, async (i) => {
      const c = new LoadClient(server.wsUrl(boardId, seats[i]!.token), `joiner ${i}`, 'presence')
      await c.opened
      return c
    })
    await everyoneSeen(clients)
    wallMs = performance.now() - start
  }, 'join')
  const complete = clients.filter((c) => c.seen.size >= CLIENTS).length
  await closeAll(clients)
  return { cpuMs, wallMs, complete }
}

/** Until every client has seen all presences, or nothing arrived for a second, or the cap. */
async function everyoneSeen(clients: LoadClient[]) {
  const deadline = Date.now() + MAX_MS
  let last = totalFrames(clients)
  let since = Date.now()
  while (Date.now() < deadline && Date.now() - since < QUIET_MS) {
    if (clients.every((c) => c.seen.size >= CLIENTS)) return
    await sleep(10)
    const now = totalFrames(clients)
    if (now !== last) [last, since] = [now, Date.now()]
  }
}
