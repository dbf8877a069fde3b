// The presence store lists who is here (once per person), who types in which note, and forgets
// a client as soon as its awareness state goes away.
import { createRoot } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { createPresenceStore, CURSOR_INTERVAL_MS, type PresenceStore } from '../../client/src/features/presence/presenceStore.js'
import type { PresenceUser } from '../../shared/presence.js'

const user = (id: string, name: string): PresenceUser => ({ id, name, color: '#1f6feb', role: 'participant' })

/** Awareness instances wired to each other as a relay would. */
function room(count: number) {
  const all = Array.from({ length: count }, () => new Awareness(new Y.Doc()))
  for (const from of all)
    from.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const update = encodeAwarenessUpdate(from, [...added!, ...updated!, ...removed!])
      for (const to of all) if (to !== from) applyAwarenessUpdate(to, update, 'relay')
    })
  return all
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

function store(aw: Awareness): PresenceStore {
  return createRoot((dispose) => {
    const s = createPresenceStore(aw)
    cleanups.push(() => (s.dispose(), dispose(), aw.destroy()))
    return s
  })
}

describe('presence store', () => {
  it('lists people once each, this browser first, and drops those who leave', () => {
    const [a, b, c, d] = room(4)
    const mine = store(a!)
    mine.actions.join(user('u-a', 'سارا'))
    store(b!).actions.join(user('u-b', 'Omar'))
    const leaving = store(c!)
    leaving.actions.join(user('u-c', 'مریم'))
    store(d!).actions.join(user('u-b', 'Omar')) // Omar's second tab
    expect(mine.people().map((p) => [p.user.name, p.self])).toEqual([
      ['سارا', true],
      ['Omar', false],
      ['مریم', false],
    ])
    leaving.actions.leave()
    expect(mine.people().map((p) => p.user.name)).toEqual(['سارا', 'Omar'])
  })

  it('indexes who is typing in which note, without counting this client', () => {
    const [a, b] = room(2)
    const mine = store(a!)
    const other = store(b!)
    mine.actions.join(user('u-a', 'Sara'))
    other.actions.join(user('u-b', 'علی'))
    mine.actions.setTyping('n1')
    other.actions.setTyping('n1')
    expect(mine.typingIn('n1').map((p) => p.user.name)).toEqual(['علی'])
    other.actions.setTyping('n2')
    expect(mine.typingIn('n1')).toEqual([])
    expect(mine.typingIn('n2').map((p) => p.user.name)).toEqual(['علی'])
    other.actions.leave()
    expect(mine.state.typing).toEqual({})
  })

  it('sends pointer positions at most every interval, and always the last one', () => {
    vi.useFakeTimers()
    try {
      const [a, b] = room(2)
      const mine = store(a!)
      const other = store(b!)
      mine.actions.join(user('u-a', 'Sara'))
      other.actions.join(user('u-b', 'Ali'))
      let sent = 0
      a!.on('update', () => sent++)
      for (let i = 0; i <= 10; i++) mine.actions.setCursor({ stageId: 's1', noteId: null, x: i / 10, y: 0.5 })
      expect(sent).toBe(1)
      vi.advanceTimersByTime(CURSOR_INTERVAL_MS)
      expect(sent).toBe(2)
      expect(other.state.peers[a!.clientID]!.cursor).toEqual({ stageId: 's1', noteId: null, x: 1, y: 0.5 })
    } finally {
      vi.useRealTimers()
    }
  })

  it('ignores malformed remote states', () => {
    const [a, b] = room(2)
    const mine = store(a!)
    mine.actions.join(user('u-a', 'Sara'))
    b!.setLocalState({ user: { name: 42 }, cursor: 'nowhere' })
    expect(mine.people()).toHaveLength(1)
    b!.setLocalState({ user: { id: 'u-b', name: 'x'.repeat(500), color: 'red' }, cursor: { stageId: 's', x: 9 } })
    const peer = mine.state.peers[b!.clientID]!
    expect(peer.user.name).toHaveLength(40)
    expect(peer.user.color).toMatch(/^#[0-9a-f]{6}$/)
    expect(peer.cursor).toEqual({ stageId: 's', noteId: null, x: 1, y: 0 })
  })
})
