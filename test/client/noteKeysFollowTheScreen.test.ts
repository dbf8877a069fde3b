// Keys on a focused note: Alt+arrows move it, plain arrows move the focus, and left/right follow the
// screen, so in a right-to-left interface Alt+Left goes to the next stage.
import { describe, expect, it } from 'vitest'
import { noteKeyCommand } from '../../client/src/features/board/noteKeys.js'

const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
})

describe('note keys', () => {
  it('moves with Alt+arrows, mirrored in RTL', () => {
    expect(noteKeyCommand(key('ArrowRight', { altKey: true }), false)).toEqual({ type: 'move', dStage: 1, dIndex: 0 })
    expect(noteKeyCommand(key('ArrowRight', { altKey: true }), true)).toEqual({ type: 'move', dStage: -1, dIndex: 0 })
    expect(noteKeyCommand(key('ArrowLeft', { altKey: true }), true)).toEqual({ type: 'move', dStage: 1, dIndex: 0 })
    expect(noteKeyCommand(key('ArrowDown', { altKey: true }), true)).toEqual({ type: 'move', dStage: 0, dIndex: 1 })
  })
  it('moves the focus with plain arrows; edits, deletes; leaves browser shortcuts alone', () => {
    expect(noteKeyCommand(key('ArrowUp'), false)).toEqual({ type: 'focus', dStage: 0, dIndex: -1 })
    expect(noteKeyCommand(key('Enter'), false)).toEqual({ type: 'edit' })
    expect(noteKeyCommand(key('F2'), false)).toEqual({ type: 'edit' })
    expect(noteKeyCommand(key('Delete'), false)).toEqual({ type: 'delete' })
    expect(noteKeyCommand(key('ArrowLeft', { ctrlKey: true }), false)).toBeNull()
    expect(noteKeyCommand(key('Enter', { shiftKey: true }), false)).toBeNull()
    expect(noteKeyCommand(key('a'), false)).toBeNull()
  })
})
