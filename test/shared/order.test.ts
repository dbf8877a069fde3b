import { describe, expect, it } from 'vitest'
import { keyAt } from '../../shared/order.js'

const items = (...keys: string[]) => keys.map((order) => ({ order }))

describe('keyAt', () => {
  it('places a key at the start, between two keys, and at the end', () => {
    const list = items('a1', 'a3')
    expect(keyAt([], 0) < 'zzz').toBe(true)
    expect(keyAt(list, 0) < 'a1').toBe(true)
    const mid = keyAt(list, 1)
    expect(mid > 'a1' && mid < 'a3').toBe(true)
    expect(keyAt(list, 2) > 'a3').toBe(true)
  })

  it('clamps an index out of range', () => {
    expect(keyAt(items('a1'), 99) > 'a1').toBe(true)
    expect(keyAt(items('a1'), -5) < 'a1').toBe(true)
  })

  it('still finds room after two concurrent inserts produced the same key', () => {
    const k = keyAt(items('a0', 'a2'), 1)
    const list = items('a0', k, k, 'a2')
    const between = keyAt(list, 2) // between the twins
    expect(between > k && between < 'a2').toBe(true)
  })

  it('keeps inserting at the front a thousand times with strictly ordered keys', () => {
    let list = items('a0')
    for (let i = 0; i < 1000; i++) list = [{ order: keyAt(list, 0) }, ...list]
    const keys = list.map((i) => i.order)
    expect([...keys].sort()).toEqual(keys)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
