// A workshop that voted in two rounds (the second on the top items of the first, with budgets per kind)
// carries both rounds' results into Markdown (a column per round), CSV (a column of votes per round) and
// JSON (which imports back to the same bytes); a board that voted once exports as it always did.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSnapshot } from '../../shared/boardSnapshot.js'
import { toCsv } from '../../shared/export/csv.js'
import { BoardJsonError, fromJson, parseBoardJson, toJson } from '../../shared/export/json.js'
import { EXPORT_LABELS } from '../../shared/export/labels.js'
import { toMarkdown } from '../../shared/export/markdown.js'
import { readMap } from '../../shared/readMap.js'
import { readRounds, readSession, readTally, writeRound, writeSession, writeTally } from '../../shared/sessionDoc.js'
import { arabicFreelance } from './fixtures/journeyBoards.js'

/** The Arabic freelancing board (its tally is the second round's), with a first round kept before it. */
function twoRounds(secondName = 'الأهم أولًا'): Y.Doc {
  const doc = arabicFreelance()
  const second = readTally(doc)
  writeRound(doc, { id: 1, name: '', budget: 5, maxPerItem: 3, tally: Object.fromEntries([['k3', 6], ['k2', 4], ['a15', 3], ['a17', 2], ['a14', 1], ['__proto__', 1]]) })
  writeTally(doc, second)
  writeSession(doc, {
    budget: 4, maxPerItem: 2,
    round: { id: 2, name: secondName, kindBudgets: { pain: 2, idea: 1 }, items: ['k3', 'k2', 'a15', 'a17'] },
  })
  return doc
}

describe('exports of a workshop that voted in two rounds', () => {
  const labels = EXPORT_LABELS.ar

  it('Markdown: each round’s settings, then the rounds side by side', () => {
    const md = toMarkdown(readMap(twoRounds(), labels.lanes), labels)
    const section = md.slice(md.indexOf('## جولات التصويت'), md.indexOf('## منحنى المشاعر'))
    expect(section).toContain('- **الجولة 1:** الأصوات لكل شخص: 5، والحد الأقصى للعنصر: 3')
    expect(section).toContain('- **الأهم أولًا:** الأصوات لكل شخص: 4، والحد الأقصى للعنصر: 2; العناصر الأولى من الجولة السابقة: 4; نقاط الألم: 2 · الأفكار: 1')
    const rows = section.split('\n').filter((l) => l.startsWith('|'))
    expect(rows[0]).toBe('| # | الجولة 1 | الأهم أولًا |')
    expect(rows[2]).toBe('| 1 | تأخر الدعم والاسترداد (الأصوات: 6) | تأخر الدعم والاسترداد (الأصوات: 9) |')
    expect(rows[3]).toBe('| 2 | مقارنة المنصات والتقييمات (الأصوات: 4) | مقارنة المنصات والتقييمات (الأصوات: 5) |')
    // As many rows as the longest round has items with votes: the second's eight.
    expect(rows).toHaveLength(2 + 8)
    expect(rows.at(-1)).toBe('| 8 |  | هل يمكن الدفع على دفعات؟ (الأصوات: 1) |')
  })

  it('CSV: a column of votes per round, empty where an item was not in a round', () => {
    const csv = toCsv(readMap(twoRounds('=SUM(A1)'), labels.lanes)).replace(/^\uFEFF/, '').split('\r\n')
    expect(csv[0]).toBe('stage,lane,title,votes,notes,metric,target,current,votes: Round 1,votes: =SUM(A1)')
    const row = (title: string) => csv.find((l) => l.includes(title))!.split(',')
    expect(row('تأخر الدعم والاسترداد').slice(-2)).toEqual(['6', '9'])
    expect(row('ارتياح لأن التسجيل سهل وسريع').slice(-2)).toEqual(['0', '']) // not among the second round's items
  })

  it('CSV: a round name a spreadsheet would run is neutralised in the header', () => {
    const doc = twoRounds()
    writeSession(doc, { round: { id: 2, name: '=HYPERLINK("x")' } })
    const header = toCsv(readMap(doc)).replace(/^\uFEFF/, '').split('\r\n')[0]!
    expect(header.endsWith(',"votes: =HYPERLINK(""x"")"')).toBe(true)
    expect(toMarkdown(readMap(doc))).toContain('=HYPERLINK("x")') // Markdown runs nothing
  })

  it('JSON: both rounds, and the same bytes after an import', () => {
    const json = toJson(readSnapshot(twoRounds()))
    const parsed = JSON.parse(json)
    expect(parsed.round).toEqual({ id: 2, name: 'الأهم أولًا', budget: 4, maxPerItem: 2, kindBudgets: { idea: 1, pain: 2 }, items: ['k3', 'k2', 'a15', 'a17'] })
    expect(parsed.rounds).toHaveLength(1)
    expect(parsed.rounds[0]).toMatchObject({ id: 1, name: '', budget: 5, maxPerItem: 3, tally: { k3: 6, a14: 1 } })
    const imported = fromJson(json)
    expect(toJson(readSnapshot(imported))).toBe(json)
    expect(readSession(imported).round.id).toBe(2)
    expect(readRounds(imported)[0]!.tally).toEqual(readRounds(twoRounds())[0]!.tally)
    expect(Object.hasOwn(readRounds(imported)[0]!.tally, '__proto__')).toBe(true)
  })

  it('JSON: refuses rounds that are out of order or that the current round does not follow', () => {
    const parsed = JSON.parse(toJson(readSnapshot(twoRounds())))
    const bad = (change: (j: typeof parsed) => void) => {
      const j = structuredClone(parsed)
      change(j)
      try {
        parseBoardJson(JSON.stringify(j))
      } catch (e) {
        return (e as BoardJsonError).message
      }
      return 'accepted'
    }
    expect(bad((j) => (j.round.id = 1))).toMatch(/^rounds\[0\]\.id/)
    expect(bad((j) => (j.rounds[0].kindBudgets = { pains: 2 }))).toMatch(/^rounds\[0\]\.kindBudgets\.pains/)
    expect(bad((j) => (j.rounds[0].budget = 0))).toMatch(/^rounds\[0\]\.budget/)
    expect(bad((j) => delete j.round)).toMatch(/^round: expected an object/)
  })

  it('a board that voted in one round exports as before: no rounds anywhere', () => {
    const doc = arabicFreelance()
    expect(readMap(doc).rounds).toBeUndefined()
    expect(toMarkdown(readMap(doc))).not.toContain('Voting rounds')
    expect(toCsv(readMap(doc))).not.toContain('votes: ')
    expect(JSON.parse(toJson(readSnapshot(doc)))).not.toHaveProperty('rounds')
  })
})
