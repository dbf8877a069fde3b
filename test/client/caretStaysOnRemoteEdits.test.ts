// A remote edit before the caret shifts it; one after it leaves it alone; one across it clamps it.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { transformIndex, type Delta } from '../../client/src/lib/caret.js'
import { setNoteText } from '../../shared/schema.js'

/** The delta a remote writer produces when it turns `before` into `after` through the schema. */
function remoteDelta(before: string, after: string): Delta {
  const doc = new Y.Doc()
  const notes = doc.getMap<Y.Map<unknown>>('notes')
  const note = new Y.Map<unknown>()
  note.set('text', new Y.Text(before))
  notes.set('n', note)
  let delta: Delta = []
  ;(note.get('text') as Y.Text).observe((e) => (delta = e.delta as Delta))
  setNoteText(doc, 'n', after)
  return delta
}

describe('caret transform', () => {
  const text = 'الدعم لا يرد'
  it('shifts right by text inserted before the caret', () => {
    const d = remoteDelta(text, 'فريق ' + text)
    expect(transformIndex(6, d)).toBe(11)
  })
  it('stays put when text is inserted after it', () => {
    expect(transformIndex(3, remoteDelta(text, text + ' أبدًا'))).toBe(3)
  })
  it('shifts left by text deleted before it, and clamps inside a deleted range', () => {
    const d = remoteDelta(text, 'لا يرد') // removes "الدعم "
    expect(transformIndex(10, d)).toBe(4)
    expect(transformIndex(3, d)).toBe(0)
  })
  it('keeps the caret before text inserted exactly at it', () => {
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'xyz' }])).toBe(5)
  })
})
