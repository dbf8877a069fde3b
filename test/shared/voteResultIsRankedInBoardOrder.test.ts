// The ranked result of the vote: clusters and lone notes by votes, ties in board order (the map's promotion
// walks the same order), a cluster named by its first note until it has a name.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster, renameCluster } from '../../shared/clusters.js'
import { rankedResults } from '../../shared/mapItems.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'

let n = 0
const newId = () => `s${++n}`

describe('ranked results', () => {
  it('ranks clusters and lone notes by votes, ties in board order, unvoted items left out', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'Freelance marketplace', ['Awareness', 'Decision'], newId, 1)
    const [aw, de] = readBoard(doc).stages.map((s) => s.id)
    addNote(doc, { id: 'n1', stageId: aw!, kind: 'touchpoint', text: 'إعلان على إنستغرام', authorId: 'a' })
    addNote(doc, { id: 'n2', stageId: aw!, kind: 'touchpoint', text: 'Friend recommends the platform', authorId: 'b' })
    addNote(doc, { id: 'n3', stageId: de!, kind: 'pain', text: 'سبد خرید را نیمه‌کاره رها می‌کند', authorId: 'c' })
    addNote(doc, { id: 'n4', stageId: de!, kind: 'idea', text: 'دردشة مباشرة داخل التطبيق', authorId: 'a' })
    addNote(doc, { id: 'n5', stageId: aw!, kind: 'question', text: 'Which plan fits a team of five?', authorId: 'c' })
    createCluster(doc, 'c1', ['n1', 'n2'])
    renameCluster(doc, 'c1', 'Word of mouth and ads')
    const tally = { c1: 4, n3: 4, n4: 6, n5: 1 }

    const ranked = rankedResults(readBoard(doc), tally)
    expect(ranked.map((r) => [r.title, r.votes])).toEqual([
      ['دردشة مباشرة داخل التطبيق', 6],
      ['Word of mouth and ads', 4], // tie with n3: Awareness comes first on the board
      ['سبد خرید را نیمه‌کاره رها می‌کند', 4],
      ['Which plan fits a team of five?', 1],
    ])
    expect(ranked.map((r) => r.kind)).toEqual(['note', 'cluster', 'note', 'note'])
    renameCluster(doc, 'c1', ' ')
    expect(rankedResults(readBoard(doc), tally)[1]!.title).toBe('إعلان على إنستغرام')
  })
})
