import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { member, rawClient, synced, until, type StockClient } from '../helpers/clients.js'
import { createBoard, joinBoard, startTestServer, type TestServer } from '../helpers/server.js'
import { presenceUpdate } from '../helpers/crafted.js'

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

/** A y-websocket awareness message carrying whatever ids, clocks and states the sender likes. */
function awarenessMessage(entries: [clientId: number, clock: number, state: unknown][]) {
  const msg = encoding.createEncoder()
  encoding.writeVarUint(msg, 1)
  encoding.writeVarUint8Array(msg, presenceUpdate(entries))
  return encoding.toUint8Array(msg)
}

it("keeps a person's presence theirs after they reconnect: another participant can neither overwrite nor remove it", async () => {
  const { id } = await createBoard(srv.url)
  const a = await member(srv.url, id, { name: 'Amina' })
  const c = await member(srv.url, id, { observer: true })
  clients.push(a, c)
  await Promise.all([synced(a), synced(c)])
  const aId = a.doc.clientID
  a.provider.awareness.setLocalStateField('cursor', { x: 0.1, y: 0.1 })
  await until(() => (c.provider.awareness.getStates().get(aId) as any)?.cursor?.x === 0.1, 'c to see a')

  // a goes away and comes back with the same awareness clientID (the same Y.Doc), having moved meanwhile.
  a.provider.disconnect()
  await until(() => !c.provider.awareness.getStates().has(aId), 'c to drop a')
  a.provider.awareness.setLocalStateField('cursor', { x: 0.7, y: 0.3 })
  a.provider.connect()
  await synced(a)
  await until(() => (c.provider.awareness.getStates().get(aId) as any)?.cursor?.x === 0.7, 'c to see a again')
  expect(a.doc.clientID).toBe(aId)
  const before = c.provider.awareness.getStates().get(aId)

  // b, another participant, writes over a's id, then tries to remove it; each time alongside its own
  // presence, so once c sees b's, the server has dealt with the forged part.
  const b = await joinBoard(srv.url, id, { name: 'Bo' })
  const raw = await rawClient(srv.wsUrl, id, b.token)
  const clock = (a.provider.awareness.meta.get(aId)?.clock ?? 0) + 100
  raw.ws.send(awarenessMessage([[aId, clock, { cursor: { x: 0.9, y: 0.9 } }], [4242, 1, { cursor: 'b1' }]]))
  await until(() => (c.provider.awareness.getStates().get(4242) as any)?.cursor === 'b1', 'c to see b')
  raw.ws.send(awarenessMessage([[aId, clock + 1, null], [4242, 2, { cursor: 'b2' }]]))
  await until(() => (c.provider.awareness.getStates().get(4242) as any)?.cursor === 'b2', 'c to see b move')
  expect((c.provider.awareness.getStates().get(4242) as any).user).toMatchObject({ id: b.participantId, name: 'Bo' })
  expect(c.provider.awareness.getStates().get(aId)).toEqual(before)
  expect((c.provider.awareness.getStates().get(aId) as any).user).toMatchObject({ id: a.me, name: 'Amina' })
  expect(raw.ws.readyState).toBe(raw.ws.OPEN) // dropped, not refused
  raw.ws.close()
  await raw.closed
})
