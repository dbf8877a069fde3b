// Undo and redo (client/src/features/board/undo.ts) between two synced documents, as two browsers: what
// one person undoes is only their own change, however the other edits around it; a typing burst is one
// step and a move or a kind change is one of its own; a deleted note comes back whole, also from the
// notice after other changes; the most recent step of the board and the private document goes first; and a
// refused undo leaves the step on its stack.
import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster } from '../../shared/clusters.js'
import { addNote, deleteNote, initBoard, moveNote, readBoard, readNoteById, setNoteKind, setNoteText } from '../../shared/schema.js'
import { notNow, type Refusal } from '../../shared/rules.js'
import { DEFAULT_SESSION } from '../../shared/workshop.js'
import { createUndo, undoKey, type Undo } from '../../client/src/features/board/undo.js'

/** Two peers synced as y-websocket does: what arrives is applied under the remote side's origin. */
function twoPeers() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, u, 'a'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u, 'b'))
  let n = 0
  initBoard(b, 'رحلة العميل', ['الوعي', 'القرار'], () => `s${n++}`, 1)
  return { a, b, stages: readBoard(a).stages.map((s) => s.id) }
}

function withUndo(fn: (u: Undo) => void) {
  createRoot((dispose) => {
    try {
      fn(createUndo())
    } finally {
      dispose()
    }
  })
}

const note = (doc: Y.Doc, id: string) => readNoteById(doc, id)
const both = (p: { a: Y.Doc; b: Y.Doc }, id: string) => [note(p.a, id), note(p.b, id)]
const open = () => null

describe('undo', () => {
  it("reverts only this person's change while another edits and types around it", () => {
    const p = twoPeers()
    const [s0] = p.stages
    addNote(p.b, { id: 'omid1', stageId: s0!, kind: 'pain', text: 'لم يرد الدعم', authorId: 'omid' })
    addNote(p.b, { id: 'omid2', stageId: s0!, kind: 'idea', text: 'دردشة', authorId: 'omid' })
    withUndo((u) => {
      u.track(p.a, open)
      expect(u.canUndo()).toBe(false) // what arrived from the other is not this person's
      addNote(p.a, { id: 'leila1', stageId: s0!, kind: 'action', text: 'يبحث عن منصة', authorId: 'leila' })
      // Meanwhile Omid edits one of his notes and types into the other.
      setNoteKind(p.b, 'omid1', 'feeling')
      setNoteText(p.b, 'omid2', 'دردشة مباشرة')
      expect(u.canUndo()).toBe(true)
      expect(u.undo()).toEqual({ ok: 'undo' })
      for (const d of [p.a, p.b]) {
        expect(note(d, 'leila1')).toBeUndefined()
        expect(note(d, 'omid1')).toMatchObject({ kind: 'feeling', text: 'لم يرد الدعم' })
        expect(note(d, 'omid2')).toMatchObject({ text: 'دردشة مباشرة' })
      }
      expect(u.undo()).toEqual({ nothing: true })
      expect(u.redo()).toEqual({ ok: 'redo' })
      expect(both(p, 'leila1').map((n) => n?.text)).toEqual(['يبحث عن منصة', 'يبحث عن منصة'])
    })
  })

  it("undoes one's typing in a note shared with another's, keeping theirs", () => {
    const p = twoPeers()
    addNote(p.a, { id: 'n', stageId: p.stages[0]!, kind: 'idea', text: 'compares prices', authorId: 'leila' })
    withUndo((u) => {
      u.track(p.a, open)
      setNoteText(p.a, 'n', 'compares prices and')
      setNoteText(p.a, 'n', 'compares prices and reviews')
      setNoteText(p.b, 'n', 'Often compares prices and reviews') // the facilitator, at its start
      u.undo()
      expect(both(p, 'n').map((n) => n?.text)).toEqual(['Often compares prices', 'Often compares prices'])
    })
  })

  it('keeps a burst of typing as one step, and a move or a kind change as a step of its own', () => {
    const p = twoPeers()
    const [s0, s1] = p.stages
    withUndo((u) => {
      u.track(p.a, open)
      addNote(p.a, { id: 'n', stageId: s0!, kind: 'idea', text: '', authorId: 'leila' })
      for (const text of ['ر', 'رس', 'رسا', 'رسالة']) setNoteText(p.a, 'n', text)
      setNoteKind(p.a, 'n', 'pain')
      moveNote(p.a, 'n', s1!, 0)
      setNoteText(p.a, 'n', 'رسالة تأكيد')
      u.undo()
      expect(note(p.b, 'n')).toMatchObject({ text: 'رسالة', stageId: s1, kind: 'pain' })
      u.undo()
      expect(note(p.b, 'n')).toMatchObject({ text: 'رسالة', stageId: s0, kind: 'pain' })
      u.undo()
      expect(note(p.b, 'n')).toMatchObject({ text: 'رسالة', kind: 'idea' })
      u.undo()
      expect(note(p.b, 'n')).toMatchObject({ text: '' }) // the whole burst at once
      u.undo()
      expect(note(p.b, 'n')).toBeUndefined()
      // Leaving the editor ends a burst even within the capture time.
      addNote(p.a, { id: 'm', stageId: s0!, kind: 'idea', text: '', authorId: 'leila' })
      setNoteText(p.a, 'm', 'a')
      u.stopCapturing()
      setNoteText(p.a, 'm', 'ab')
      u.undo()
      expect(note(p.b, 'm')?.text).toBe('a')
    })
  })

  it('brings a deleted note back whole (text, kind, stage, place, cluster), also from the notice after other changes', () => {
    const p = twoPeers()
    const [, s1] = p.stages
    for (const [id, text] of [['x', 'أول'], ['n', 'ثاني'], ['y', 'ثالث']] as const) {
      addNote(p.b, { id, stageId: s1!, kind: 'question', text, authorId: id === 'n' ? 'leila' : 'omid' })
    }
    createCluster(p.b, 'c', ['n', 'y'], 'الدفع')
    const before = note(p.a, 'n')!
    withUndo((u) => {
      u.track(p.a, open)
      setNoteText(p.a, 'n', 'ثاني، معدّل')
      setNoteKind(p.a, 'n', 'pain')
      const edited = note(p.a, 'n')!
      expect(u.deleted('n', () => (deleteNote(p.a, 'n'), true))).toBe(true)
      const shown = u.notice()
      if (shown?.kind !== 'deleted') throw new Error('no notice of the delete')
      // After the delete, this person edits another note and the other person a third.
      addNote(p.a, { id: 'z', stageId: s1!, kind: 'idea', text: 'جديد', authorId: 'leila' })
      setNoteText(p.b, 'x', 'أول، من عمر')
      expect(u.undoStep(shown.step)).toEqual({ ok: 'undo' })
      for (const d of [p.a, p.b]) {
        expect(note(d, 'n')).toEqual({ ...edited, id: 'n', authorId: 'leila', createdAt: before.createdAt, clusterId: 'c', stageId: s1, order: before.order })
        expect(readBoard(d).notes.map((n) => n.id)).toEqual(['x', 'n', 'y', 'z'])
        expect(note(d, 'x')?.text).toBe('أول، من عمر')
        expect(note(d, 'z')?.text).toBe('جديد') // the later step is still there
      }
      expect(u.notice()).toBeNull() // its step is done: the notice goes
      u.undo() // the later step: the new note
      expect(note(p.b, 'z')).toBeUndefined()
      u.undo() // the edits before the delete, on the note as it came back
      expect(note(p.b, 'n')).toMatchObject({ text: 'ثاني، معدّل', kind: 'question' })
      u.undo()
      expect(note(p.b, 'n')).toMatchObject({ text: 'ثاني', kind: 'question' })
    })
  })

  it('takes the most recent step of the board and the private document, and a new change drops the other redo', () => {
    const p = twoPeers()
    const priv = new Y.Doc()
    const [s0] = p.stages
    withUndo((u) => {
      u.track(p.a, open)
      const untrack = u.track(priv, open)
      addNote(priv, { id: 'secret', stageId: s0!, kind: 'idea', text: 'سرّي', authorId: 'leila' })
      addNote(p.a, { id: 'public', stageId: s0!, kind: 'idea', text: 'علني', authorId: 'leila' })
      setNoteText(priv, 'secret', 'سرّي جدًا')
      u.undo()
      expect([note(priv, 'secret')?.text, note(p.b, 'public')?.text]).toEqual(['سرّي', 'علني'])
      u.undo()
      expect(note(p.b, 'public')).toBeUndefined()
      u.undo()
      expect(note(priv, 'secret')).toBeUndefined()
      u.redo()
      expect(note(priv, 'secret')?.text).toBe('سرّي')
      // The board's redo is stale once a new change is made, in either document.
      setNoteKind(priv, 'secret', 'pain')
      expect(u.canRedo()).toBe(false)
      untrack()
      expect(u.canUndo()).toBe(false)
    })
  })

  it('refuses while a rule of the moment holds, and keeps the step for later', () => {
    const p = twoPeers()
    let refusal: Refusal | null = null
    withUndo((u) => {
      u.track(p.a, () => refusal)
      addNote(p.a, { id: 'n', stageId: p.stages[0]!, kind: 'idea', text: 'فكرة', authorId: 'leila' })
      refusal = notNow({ ...DEFAULT_SESSION, phase: 'vote' })
      expect(u.undo()).toEqual({ refused: expect.objectContaining({ code: 'phase' }) })
      expect(note(p.b, 'n')?.text).toBe('فكرة')
      expect(u.canUndo()).toBe(true)
      refusal = null
      expect(u.undo()).toEqual({ ok: 'undo' })
      expect(note(p.b, 'n')).toBeUndefined()
    })
  })
})

describe('undo keys', () => {
  const key = (k: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
    key: k, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
  })
  it('reads Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y, on Latin, Arabic and Persian layouts', () => {
    expect(undoKey(key('z', 'KeyZ', { ctrlKey: true }))).toBe('undo')
    expect(undoKey(key('z', 'KeyZ', { metaKey: true }))).toBe('undo')
    expect(undoKey(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }))).toBe('redo')
    expect(undoKey(key('Z', 'KeyZ', { metaKey: true, shiftKey: true }))).toBe('redo')
    expect(undoKey(key('y', 'KeyY', { ctrlKey: true }))).toBe('redo')
    expect(undoKey(key('ئ', 'KeyZ', { ctrlKey: true }))).toBe('undo') // Arabic layout
    expect(undoKey(key('ظ', 'KeyZ', { ctrlKey: true }))).toBe('undo') // Persian layout
    expect(undoKey(key('z', 'KeyW', { ctrlKey: true }))).toBe('undo') // AZERTY: the letter, not the place
    expect(undoKey(key('z', 'KeyZ'))).toBeNull()
    expect(undoKey(key('z', 'KeyZ', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(undoKey(key('y', 'KeyY', { metaKey: true }))).toBeNull() // Cmd+Y is the browser's history
  })
})
