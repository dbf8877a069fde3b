// A board opening with a thousand notes renders them a slice at a time (client/src/lib/progressive.ts): none in
// the task that brought them, all of them a few tasks later, each task short; a short list, and every note
// added once a list has caught up, shows at once (a new note is in the same frame as the Enter).
import { createComputed, createRoot, createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { createProgressiveList } from '../../client/src/lib/progressive.js'

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `n${from + i}`)
const tasks = () => new Promise((r) => setTimeout(r, 0))
/** Stands for rendering: 0.2 ms of work per item that comes into view. */
const renders = (shown: () => readonly string[]) => {
  let drawn = 0
  createComputed(() => {
    const n = shown().length
    const until = performance.now() + 0.2 * Math.max(0, n - drawn)
    drawn = n
    while (performance.now() < until);
  })
}

describe('long lists', () => {
  it('come in slice by slice, then pass through what is added', async () => {
    await createRoot(async (dispose) => {
      const [list, setList] = createSignal<string[]>(ids(8))
      const [other, setOther] = createSignal<string[]>([])
      const shown = createProgressiveList(list)
      const shownToo = createProgressiveList(other)
      renders(shown)
      renders(shownToo)
      expect(shown()).toEqual(ids(8)) // a short list: as it is

      // A thousand arrive at once (a board loaded afresh): they come in over the next tasks, both lists in turn.
      setList(ids(1000))
      setOther(ids(500, 5000))
      expect(shown()).toEqual(ids(8))
      expect(shownToo()).toEqual([])
      // 300 ms of rendering in all, in tasks of at most a few tens of milliseconds.
      const seen: number[] = []
      let longest = 0
      for (let i = 0; i < 200 && shown().length + shownToo().length < 1500; i++) {
        const t = performance.now()
        await tasks()
        longest = Math.max(longest, performance.now() - t)
        seen.push(shown().length)
      }
      expect(shown()).toEqual(ids(1000))
      expect(shownToo()).toHaveLength(500)
      expect(seen.length).toBeGreaterThan(5)
      expect(seen[0]).toBeGreaterThan(8)
      expect(longest).toBeLessThan(100)

      // Caught up: what is added shows at once.
      setList([...list(), 'mine'])
      expect(shown().at(-1)).toBe('mine')
      dispose()
    })
  })
})
