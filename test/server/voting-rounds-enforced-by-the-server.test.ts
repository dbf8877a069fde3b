// Voting rounds as the server enforces them, over the real API: a round's budgets per kind of note, its
// closing, its limit to the top items of the round before, and the round a vote names. Whatever is refused
// counts nowhere: neither in the round's tally nor in the voter's ballot. A new round starts empty while the
// one before is kept with its results.
import { expect, it } from 'vitest'
import { createCluster } from '../../shared/clusters.js'
import { addNote, readBoard, type NoteKind } from '../../shared/schema.js'
import { readBallot, readRounds, readSession, readTally } from '../../shared/sessionDoc.js'
import type { Action } from '../../shared/workshop.js'
import { stockClient, synced, until } from '../helpers/clients.js'
import { act } from '../helpers/server.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest()

/** A board in the vote phase: lone notes of three kinds, and a cluster of two pain points and an idea. */
async function votingBoard() {
  t.w = await workshop(t.srv, ['Layla', 'Kaveh'])
  await t.w.run({ type: 'setPhase', phase: 'ideate' })
  await t.w.run({ type: 'setPrivateWriting', on: false })
  const [layla] = t.w.people
  await t.w.seesPhase(layla!, 'ideate')
  const stageId = readBoard(layla!.doc).stages[2]!.id
  const notes: [string, NoteKind, string][] = [
    ['pay', 'pain', 'درگاه پرداخت دو بار خطا داد'],
    ['fees', 'pain', 'الرسوم تظهر فقط عند الدفع'],
    ['app', 'idea', 'Wants a mobile app'],
    ['club', 'idea', 'باشگاه مشتریان با امتیاز خرید'],
    ['happy', 'feeling', 'شعر بالارتياح بعد التسليم الأول'],
    ['k1', 'pain', 'کد تخفیف اعمال نشد'],
    ['k2', 'pain', 'Checkout froze twice'],
    ['k3', 'idea', 'Save the cart for later'],
  ]
  for (const [id, kind, text] of notes) addNote(layla!.doc, { id, stageId, kind, text, authorId: layla!.me })
  await until(() => t.w.facilitator.doc.getMap('notes').size === notes.length, 'notes on the board')
  await t.w.run({ type: 'setPhase', phase: 'cluster' })
  await t.w.seesPhase(layla!, 'cluster')
  createCluster(layla!.doc, 'checkout', ['k1', 'k2', 'k3'], 'مشکلات پرداخت')
  await until(() => readBoard(t.w.facilitator.doc).clusters.length === 1, 'the cluster on the board')
  await t.w.run({ type: 'setPhase', phase: 'vote' })
  await t.w.seesPhase(layla!, 'vote')
  return t.w
}

const vote = (token: string, itemId: string, more: Partial<Extract<Action, { type: 'vote' }>> = {}) =>
  act(t.srv.url, t.w.id, token, { type: 'vote', itemId, delta: 1, ...more })
const codeOf = async (res: ReturnType<typeof vote>) => {
  const r = await res
  return r.status === 200 ? 'ok' : `${r.status} ${r.body.error?.code}`
}
/** The facilitator reveals, and the tally everyone then sees. */
async function revealed() {
  await t.w.run({ type: 'revealVotes' })
  await until(() => readSession(t.w.facilitator.doc).votesRevealed, 'the reveal')
  return readTally(t.w.facilitator.doc)
}

it('refuses a vote over a budget per kind of note (a cluster is of its most common kind), and counts nothing of it', async () => {
  await votingBoard()
  const [layla, kaveh] = t.w.people as [(typeof t.w.people)[0], (typeof t.w.people)[0]]
  // Nobody voted yet, so this round takes the place of the first: same number, nothing kept.
  await t.w.run({ type: 'startRound', name: 'الألم أولًا', budget: 6, maxPerItem: 3, kindBudgets: { pain: 2, idea: 1 } })
  await until(() => readSession(layla!.doc).round.name === 'الألم أولًا', 'the round')
  expect(readSession(layla!.doc).round).toEqual({ id: 1, name: 'الألم أولًا', kindBudgets: { pain: 2, idea: 1 } })
  expect(readRounds(t.w.facilitator.doc)).toEqual([])

  expect(await codeOf(vote(layla!.token, 'pay'))).toBe('ok')
  expect(await codeOf(vote(layla!.token, 'checkout'))).toBe('ok') // two pain points and an idea: a pain point
  expect(await codeOf(vote(layla!.token, 'fees'))).toBe('409 over_kind_budget')
  expect(await codeOf(vote(layla!.token, 'checkout'))).toBe('409 over_kind_budget')
  expect(await codeOf(vote(layla!.token, 'app'))).toBe('ok')
  expect(await codeOf(vote(layla!.token, 'club'))).toBe('409 over_kind_budget')
  // A kind without a budget of its own is held by the round's budget alone.
  for (let i = 0; i < 3; i++) expect(await codeOf(vote(layla!.token, 'happy'))).toBe('ok')
  expect(await codeOf(vote(layla!.token, 'happy'))).toBe('409 over_budget')
  // Taking one back frees that kind's vote again; six at once from two tabs spend it once.
  expect(await codeOf(vote(layla!.token, 'pay', { delta: -1 }))).toBe('ok')
  const burst = await Promise.all(['fees', 'pay', 'checkout', 'fees', 'pay', 'checkout'].map((id) => codeOf(vote(layla!.token, id))))
  expect(burst.filter((c) => c === 'ok')).toHaveLength(1)
  expect(burst.filter((c) => c !== 'ok').every((c) => c === '409 over_kind_budget' || c === '409 over_budget')).toBe(true)
  expect(await codeOf(vote(kaveh!.token, 'club'))).toBe('ok')

  const tally = await revealed()
  const painVotes = (tally.pay ?? 0) + (tally.fees ?? 0) + (tally.checkout ?? 0)
  expect(painVotes).toBe(2)
  expect({ app: tally.app, club: tally.club, happy: tally.happy }).toEqual({ app: 1, club: 1, happy: 3 })
  expect(Object.values(tally).reduce((a, n) => a + n, 0)).toBe(7)
})

it('refuses votes in a closed round and counts nothing of them', async () => {
  await votingBoard()
  const [layla, kaveh] = t.w.people as [(typeof t.w.people)[0], (typeof t.w.people)[0]]
  expect(await codeOf(vote(layla!.token, 'app'))).toBe('ok')
  expect(await revealed()).toEqual({ app: 1 })
  expect(await codeOf(vote(kaveh!.token, 'happy'))).toBe('409 voting_closed')
  expect(await codeOf(vote(layla!.token, 'app', { delta: -1 }))).toBe('409 voting_closed')
  await t.w.run({ type: 'reopenVoting' })
  expect(await revealed()).toEqual({ app: 1 })
})

it('keeps the round that ends and starts the next one empty, on the top N of the last; refuses items outside it and late clicks from the old round', async () => {
  await votingBoard()
  const [layla, kaveh] = t.w.people as [(typeof t.w.people)[0], (typeof t.w.people)[0]]
  const ownBallot = stockClient(t.srv.wsUrl, `${t.w.id}/private`, { token: layla!.token })
  t.extra.push(ownBallot)
  await synced(ownBallot)
  for (const id of ['checkout', 'checkout', 'pay', 'app', 'happy']) expect(await codeOf(vote(layla!.token, id))).toBe('ok')
  for (const id of ['checkout', 'pay', 'pay', 'club']) expect(await codeOf(vote(kaveh!.token, id))).toBe('ok')
  await until(() => readBallot(ownBallot.doc).checkout === 2, 'Layla sees her votes')
  // The facilitator does not reveal the first round: starting the next one keeps its votes all the same.
  await t.w.run({ type: 'startRound', name: 'Top two', budget: 3, maxPerItem: 2, topN: 2 })

  await until(() => readSession(layla!.doc).round.id === 2, 'the second round')
  expect(readSession(layla!.doc)).toMatchObject({ budget: 3, maxPerItem: 2, votesRevealed: false, round: { id: 2, name: 'Top two', items: ['checkout', 'pay'] } })
  expect(readRounds(layla!.doc)).toEqual([
    { id: 1, name: '', budget: 5, maxPerItem: 3, tally: { checkout: 3, pay: 3, app: 1, happy: 1, club: 1 } },
  ])
  expect(readTally(layla!.doc)).toEqual({})
  await until(() => Object.keys(readBallot(ownBallot.doc)).length === 0, 'her ballot of the new round: empty')

  expect(await codeOf(vote(layla!.token, 'app', { roundId: 2 }))).toBe('409 not_in_round')
  expect(await codeOf(vote(layla!.token, 'checkout', { roundId: 1 }))).toBe('409 wrong_round') // a late click
  expect(await codeOf(vote(layla!.token, 'checkout', { roundId: 2 }))).toBe('ok')
  expect(await codeOf(vote(layla!.token, 'checkout'))).toBe('ok') // an older client, naming no round
  expect(await codeOf(vote(layla!.token, 'checkout', { roundId: 2 }))).toBe('409 over_item_cap')
  expect(await codeOf(vote(kaveh!.token, 'pay', { roundId: 3 }))).toBe('409 wrong_round')
  expect(await codeOf(vote(kaveh!.token, 'pay', { roundId: 2 }))).toBe('ok')

  // Only this round's votes are in its tally; the first round is kept as it was.
  expect(await revealed()).toEqual({ checkout: 2, pay: 1 })
  expect(readRounds(t.w.facilitator.doc).map((r) => r.tally)).toEqual([{ checkout: 3, pay: 3, app: 1, happy: 1, club: 1 }])

  // A third round on everything: the second is kept beside the first, and the third begins with nothing.
  await t.w.run({ type: 'startRound', name: 'جولة أخيرة', budget: 2, maxPerItem: 1 })
  await until(() => readRounds(t.w.facilitator.doc).length === 2, 'two kept rounds')
  expect(readRounds(t.w.facilitator.doc)[1]).toEqual({ id: 2, name: 'Top two', budget: 3, maxPerItem: 2, items: ['checkout', 'pay'], tally: { checkout: 2, pay: 1 } })
  expect(await codeOf(vote(kaveh!.token, 'app', { roundId: 3 }))).toBe('ok')
  expect(await codeOf(vote(kaveh!.token, 'pay', { roundId: 2 }))).toBe('409 wrong_round')
  expect(await revealed()).toEqual({ app: 1 })
})

it('starts a round only as the facilitator, in the vote phase, and on the top of a round that has votes', async () => {
  await votingBoard()
  const [layla] = t.w.people
  const start: Action = { type: 'startRound', name: 'Top three', budget: 3, maxPerItem: 1, topN: 3 }
  expect(await codeOf(act(t.srv.url, t.w.id, layla!.token, start))).toBe('403 facilitator_only')
  expect(await codeOf(act(t.srv.url, t.w.id, t.w.facilitator.token, start))).toBe('409 no_results')
  await t.w.run({ type: 'setPhase', phase: 'map' })
  expect(await codeOf(act(t.srv.url, t.w.id, t.w.facilitator.token, { ...start, topN: undefined }))).toBe('409 wrong_phase')
  expect(await codeOf(act(t.srv.url, t.w.id, t.w.facilitator.token, { ...start, kindBudgets: { pains: 2 } } as unknown as Action)))
    .toBe('400 invalid_action')
  expect(readSession(t.w.facilitator.doc).round).toEqual({ id: 1, name: '' })
})
