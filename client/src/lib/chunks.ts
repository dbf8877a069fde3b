// A long list split into runs of consecutive items that keep their element: a board of a thousand notes is drawn
// as groups of a few cards, each group skipped by the browser while off screen (content-visibility), which costs
// far less in every frame than one such box per card. An item stays in its run while the order allows, so the
// cards of a group are not rendered again when a note comes, goes or is typed into elsewhere.
import { createComputed, createSignal, untrack, type Accessor, type Setter } from 'solid-js'

export interface Chunk<T> {
  readonly items: Accessor<readonly T[]>
}

export interface Run<T, K> {
  /** The earlier run these items continue, if they are its first part. */
  key: K | undefined
  items: T[]
}

/**
 * `items` in runs of about `size`, each item in the run it was in before (`runOf`) wherever the order allows.
 * New items at a run's end fill it up to `size`, then start a new run; an item put between two of the same run
 * joins it, up to twice `size`, beyond which the rest of it starts a new run. An item that left the rest of its
 * run (moved) counts as new where it lands. A run broken in two keeps its first part; the others are new runs.
 */
export function runsOf<T, K>(items: readonly T[], runOf: (item: T) => K | undefined, size: number): Run<T, K>[] {
  const keys = items.map(runOf)
  const count = new Map<K, number>()
  for (const k of keys) if (k !== undefined) count.set(k, (count.get(k) ?? 0) + 1)
  // The run of the nearest item before and after each one that was in a run (new items are passed over).
  const before: (K | undefined)[] = []
  const after: (K | undefined)[] = []
  for (let i = 0, k: K | undefined; i < keys.length; i++) (before[i] = k), (k = keys[i] ?? k)
  for (let i = keys.length - 1, k: K | undefined; i >= 0; i--) (after[i] = k), (k = keys[i] ?? k)
  /** An item's run, unless it left the rest of it (moved away). */
  const home = (i: number) => {
    const k = keys[i]
    return k !== undefined && (before[i] === k || after[i] === k || count.get(k) === 1) ? k : undefined
  }
  const runs: Run<T, K>[] = []
  const taken = new Set<K>()
  let run: (Run<T, K> & { of: K | undefined }) | undefined
  items.forEach((item, i) => {
    const k = home(i)
    let joins = false
    if (run && k === undefined) {
      // Between two items of the run it follows, or at its end.
      const inside = run.of !== undefined && home(i + 1) === run.of
      joins = run.items.length < (inside ? 2 * size : size)
    } else if (run) joins = k === run.of && run.items.length < 2 * size
    if (!joins) {
      const keeps = k !== undefined && !taken.has(k)
      if (keeps) taken.add(k)
      run = { key: keeps ? k : undefined, of: k, items: [] }
      runs.push(run)
    }
    run!.items.push(item)
  })
  return runs.map(({ key, items }) => ({ key, items }))
}

type Slot<T> = Chunk<T> & { set: Setter<readonly T[]> }

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** `list` as chunks (see runsOf) whose identity lasts as long as their run: render each with a keyed For. */
export function createChunks<T>(list: Accessor<readonly T[]>, size: number): Accessor<readonly Chunk<T>[]> {
  const [chunks, setChunks] = createSignal<readonly Slot<T>[]>([])
  let runOf = new Map<T, Slot<T>>()
  createComputed(() => {
    const runs = runsOf(list(), (item) => runOf.get(item), size)
    runOf = new Map()
    const next = runs.map(({ key, items }) => {
      let slot = key
      if (!slot) {
        const [get, set] = createSignal<readonly T[]>(items)
        slot = { items: get, set }
      } else if (!same(untrack(slot.items), items)) slot.set(items)
      for (const item of items) runOf.set(item, slot)
      return slot
    })
    if (!same(untrack(chunks), next)) setChunks(next)
  })
  return chunks
}
