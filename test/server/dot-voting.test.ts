import { expect, it } from 'vitest'
import { createCluster } from '../../shared/clusters.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { readBallot, readSession, readTally } from '../../shared/sessionDoc.js'
import { rank } from '../../shared/workshop.js'
import { stockClient, synced, until } from '../helpers/clients.js'
import { act } from '../helpers/server.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest()

/** A board in the vote phase with 4 lone notes and one cluster of 2. */
async function votingBoard() {
  t.w = await workshop(t.srv, ['Layla', 'Kaveh'])
  await t.w.run({ type: 'setPhase', phase: 'ideate' })
  await t.w.run({ type: 'setPrivateWriting', on: false })
  await t.w.seesPhase(t.w.people[0]!, 'ideate')
  const [layla] = t.w.people
  const stageId = readBoard(layla!.doc).stages[3]!.id
  const texts = ['التسليم الأول ممتاز', 'التسليم الثاني متأخر', 'پشتیبانی جواب نداد', 'Refund took two weeks', 'Wants a mobile app', 'ترس از کلاهبرداری']
  texts.forEach((text, i) => addNote(layla!.doc, { id: `n${i}`, stageId, kind: 'feeling', text, authorId: layla!.me }))
  await until(() => t.w.facilitator.doc.getMap('notes').size === 6, 'notes on the board')
  await t.w.run({ type: 'setPhase', phase: 'cluster' })
  await t.w.seesPhase(layla!, 'cluster')
  createCluster(layla!.doc, 'c-delivery', ['n0', 'n1'], 'جودة التسليم')
  await until(() => readBoard(t.w.facilitator.doc).clusters.length === 1, 'the cluster on the board')
  await t.w.run({ type: 'setPhase', phase: 'vote' })
  await t.w.seesPhase(layla!, 'vote')
  return t.w
}

const vote = (token: string, itemId: string, delta: 1 | -1 = 1) => act(t.srv.url, t.w.id, token, { type: 'vote', itemId, delta })

it('refuses the 6th vote of a 5-vote budget, also when six arrive at once from two tabs', async () => {
  await votingBoard()
  const { token } = t.w.people[0]!
  const items = ['c-delivery', 'n2', 'n3', 'n4', 'n5', 'c-delivery']
  const results = await Promise.all(items.map((id) => vote(token, id)))
  expect(results.filter((r) => r.status === 200)).toHaveLength(5)
  const refused = results.filter((r) => r.status !== 200)
  expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual([[409, 'over_budget']])
  // Taking one back frees it again.
  expect((await vote(token, 'n2', -1)).status).toBe(200)
  expect((await vote(token, 'n2')).status).toBe(200)
  expect((await vote(token, 'n2')).body.error?.code).toBe('over_budget')
})

it('caps votes per item, refuses unknown items, clustered notes and voting outside the vote phase', async () => {
  await votingBoard()
  const { token } = t.w.people[1]!
  for (let i = 0; i < 3; i++) expect((await vote(token, 'n3')).status).toBe(200)
  expect((await vote(token, 'n3')).body.error?.code).toBe('over_item_cap')
  expect((await vote(token, 'n0')).body.error?.code).toBe('unknown_item') // it is inside a cluster
  expect((await vote(token, 'nope')).body.error?.code).toBe('unknown_item')
  expect((await vote(token, 'n4', -1)).body.error?.code).toBe('nothing_to_take_back')
  await t.w.run({ type: 'setPhase', phase: 'map' })
  expect((await vote(token, 'n4')).body.error?.code).toBe('wrong_phase')
})

it('keeps tallies hidden until the reveal; then everyone sees the same ranking', async () => {
  await votingBoard()
  const [layla, kaveh] = t.w.people as [(typeof t.w.people)[0], (typeof t.w.people)[0]]
  const ownNotes = stockClient(t.srv.wsUrl, `${t.w.id}/private`, { token: layla!.token })
  t.extra.push(ownNotes)
  await synced(ownNotes)
  for (const id of ['n3', 'n3', 'c-delivery', 'n5']) expect((await vote(layla!.token, id)).status).toBe(200)
  for (const id of ['c-delivery', 'c-delivery', 'n3', 'n2']) expect((await vote(kaveh!.token, id)).status).toBe(200)
  await until(() => readBallot(ownNotes.doc).n3 === 2, 'Layla to see her own votes')
  expect(readBallot(ownNotes.doc)).toEqual({ n3: 2, 'c-delivery': 1, n5: 1 })
  for (const m of [t.w.facilitator, layla!, kaveh!]) expect(readTally(m.doc)).toEqual({})

  await t.w.run({ type: 'revealVotes' })
  const expected = { n3: 3, 'c-delivery': 3, n5: 1, n2: 1 }
  for (const m of [t.w.facilitator, layla!, kaveh!]) {
    await until(() => readSession(m.doc).votesRevealed && Object.keys(readTally(m.doc)).length === 4, 'tally')
    expect(readTally(m.doc)).toEqual(expected)
  }
  const rankings = [t.w.facilitator, layla!, kaveh!].map((m) => {
    const b = readBoard(m.doc)
    const items = [...b.clusters.map((c) => ({ id: c.id })), ...b.notes.filter((n) => !n.clusterId).map((n) => ({ id: n.id }))]
    return rank(items, readTally(m.doc)).map((i) => i.id)
  })
  expect(rankings[0]!.slice(0, 2).sort()).toEqual(['c-delivery', 'n3'])
  expect(rankings[1]).toEqual(rankings[0])
  expect(rankings[2]).toEqual(rankings[0])
  // After the reveal the ranking stays put: voting is closed until the facilitator reopens it.
  expect((await vote(kaveh!.token, 'n4')).body.error?.code).toBe('voting_closed')
  await t.w.run({ type: 'reopenVoting' })
  await until(() => !readSession(layla!.doc).votesRevealed && Object.keys(readTally(layla!.doc)).length === 0, 'the ranking face down')
  expect((await vote(kaveh!.token, 'n4')).status).toBe(200)
  await t.w.run({ type: 'revealVotes' })
  await until(() => readTally(layla!.doc).n4 === 1, 'the new vote in the tally')
})
