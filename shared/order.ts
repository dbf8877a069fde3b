// Positions of stages and notes as fractional indices: moving one item writes one key, so concurrent
// moves never duplicate an item the way delete-and-insert in a Y.Array would.
import { generateKeyBetween } from 'fractional-indexing'

/** A key that sorts at `index` among `items` (already sorted by key). */
export function keyAt(items: readonly { order: string }[], index: number): string {
  const i = Math.max(0, Math.min(index, items.length))
  const before = i > 0 ? items[i - 1]!.order : null
  // Concurrent inserts can give two items the same key; step past equal keys so the range is never empty.
  let j = i
  while (j < items.length && before !== null && items[j]!.order <= before) j++
  const after = j < items.length ? items[j]!.order : null
  return generateKeyBetween(before || null, after || null)
}
