// A stage's notes are drawn in groups of a few cards (client/src/lib/chunks.ts, features/board/NoteGroups.tsx),
// each skipped by the browser while off screen. A group keeps its cards as notes come, go and move: a note
// added at the end fills the last group, one put in the middle joins the group around it, and one moved
// elsewhere leaves its group to the rest; only the groups touched change.
import { createRoot, createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { createChunks, runsOf, type Chunk } from '../../client/src/lib/chunks.js'

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `n${from + i}`)
const sizes = (chunks: readonly Chunk<string>[]) => chunks.map((c) => c.items().length)

describe('groups of notes', () => {
  it('cut a fresh list into groups of the size asked', () => {
    expect(runsOf(ids(25), () => undefined, 10).map((r) => r.items.length)).toEqual([10, 10, 5])
    expect(runsOf([], () => undefined, 10)).toEqual([])
  })

  it('keep their cards as notes are added, put between others, moved and deleted', () => {
    createRoot((dispose) => {
      const [list, setList] = createSignal(ids(25))
      const chunks = createChunks(list, 10)
      const [a, b, c] = chunks()
      expect(sizes(chunks())).toEqual([10, 10, 5])

      // Added at the end: the last group fills up, then a new one begins.
      setList(ids(32))
      expect(sizes(chunks())).toEqual([10, 10, 10, 2])
      expect(chunks().slice(0, 3)).toEqual([a, b, c])
      const d = chunks()[3]

      // Put between two notes of the second group: it joins that group, nothing else changes.
      const aItems = a!.items()
      const withNew = [...ids(15), 'new', ...ids(17, 15)]
      setList(withNew)
      expect(chunks()).toEqual([a, b, c, d])
      expect(b!.items()).toEqual([...ids(5, 10), 'new', ...ids(5, 15)])
      expect(a!.items()).toBe(aItems) // untouched groups are not even set

      // Moved from the first group into the third: the first keeps the rest, the third takes it in.
      const moved = withNew.filter((id) => id !== 'n3')
      moved.splice(moved.indexOf('n25'), 0, 'n3')
      setList(moved)
      expect(chunks()).toEqual([a, b, c, d])
      expect(a!.items()).toEqual(ids(10).filter((id) => id !== 'n3'))
      expect(c!.items()).toContain('n3')

      // Deleted: a group whose notes are all gone goes with them.
      setList(moved.filter((id) => !d!.items().includes(id)))
      expect(chunks()).toEqual([a, b, c])
      dispose()
    })
  })

  it('split a group that grew to twice its size, keeping its first part', () => {
    createRoot((dispose) => {
      const [list, setList] = createSignal(ids(10))
      const chunks = createChunks(list, 10)
      const [a] = chunks()
      // Twelve more put between its first two notes, one at a time.
      let now = ids(10)
      for (let i = 0; i < 12; i++) setList((now = [now[0]!, `x${i}`, ...now.slice(1)]))
      expect(chunks()[0]).toBe(a)
      expect(sizes(chunks())[0]).toBe(20)
      expect(Math.max(...sizes(chunks()))).toBe(20)
      expect(chunks().flatMap((c) => c.items())).toEqual(now)
      dispose()
    })
  })
})
