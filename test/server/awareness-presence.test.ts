import { afterEach, beforeEach, expect, it } from 'vitest'
import { stockClient, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.js'

let srv: TestServer
const clients: StockClient[] = []
beforeEach(async () => {
  srv = await startTestServer()
})
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await srv.close()
})

it('relays presence to the others and removes it for everyone when a connection closes', async () => {
  const { id } = await createBoard(srv.url)
  const a = stockClient(srv.wsUrl, id)
  const b = stockClient(srv.wsUrl, id)
  const c = stockClient(srv.wsUrl, id)
  clients.push(a, b, c)
  await Promise.all([synced(a), synced(b), synced(c)])

  a.provider.awareness.setLocalStateField('user', { name: 'مريم', color: '#c2410c' })
  const aId = a.doc.clientID
  await until(() => (b.provider.awareness.getStates().get(aId) as any)?.user?.name === 'مريم', 'b to see a')
  await until(() => (c.provider.awareness.getStates().get(aId) as any)?.user?.name === 'مريم', 'c to see a')

  // Close a's socket without it saying goodbye: the server must remove its state for everyone.
  a.provider.disconnect()
  a.provider.awareness.setLocalState({ user: { name: 'ghost' } }) // not sent: a is offline
  await until(() => !b.provider.awareness.getStates().has(aId), 'b to drop a')
  await until(() => !c.provider.awareness.getStates().has(aId), 'c to drop a')
  expect(b.provider.awareness.getStates().has(b.doc.clientID)).toBe(true)
})
