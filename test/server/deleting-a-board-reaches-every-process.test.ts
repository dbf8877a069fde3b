// Several processes on one PostgreSQL and Redis: a board deleted through one closes, through the bus, the
// sockets that others hold on it (its own and a person's private document) with 4410, and every process
// answers 410 for it from then on.
import { afterAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.js'
import { member, rawClient, stockClient, synced, until, type StockClient } from '../helpers/clients.js'
import { sharingProcesses } from '../helpers/process.js'
import { createBoard } from '../helpers/server.js'

const { reason, start: sharingProcess } = await sharingProcesses()
const clients: StockClient[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

describe.skipIf(reason)(`a board deleted on one of several processes${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('is closed with 4410 on the others at once, and gone for every one of them', async () => {
    const a = await sharingProcess()
    const b = await sharingProcess()
    const { id, facilitatorKey } = await createBoard(a.url, { title: 'سفر خرید' })
    const fac = await member(a.url, id, { name: 'Facilitator', facilitatorKey })
    const onB = await member(b.url, id, { name: 'On B' })
    const privateOnB = stockClient(b.wsUrl, `${id}/private`, { token: onB.token })
    clients.push(fac, onB, privateOnB)
    await Promise.all([fac, onB, privateOnB].map(synced))
    const codes = (c: StockClient) => {
      const seen: number[] = []
      c.provider.on('connection-close', (e: CloseEvent | null) => e && seen.push(e.code))
      return seen
    }
    const [boardCodes, privateCodes] = [codes(onB), codes(privateOnB)]

    const res = await fetch(`${a.url}/api/boards/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${fac.token}` } })
    expect(res.status).toBe(200)
    await until(() => boardCodes.includes(CloseCode.deleted) && privateCodes.includes(CloseCode.deleted), 'the sockets on B closed with 4410')

    for (const p of [a, b]) {
      expect((await fetch(`${p.url}/api/boards/${id}`)).status).toBe(410)
      expect((await (await rawClient(p.wsUrl, id, onB.token)).closed).code).toBe(CloseCode.deleted)
    }
  })
})
