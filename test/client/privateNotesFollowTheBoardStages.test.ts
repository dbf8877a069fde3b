// A person's private notes are a board store over their private document that borrows the board's stages:
// written, placed and moved there, never on the board itself.
import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard, readBoard } from '../../shared/schema.js'
import { createBoardStore } from '../../client/src/features/board/boardStore.js'

let n = 0
const newId = () => `p${++n}`

describe('private notes store', () => {
  it('writes to the private document and places notes among the board’s stages', () => {
    const boardDoc = new Y.Doc()
    initBoard(boardDoc, 'نقشهٔ سفر مشتری', ['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری'], newId, 1)
    const own = new Y.Doc()
    createRoot((dispose) => {
      const board = createBoardStore(boardDoc, 'me', { newId })
      const mine = createBoardStore(own, 'me', { newId, stagesOf: board })
      const [s1, s2] = board.state.stages
      expect(mine.state.stages.map((s) => s.name)).toEqual(['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری'])

      const a = mine.actions.addNote(s1!.id, 'action', 'فرم ثبت‌نام را پر می‌کند')
      const b = mine.actions.addNote(s1!.id, 'pain', 'سبد خرید را نیمه‌کاره رها می‌کند')
      expect(readBoard(boardDoc).notes).toEqual([])
      expect(readBoard(own).notes.map((x) => x.authorId)).toEqual(['me', 'me'])
      expect(mine.state.stageNotes[s1!.id]).toEqual([a, b])
      expect(mine.place(b)).toMatchObject({ stage: { id: s1!.id }, stageIndex: 0, index: 1, count: 2 })
      expect(mine.isMine(a)).toBe(true)

      expect(mine.actions.nudgeNote(b, 1, 0)).toMatchObject({ stage: { id: s2!.id }, index: 0, count: 1 })
      expect(mine.actions.nudgeNote(a, 0, -1)).toBeUndefined() // already first
      expect(mine.actions.nudgeNote(a, -1, 0)).toBeUndefined() // no stage before the first
      expect(board.state.notes).toEqual({})
      mine.dispose()
      board.dispose()
      dispose()
    })
  })
})
