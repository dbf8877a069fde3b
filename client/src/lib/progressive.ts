// Long lists rendered a slice at a time when many items arrive at once (a board of a thousand notes opening):
// the items come in a few at a time in the tasks that follow, each task yielding after SLICE_MS, so that the
// page never stops answering for long, and the task that brought them (decoding the whole board) does not
// render them too. Once a list has caught up it is passed through as it is: a note someone adds shows in the
// same frame. Every list shares one queue and takes turns, so the columns of a board fill side by side, top
// down, a screenful within a few tasks.
import { createComputed, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js'

/** Items added per turn. */
const STEP = 6
/** How long one task of turns runs before it yields to input and drawing. */
const SLICE_MS = 25
/** More items than this arriving at once are rendered progressively again (a board loaded afresh). */
const BURST = 20

type Turn = () => boolean
const queue: Turn[] = []
let scheduled = false

function run() {
  scheduled = false
  const start = performance.now()
  while (queue.length && performance.now() - start < SLICE_MS) {
    const turn = queue.shift()!
    if (turn()) queue.push(turn)
  }
  if (queue.length) schedule()
}

function schedule() {
  if (scheduled) return
  scheduled = true
  setTimeout(run)
}

/** The items of `list` to render now. */
export function createProgressiveList<T>(list: Accessor<readonly T[]>): Accessor<readonly T[]> {
  const [limit, setLimit] = createSignal(Infinity)
  let queued = false
  let disposed = false
  const turn: Turn = () => {
    if (disposed) return (queued = false)
    const next = limit() + STEP
    if (next >= untrack(list).length) {
      setLimit(Infinity)
      return (queued = false)
    }
    setLimit(next)
    return true
  }
  createComputed(
    on(
      () => list().length,
      (n, before = 0) => {
        if (n - before <= BURST || untrack(limit) !== Infinity) return
        setLimit(before)
        if (!queued) {
          queued = true
          queue.push(turn)
          schedule()
        }
      },
    ),
  )
  onCleanup(() => (disposed = true))
  return createMemo(() => {
    const all = list()
    const n = limit()
    return all.length <= n ? all : all.slice(0, n)
  })
}

/** `when`, but turning true a task later: what it shows renders after the task that made it true (the one that
 *  decoded a whole board has done enough), and the page answers in between. */
export function createNextTaskSignal(when: Accessor<boolean>): Accessor<boolean> {
  const [later, setLater] = createSignal(false)
  createComputed(() => {
    if (!when()) return setLater(false)
    const timer = setTimeout(() => setLater(true))
    onCleanup(() => clearTimeout(timer))
  })
  return () => when() && later()
}
