// The ranked result of the vote is computed from the client's stores exactly as shared/ computes it from the
// document (the map's promotion uses the same), so every screen shows the same list; ties keep board order.
import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster, renameCluster } from '../../shared/clusters.js'
import { promotables } from '../../shared/mapItems.js'
import { addNote, initBoard, readBoard } from '../../shared/schema.js'
import { rank } from '../../shared/workshop.js'
import { createBoardStore } from '../../client/src/features/board/boardStore.js'
import { createWorkshopStore } from '../../client/src/features/workshop/workshopStore.js'
import { boardStateOf, rankedResults } from '../../client/src/features/workshop/results.js'

let n = 0
const newId = () => `s${++n}`

describe('ranked results', () => {
  it('ranks clusters and lone notes by votes, ties in board order, the same as shared/', () => {
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

    createRoot((dispose) => {
      const board = createBoardStore(doc, 'me', newId)
      const w = createWorkshopStore(doc, () => 'me', () => 'participant')
      const ranked = rankedResults(boardStateOf(board.state, w.state.clusters), tally)
      expect(ranked.map((r) => [r.title, r.votes])).toEqual([
        ['دردشة مباشرة داخل التطبيق', 6],
        ['Word of mouth and ads', 4], // tie with n3: Awareness comes first on the board
        ['سبد خرید را نیمه‌کاره رها می‌کند', 4],
        ['Which plan fits a team of five?', 1],
      ])
      const fromDoc = rank(promotables(readBoard(doc)), tally).filter((p) => (tally as Record<string, number>)[p.id])
      expect(ranked.map((r) => r.id)).toEqual(fromDoc.map((p) => p.id))
      w.dispose()
      board.dispose()
      dispose()
    })
  })
})
