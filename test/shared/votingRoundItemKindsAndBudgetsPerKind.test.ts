// The kind of an item people vote on (a lone note's own; a cluster's, the kind most of its notes have, ties
// going to the first in NOTE_KINDS order), and a round's budgets per kind as castVote applies them.
import { describe, expect, it } from 'vitest'
import type { Note, NoteKind } from '../../shared/schema.js'
import { itemKind, itemKinds, kindVotesLeft, majorityKind, roundResults } from '../../shared/votingRounds.js'
import { DEFAULT_SESSION, castVote, type Ballot, type Session } from '../../shared/workshop.js'

const note = (id: string, kind: NoteKind, clusterId: string | null = null): Pick<Note, 'id' | 'kind' | 'clusterId'> => ({ id, kind, clusterId })

describe('the kind of an item', () => {
  const notes = [
    note('alone', 'question'),
    note('a1', 'idea', 'c-mixed'), note('a2', 'pain', 'c-mixed'), note('a3', 'pain', 'c-mixed'),
    // One of each: the tie goes to the kind that comes first in NOTE_KINDS (touchpoint before feeling).
    note('b1', 'feeling', 'c-tie'), note('b2', 'touchpoint', 'c-tie'),
    note('__proto__', 'action'),
  ]

  it('is a lone note’s own kind', () => {
    expect(itemKind(notes, 'alone')).toBe('question')
    expect(itemKind(notes, '__proto__')).toBe('action')
  })

  it('is, for a cluster, the kind most of its notes have; a tie goes to the first in NOTE_KINDS', () => {
    expect(itemKind(notes, 'c-mixed')).toBe('pain')
    expect(itemKind(notes, 'c-tie')).toBe('touchpoint')
    expect(majorityKind(['idea', 'action', 'idea', 'action'])).toBe('action')
    expect(majorityKind([])).toBeUndefined()
  })

  it('is nothing for a clustered note (one votes on its cluster) or an unknown id', () => {
    expect(itemKind(notes, 'a1')).toBeUndefined()
    expect(itemKind(notes, 'nope')).toBeUndefined()
    expect(itemKinds(notes).size).toBe(4)
  })
})

describe('budgets per kind in a round', () => {
  const kinds = itemKinds([note('p1', 'pain'), note('p2', 'pain'), note('i1', 'idea'), note('f1', 'feeling'), note('x', 'pain', 'c-pain')])
  const kindOf = (id: string) => kinds.get(id)
  const session: Session = {
    ...DEFAULT_SESSION, phase: 'vote', budget: 6, maxPerItem: 2,
    round: { id: 2, name: 'Pains first', kindBudgets: { pain: 3, idea: 1 } },
  }
  const vote = (ballot: Ballot, itemId: string, s: Session = session, roundId?: number) =>
    castVote(s, ballot, itemId, 1, true, { kindOf, ...(roundId !== undefined && { roundId }) })

  it('refuses a vote over the kind’s budget, counting clusters by their kind', () => {
    expect(vote({ p1: 2 }, 'c-pain')).toEqual({ ok: true, ballot: { p1: 2, 'c-pain': 1 } })
    expect(vote({ p1: 2, 'c-pain': 1 }, 'p2')).toEqual({ ok: false, reason: 'over_kind_budget' })
    expect(vote({ i1: 1 }, 'i1')).toEqual({ ok: false, reason: 'over_kind_budget' })
  })

  it('leaves kinds without a budget to the round’s budget, and take-backs always free', () => {
    expect(vote({ f1: 1, p1: 2, 'c-pain': 1, i1: 1 }, 'f1')).toEqual({ ok: true, ballot: { f1: 2, p1: 2, 'c-pain': 1, i1: 1 } })
    expect(vote({ f1: 2, p1: 2, 'c-pain': 1, i1: 1 }, 'f1')).toEqual({ ok: false, reason: 'over_budget' })
    expect(castVote(session, { p1: 2, 'c-pain': 1 }, 'p1', -1, true, { kindOf })).toEqual({ ok: true, ballot: { p1: 1, 'c-pain': 1 } })
  })

  it('a budget of 0 keeps a kind out of the round', () => {
    const none = { ...session, round: { ...session.round, kindBudgets: { feeling: 0 } } }
    expect(vote({}, 'f1', none)).toEqual({ ok: false, reason: 'over_kind_budget' })
  })

  it('says what is left of each kind’s budget, in NOTE_KINDS order', () => {
    expect(kindVotesLeft(session, { p1: 2, f1: 1 }, kindOf)).toEqual([
      { kind: 'pain', budget: 3, left: 1 },
      { kind: 'idea', budget: 1, left: 1 },
    ])
    expect(kindVotesLeft(DEFAULT_SESSION, { p1: 2 }, kindOf)).toEqual([])
  })

  it('refuses items outside a top-N round, and a vote naming another round', () => {
    const top = { ...session, round: { id: 2, name: 'Top 2', items: ['p1', 'i1'] } }
    expect(vote({}, 'p2', top)).toEqual({ ok: false, reason: 'not_in_round' })
    expect(vote({}, 'p1', top, 2)).toEqual({ ok: true, ballot: { p1: 1 } })
    expect(vote({}, 'p1', top, 1)).toEqual({ ok: false, reason: 'wrong_round' })
  })

  it('shows kept rounds, then the current one once revealed, each ranked on its own votes', () => {
    const board = {
      title: '', schemaVersion: 1, createdAt: 0,
      stages: [{ id: 's', name: 'القرار', order: 'a' }],
      notes: [
        { id: 'n1', stageId: 's', clusterId: null, kind: 'pain' as const, text: 'الدفع مربك', authorId: 'a', order: 'a', createdAt: 0 },
        { id: 'n2', stageId: 's', clusterId: null, kind: 'idea' as const, text: 'دفع بنقرة واحدة', authorId: 'a', order: 'b', createdAt: 0 },
      ],
      clusters: [],
    }
    const kept = [{ id: 1, name: '', budget: 5, maxPerItem: 3, tally: { n1: 2, n2: 4 } }]
    const results = roundResults(board, kept, { ...session, round: { id: 2, name: 'Top 1', items: ['n2'] } }, { n2: 3 })
    expect(results.map((r) => [r.id, r.name, r.ranked.map((i) => `${i.title} ${i.votes}`)])).toEqual([
      [1, '', ['دفع بنقرة واحدة 4', 'الدفع مربك 2']],
      [2, 'Top 1', ['دفع بنقرة واحدة 3']],
    ])
    expect(roundResults(board, kept, session, {})).toHaveLength(1) // not revealed yet
  })
})
