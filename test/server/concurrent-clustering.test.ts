import { afterEach, beforeEach, expect, it } from 'vitest'
import { isDeepStrictEqual } from 'node:util'
import { addToCluster, createCluster, removeFromCluster } from '../../shared/clusters.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { until } from '../helpers/clients.js'
import { startTestServer, type TestServer } from '../helpers/server.js'
import { workshop, type Workshop } from '../helpers/workshop.js'

let srv: TestServer
let w: Workshop
beforeEach(async () => {
  srv = await startTestServer()
})
afterEach(async () => {
  w?.destroy()
  await srv.close()
})

it('two participants clustering the same notes at once leave every note in exactly one place', async () => {
  w = await workshop(srv, ['Nasrin', 'Yousef'])
  const [a, b] = w.people as [(typeof w.people)[0], (typeof w.people)[0]]
  await w.run({ type: 'setPhase', phase: 'ideate' })
  await w.run({ type: 'setPrivateWriting', on: false })
  await w.seesPhase(a!, 'ideate')
  const stageId = readBoard(a!.doc).stages[1]!.id
  for (let i = 0; i < 8; i++) addNote(a!.doc, { id: `n${i}`, stageId, kind: 'question', text: `سؤال ${i}`, authorId: a!.me })
  await until(() => b!.doc.getMap('notes').size === 8, 'b to see the notes')
  await w.run({ type: 'setPhase', phase: 'cluster' })
  await w.seesPhase(a!, 'cluster')
  await w.seesPhase(b!, 'cluster')

  // Both act in the same tick, before either hears of the other.
  createCluster(a!.doc, 'price', ['n0', 'n1', 'n2'], 'السعر')
  createCluster(b!.doc, 'trust', ['n1', 'n2', 'n3'], 'اعتماد')
  addToCluster(a!.doc, 'n4', 'price')
  addToCluster(b!.doc, 'n4', 'trust')
  removeFromCluster(b!.doc, 'n0')

  const docs = [w.facilitator.doc, a!.doc, b!.doc]
  await until(() => docs.every((d) => isDeepStrictEqual(readBoard(d), readBoard(docs[0]!))), 'convergence')
  const board = readBoard(w.facilitator.doc)
  expect(board.notes.map((n) => n.id).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'])
  const clusterIds = new Set(board.clusters.map((c) => c.id))
  for (const n of board.notes) expect(n.clusterId === null || clusterIds.has(n.clusterId)).toBe(true)
  // Every visible cluster has notes, and together with the lone notes they hold each note once.
  const placed = [...board.clusters.flatMap((c) => board.notes.filter((n) => n.clusterId === c.id)), ...board.notes.filter((n) => !n.clusterId)]
  expect(placed.map((n) => n.id).sort()).toEqual(board.notes.map((n) => n.id).sort())
  expect(board.clusters.length).toBeGreaterThan(0)
})
