// Undo and redo of this person's own changes, and only theirs. One Y.UndoManager per document this person
// writes (the board, and their private document while writing privately), tracking only transactions of
// origin null: the shared/ mutators' writes from this browser. The providers (y-websocket, y-indexeddb) apply
// what arrives under their own origin, so another person's edits are never on these stacks, and an undo
// reverts only this person's items, leaving theirs in place (Yjs never undoes over a remote change).
// Undo takes the most recent step of all the documents; a rule of the moment (phase, lock) refuses it and
// leaves it on its stack. A burst of typing in one text (or one field, like a cluster's name) is one step.
import { createSignal } from 'solid-js'
import * as Y from 'yjs'
import type { Refusal } from '../../../../shared/rules.js'
import { roots } from '../../../../shared/schema.js'

/** Typing in one field with pauses shorter than this is one step. */
export const CAPTURE_MS = 500
/** How long "Note deleted — Undo" stays, unless the pointer or the focus is on it. */
export const NOTICE_MS = 6000

export type UndoResult = { ok: 'undo' | 'redo' } | { refused: Refusal } | { nothing: true }

/** A step that can be undone from a notice, even when others were made after it. */
interface Step {
  um: Y.UndoManager
  item: Y.UndoManager['undoStack'][number]
}

export type UndoNotice =
  | { kind: 'deleted'; noteId: string; step: Step }
  | { kind: 'refused'; text: string }

interface Source {
  um: Y.UndoManager
  /** Why a step on this document may not be undone or redone now, or null. */
  refusal: () => Refusal | null
}

export type Undo = ReturnType<typeof createUndo>

export function createUndo() {
  const sources = new Set<Source>()
  const [version, bump] = createSignal(0)
  const [notice, setNotice] = createSignal<UndoNotice | null>(null)
  /** Steps are ordered across documents by this counter rather than the clock: two can share a millisecond. */
  let seq = 0

  /**
   * Follows a document's notes, clusters and stages (a participant writes no stages; the facilitator's
   * removal of a stage takes its notes along, and undoing it must bring both back). Returns the function that
   * stops following it.
   */
  function track(doc: Y.Doc, refusal: () => Refusal | null): () => void {
    const { notes, clusters, stages } = roots(doc)
    // Runs before the manager's own handler (listeners run in the order they were added): anything but more
    // typing in the same field as the last change starts a step of its own.
    let last: { type: Y.AbstractType<Y.YEvent<any>>; key: string | null } | null = null
    let um!: Y.UndoManager
    const burst = (tr: Y.Transaction) => {
      if (tr.origin === um) return void (last = null)
      if (tr.origin !== null || !tr.local) return // others' changes arriving do not end this person's burst
      const changed = tr.changed.size === 1 ? [...tr.changed][0]! : undefined
      const field = changed && changed[1].size === 1 ? { type: changed[0], key: [...changed[1]][0]! } : null
      if (!field || field.type !== last?.type || field.key !== last.key) um.stopCapturing()
      last = field
    }
    doc.on('afterTransaction', burst)
    um = new Y.UndoManager([notes, clusters, stages], { captureTimeout: CAPTURE_MS, trackedOrigins: new Set([null]) })
    const source: Source = { um, refusal }
    const stamp = ({ stackItem }: { stackItem: Step['item'] }) => {
      stackItem.meta.set('at', ++seq)
      // A new change of one's own (not an undo or a redo) makes every redo of the other documents stale too.
      if (!um.undoing && !um.redoing) for (const s of sources) if (s !== source) s.um.clear(false, true)
      bump((v) => v + 1)
    }
    const changed = () => bump((v) => v + 1)
    um.on('stack-item-added', stamp)
    um.on('stack-item-updated', stamp)
    um.on('stack-item-popped', changed)
    um.on('stack-cleared', changed)
    sources.add(source)
    changed()
    return () => {
      sources.delete(source)
      doc.off('afterTransaction', burst)
      um.destroy()
      const n = notice()
      if (n?.kind === 'deleted' && n.step.um === um) setNotice(null)
      changed()
    }
  }

  const at = (s: Source, stack: 'undoStack' | 'redoStack') => (s.um[stack].at(-1)?.meta.get('at') as number | undefined) ?? -1

  function step(kind: 'undo' | 'redo'): UndoResult {
    const stack = kind === 'undo' ? 'undoStack' : 'redoStack'
    for (;;) {
      let latest: Source | undefined
      for (const s of sources) if (s.um[stack].length > 0 && (!latest || at(s, stack) > at(latest, stack))) latest = s
      if (!latest) return { nothing: true }
      const refusal = latest.refusal()
      if (refusal) return { refused: refusal }
      // Null when none of that stack's steps changes anything any more (what they changed is gone): Yjs has
      // dropped them, and the next document's step is tried.
      if (latest.um[kind]()) return done(kind)
    }
  }

  /** After an undo or a redo: a notice offering to undo a step that is no longer there goes. */
  function done(kind: 'undo' | 'redo'): UndoResult {
    const n = notice()
    if (n?.kind === 'deleted' && !n.step.um.undoStack.includes(n.step.item)) show(null)
    return { ok: kind }
  }

  /** Forgets every step (a hand-over of the facilitator role: one role's step may be what another may not write). */
  function clear() {
    for (const s of sources) s.um.clear()
    show(null)
  }

  /** Ends the current step: what comes next is a step of its own (leaving a note's editor, say). */
  function stopCapturing() {
    for (const s of sources) s.um.stopCapturing()
  }

  /** Runs `change` as a step of its own and returns it, for a notice to undo it by. */
  function apart(change: () => void): Step | undefined {
    stopCapturing()
    const before = new Map([...sources].map((s) => [s, s.um.undoStack.at(-1)]))
    change()
    stopCapturing()
    for (const s of sources) {
      const item = s.um.undoStack.at(-1)
      if (item && item !== before.get(s)) return { um: s.um, item }
    }
    return undefined
  }

  let noticeTimer: ReturnType<typeof setTimeout> | undefined
  /** Shows a notice; it goes after NOTICE_MS unless held (the pointer or the focus on it). */
  function show(n: UndoNotice | null) {
    clearTimeout(noticeTimer)
    setNotice(n)
    if (n) release()
  }
  const hold = () => clearTimeout(noticeTimer)
  function release() {
    clearTimeout(noticeTimer)
    noticeTimer = setTimeout(() => setNotice(null), NOTICE_MS)
  }

  /** Deletes a note (`remove` answers whether it did) as a step of its own, and offers to undo it. */
  function deleted(noteId: string, remove: () => boolean): boolean {
    let removed = false
    const s = apart(() => (removed = remove()))
    if (s) show({ kind: 'deleted', noteId, step: s })
    return removed
  }

  /** Undoes a step made earlier, even when others came after it (the notice's Undo). */
  function undoStep(s: Step): UndoResult {
    const source = [...sources].find((x) => x.um === s.um)
    const i = s.um.undoStack.indexOf(s.item)
    if (!source || i < 0) return { nothing: true }
    const refusal = source.refusal()
    if (refusal) return { refused: refusal }
    s.um.undoStack.splice(i, 1)
    s.um.undoStack.push(s.item)
    return s.um.undo() ? done('undo') : { nothing: true }
  }

  const canUndo = () => (version(), [...sources].some((s) => s.um.undoStack.length > 0))
  const canRedo = () => (version(), [...sources].some((s) => s.um.redoStack.length > 0))

  return {
    track,
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo,
    canRedo,
    stopCapturing,
    clear,
    deleted,
    undoStep,
    notice,
    show,
    hold,
    release,
  }
}

/** What a key press means for undo: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y. On an Arabic or Persian layout
 *  the Z key types a letter of those (ئ, ظ), so its place on the keyboard (`code`) is read too. */
export function undoKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const latin = /^[a-z]$/i.test(e.key)
  const key = latin ? e.key.toLowerCase() : e.code === 'KeyZ' ? 'z' : e.code === 'KeyY' ? 'y' : ''
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo'
  return null
}
