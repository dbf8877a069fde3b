// Every request body is checked against the one schema in shared/requests.ts, with each limit from LIMITS and
// a message that names the wrong field; the server (through Hono's validator) and the client use the same.
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  ActionRequest,
  CreateBoardRequest,
  ImportBoardRequest,
  JoinBoardRequest,
  LIMITS,
  NOT_AN_OBJECT,
  check,
} from '../../shared/requests.js'
import { LIMITS as API_LIMITS, type ActionRequest as ApiActionRequest } from '../../shared/api.js'
import type { Action } from '../../shared/workshop.js'

const refusal = (schema: Parameters<typeof check>[0], input: unknown) => {
  const r = check(schema, input)
  if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`)
  return r.message
}
const accepted = (schema: Parameters<typeof check>[0], input: unknown) => {
  const r = check(schema, input)
  if (!r.ok) throw new Error(`refused ${JSON.stringify(input)}: ${r.message}`)
  return r.value
}

describe('the limits', () => {
  it('are written once and the API module hands out the same object', () => {
    expect(API_LIMITS).toBe(LIMITS)
    expect(LIMITS).toMatchObject({ nameLength: 40, minVotes: 1, maxVotes: 50, maxTimerMs: 4 * 3600_000 })
  })
})

describe('creating a board', () => {
  it('accepts nothing, a title, and its own stages (trimmed)', () => {
    expect(accepted(CreateBoardRequest, {})).toEqual({})
    expect(accepted(CreateBoardRequest, { title: '  نقشه سفر  ', stages: [' اكتشاف ', 'شراء'] })).toEqual({
      title: 'نقشه سفر',
      stages: ['اكتشاف', 'شراء'],
    })
    expect(accepted(CreateBoardRequest, { stages: Array(LIMITS.maxStages).fill('s') })).toBeTruthy()
  })

  it.each([
    ['an array', [1, 2], NOT_AN_OBJECT],
    ['null', null, NOT_AN_OBJECT],
    ['a title that is a number', { title: 42 }, '"title"'],
    ['a title that is too long', { title: 'x'.repeat(LIMITS.titleLength + 1) }, '"title"'],
    ['no stages', { stages: [] }, '"stages"'],
    ['too many stages', { stages: Array(LIMITS.maxStages + 1).fill('s') }, '"stages"'],
    ['a blank stage', { stages: ['ok', '  '] }, '"stages"'],
    ['a stage name that is too long', { stages: ['x'.repeat(LIMITS.stageNameLength + 1)] }, '"stages"'],
    ['stages that are not a list', { stages: 'one' }, '"stages"'],
  ])('refuses %s, naming the field', (_what, input, says) => {
    expect(refusal(CreateBoardRequest, input)).toContain(says)
  })
})

describe('joining a board', () => {
  it('accepts a name (trimmed), a facilitator key, and an observer without a name', () => {
    expect(accepted(JoinBoardRequest, { name: '  Layla ' })).toEqual({ name: 'Layla' })
    expect(accepted(JoinBoardRequest, { name: 'x'.repeat(40) })).toEqual({ name: 'x'.repeat(40) })
    expect(accepted(JoinBoardRequest, { name: 'F', facilitatorKey: 'k' })).toEqual({ name: 'F', facilitatorKey: 'k' })
    expect(accepted(JoinBoardRequest, { observer: true })).toEqual({ name: '', observer: true })
  })

  it.each([
    ['no name', {}, '"name" must be 1 to 40 characters.'],
    ['a blank name', { name: '   ' }, '"name" must be 1 to 40 characters.'],
    ['a name of 41 characters', { name: 'x'.repeat(41) }, '"name" must be 1 to 40 characters.'],
    ['an observer with a name of 41 characters', { observer: true, name: 'x'.repeat(41) }, '"name" must be 1 to 40 characters.'],
    ['a facilitator key without a name, even as an observer', { observer: true, facilitatorKey: 'k' }, '"name"'],
    ['a name that is a number', { name: 7 }, '"name"'],
    ['a facilitator key that is not a string', { name: 'A', facilitatorKey: 1 }, '"facilitatorKey" must be a string.'],
    ['observer that is not true or false', { observer: 'yes' }, '"observer" must be true or false.'],
  ])('refuses %s', (_what, input, says) => {
    expect(refusal(JoinBoardRequest, input)).toContain(says)
  })
})

describe('actions', () => {
  it('are the Action union of shared/workshop.ts, no more and no fewer (checked by tsc)', () => {
    expectTypeOf<ApiActionRequest>().toEqualTypeOf<Action>()
  })

  it.each([
    { type: 'setPhase', phase: 'vote' },
    { type: 'setLocked', locked: true },
    { type: 'setPrivateWriting', on: false },
    { type: 'revealNotes' },
    { type: 'setBudget', budget: 1, maxPerItem: 50 },
    { type: 'vote', itemId: 'n1', delta: -1 },
    { type: 'revealVotes' },
    { type: 'reopenVoting' },
    { type: 'timer', command: 'start', ms: 4 * 3600_000 },
    { type: 'handOver', participantId: 'p1' },
    { type: 'removeParticipant', participantId: 'p1' },
  ])('accepts $type', (action) => {
    expect(accepted(ActionRequest, action)).toMatchObject(action)
  })

  it('gives a timer command without ms a 0, and drops fields an action does not have', () => {
    expect(accepted(ActionRequest, { type: 'timer', command: 'pause' })).toEqual({ type: 'timer', command: 'pause', ms: 0 })
    expect(accepted(ActionRequest, { type: 'revealNotes', phase: 'done' })).toEqual({ type: 'revealNotes' })
  })

  it.each([
    ['budget 0', { type: 'setBudget', budget: 0, maxPerItem: 3 }, '"budget" must be a whole number from 1 to 50.'],
    ['budget 51', { type: 'setBudget', budget: 51, maxPerItem: 3 }, '"budget" must be a whole number from 1 to 50.'],
    ['budget 2.5', { type: 'setBudget', budget: 2.5, maxPerItem: 3 }, '"budget" must be a whole number from 1 to 50.'],
    ['budget "5"', { type: 'setBudget', budget: '5', maxPerItem: 3 }, '"budget" must be a whole number from 1 to 50.'],
    ['maxPerItem 51', { type: 'setBudget', budget: 5, maxPerItem: 51 }, '"maxPerItem" must be a whole number from 1 to 50.'],
    ['no maxPerItem', { type: 'setBudget', budget: 5 }, '"maxPerItem" is required.'],
    ['timer ms over 4 hours', { type: 'timer', command: 'start', ms: 4 * 3600_000 + 1 }, '"ms" must be a whole number of milliseconds from 0 to 14400000 (4 hours).'],
    ['negative timer ms', { type: 'timer', command: 'extend', ms: -1 }, '"ms"'],
    ['an unknown timer command', { type: 'timer', command: 'stop' }, '"command" must be one of start, pause, resume, extend, clear.'],
    ['an unknown phase', { type: 'setPhase', phase: 'lunch' }, '"phase" must be one of setup, ideate, cluster, vote, discuss, map, done.'],
    ['locked that is not true or false', { type: 'setLocked', locked: 1 }, '"locked" must be true or false.'],
    ['a vote of 2', { type: 'vote', itemId: 'n1', delta: 2 }, '"delta" must be 1 or -1.'],
    ['a vote with no item', { type: 'vote', delta: 1 }, '"itemId" is required.'],
    ['a hand-over to a number', { type: 'handOver', participantId: 3 }, '"participantId"'],
    ['an unknown action type', { type: 'dance' }, 'Unknown action type "dance".'],
    ['no action type', { budget: 5 }, 'Unknown action type'],
    ['an array', [{ type: 'revealNotes' }], NOT_AN_OBJECT],
  ])('refuses %s with a message naming the field', (_what, input, says) => {
    expect(refusal(ActionRequest, input)).toContain(says)
  })
})

describe('importing a board', () => {
  it('checks only the envelope, leaving the board to shared/export/json.ts', () => {
    const envelope = { format: 'touchpoint-board', version: 1, stages: 'not checked here' }
    expect(accepted(ImportBoardRequest, envelope)).toEqual(envelope)
  })

  it.each([
    ['another format', { format: 'trello', version: 1 }, '"format" must be "touchpoint-board"'],
    ['no version', { format: 'touchpoint-board' }, '"version" is required.'],
    ['a version that is text', { format: 'touchpoint-board', version: 'one' }, '"version" must be a whole number.'],
    ['an array', [], NOT_AN_OBJECT],
  ])('refuses %s', (_what, input, says) => {
    expect(refusal(ImportBoardRequest, input)).toContain(says)
  })
})
