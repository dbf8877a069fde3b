import { afterEach, beforeEach, expect, it } from 'vitest'
import { member, synced, until, type StockClient } from '../helpers/clients.js'
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

it('relays presence, stamped with the name the server issued, and removes it for everyone when a connection closes', async () => {
  const { id } = await createBoard(srv.url)
  const a = await member(srv.url, id, { name: 'مريم' })
  const b = await member(srv.url, id, { name: 'Reza' })
  const c = await member(srv.url, id, { observer: true })
  clients.push(a, b, c)
  await Promise.all([synced(a), synced(b), synced(c)])

  // a claims to be somebody else; everyone still sees the name its token was issued for.
  a.provider.awareness.setLocalStateField('user', { name: 'The facilitator', color: '#000' })
  a.provider.awareness.setLocalStateField('cursor', { x: 0.5, y: 0.25 })
  const aId = a.doc.clientID
  await until(() => (b.provider.awareness.getStates().get(aId) as any)?.user?.name === 'مريم', 'b to see a')
  await until(() => (c.provider.awareness.getStates().get(aId) as any)?.user?.name === 'مريم', 'c to see a')
  const seen = b.provider.awareness.getStates().get(aId) as any
  expect(seen.user).toMatchObject({ id: a.me, name: 'مريم', role: 'participant' })
  expect(seen.cursor).toEqual({ x: 0.5, y: 0.25 })

  // Close a's socket without it saying goodbye: the server must remove its state for everyone.
  a.provider.disconnect()
  a.provider.awareness.setLocalState({ user: { name: 'ghost' } }) // not sent: a is offline
  await until(() => !b.provider.awareness.getStates().has(aId), 'b to drop a')
  await until(() => !c.provider.awareness.getStates().has(aId), 'c to drop a')
  expect(b.provider.awareness.getStates().has(b.doc.clientID)).toBe(true)
})
