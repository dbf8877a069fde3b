// A board with a facilitator and participants, all real: HTTP joins, stock clients, actions with tokens.
import { readSession } from '../../shared/sessionDoc.js'
import type { Action, Phase } from '../../shared/workshop.js'
import { afterEach, beforeEach } from 'vitest'
import { member, synced, until, type Member, type StockClient } from './clients.js'
import { act, createBoard, startTestServer, type TestServer } from './server.js'

export interface Workshop {
  id: string
  facilitator: Member
  people: Member[]
  /** Runs an action as the facilitator and fails the test if it is refused. */
  run(action: Action): Promise<void>
  /** Waits until `m` sees the phase. */
  seesPhase(m: Member, phase: Phase): Promise<void>
  destroy(): void
}

export async function workshop(srv: TestServer, names: string[]): Promise<Workshop> {
  const { id, facilitatorKey } = await createBoard(srv.url)
  const facilitator = await member(srv.url, id, { name: 'Facilitator', facilitatorKey })
  const people = await Promise.all(names.map((name) => member(srv.url, id, { name })))
  await Promise.all([facilitator, ...people].map(synced))
  const w: Workshop = {
    id,
    facilitator,
    people,
    async run(action) {
      const res = await act(srv.url, id, facilitator.token, action)
      if (res.status !== 200) throw new Error(`${action.type} refused: ${JSON.stringify(res.body)}`)
    },
    seesPhase: (m, phase) => until(() => readSession(m.doc).phase === phase, `${phase} phase`),
    destroy: () => [facilitator, ...people].forEach((m) => m.destroy()),
  }
  return w
}

/** A fresh server for each test of a file, and after each test its workshop and extra clients closed and
 *  the server stopped. A test may set `t.w`, push to `t.extra`, and replace `t.srv` (a restart). */
export function serverPerTest<C extends { destroy(): void } = StockClient>() {
  const t = { srv: undefined as unknown as TestServer, w: undefined as unknown as Workshop, extra: [] as C[] }
  beforeEach(async () => {
    t.srv = await startTestServer()
  })
  afterEach(async () => {
    t.w?.destroy()
    t.w = undefined as unknown as Workshop
    t.extra.splice(0).forEach((c) => c.destroy())
    await t.srv.close()
  })
  return t
}
