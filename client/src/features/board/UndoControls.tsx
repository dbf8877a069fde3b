// Undo and redo of one's own changes (undo.ts): the two buttons of the board's bar with their keys, and the
// notice at the bottom ("Note deleted — Undo", or why an undo was refused). Ctrl/Cmd+Z undoes and
// Ctrl/Cmd+Shift+Z or Ctrl+Y redoes, except in a text field typed into since it had the focus (a note being
// edited, the composer, a name): there the browser's own undo of that typing applies, and what it gives back
// is written to the note like any typing. A field only just focused (the composer, after a delete) has
// nothing of its own to undo yet, so the keys undo on the board.
import { Show, onCleanup, onMount } from 'solid-js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { RedoIcon, UndoIcon } from '../../ui/icons.js'
import { useBoard } from './context.js'
import { focusNote } from './NoteCard.js'
import { undoKey, type UndoResult } from './undo.js'
import './UndoControls.css'

const mac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
export const undoKeys = () => (mac() ? '⌘Z' : 'Ctrl+Z')
export const redoKeys = () => (mac() ? '⌘⇧Z' : 'Ctrl+Shift+Z')

/** A field one types text into, where the browser has an undo of its own. */
function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type)
}

/** Undoes or redoes, and says what happened: a refusal stays on screen with the rule's reason. */
function useRun() {
  const { undo, rules } = useBoard()
  return (kind: 'undo' | 'redo', result: () => UndoResult = () => undo[kind](), done = t(kind === 'undo' ? 'undo.done' : 'redo.done')) => {
    const r = result()
    if ('ok' in r) announce(done)
    else if ('refused' in r) {
      const text = t(kind === 'undo' ? 'undo.refused' : 'redo.refused', { reason: rules.reason(r.refused) })
      undo.show({ kind: 'refused', text })
      announce(text)
    } else announce(t(kind === 'undo' ? 'undo.nothing' : 'redo.nothing'))
    return 'ok' in r
  }
}

export function UndoButtons() {
  const { undo } = useBoard()
  const run = useRun()
  onMount(() => {
    // Fields typed into since they had the focus: their own undo applies.
    const typed = new WeakSet<EventTarget>()
    const onFocus = (e: FocusEvent) => e.target && typed.delete(e.target)
    const onInput = (e: Event) => e.target && typed.add(e.target)
    const onKey = (e: KeyboardEvent) => {
      const kind = undoKey(e)
      if (!kind || e.defaultPrevented || (isTextField(e.target) && typed.has(e.target!))) return
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"]')) return
      e.preventDefault()
      run(kind)
    }
    document.addEventListener('focusin', onFocus)
    document.addEventListener('input', onInput)
    document.addEventListener('keydown', onKey)
    onCleanup(() => {
      document.removeEventListener('focusin', onFocus)
      document.removeEventListener('input', onInput)
      document.removeEventListener('keydown', onKey)
    })
  })
  return (
    <div class="undo-buttons" role="group" aria-label={t('undo.group')}>
      <button
        type="button"
        class="icon-button"
        data-testid="undo"
        aria-label={t('undo.button')}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={t('undo.tooltip', { keys: undoKeys() })}
        disabled={!undo.canUndo()}
        onClick={() => run('undo')}
      >
        <span class="flip-rtl"><UndoIcon /></span>
      </button>
      <button
        type="button"
        class="icon-button"
        data-testid="redo"
        aria-label={t('redo.button')}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title={t('redo.tooltip', { keys: redoKeys() })}
        disabled={!undo.canRedo()}
        onClick={() => run('redo')}
      >
        <span class="flip-rtl"><RedoIcon /></span>
      </button>
    </div>
  )
}

/** The notice at the bottom: a deleted note to bring back, or why an undo was refused. Held while the
 *  pointer or the focus is on it. Not a live region itself: the announcer speaks for it. */
export function UndoNotice() {
  const { undo } = useBoard()
  const run = useRun()
  const deleted = () => {
    const n = undo.notice()
    return n?.kind === 'deleted' ? n : null
  }
  const refusal = () => {
    const n = undo.notice()
    return n?.kind === 'refused' ? n.text : null
  }
  return (
    <Show when={undo.notice()}>
      <div
        class="undo-notice"
        classList={{ refused: !!refusal() }}
        data-testid="undo-notice"
        onPointerEnter={undo.hold}
        onPointerLeave={undo.release}
        onFocusIn={undo.hold}
        onFocusOut={undo.release}
      >
        <p>{refusal() ?? t('undo.deleted')}</p>
        <Show when={deleted()}>
          {(d) => (
            <button
              type="button"
              class="button small primary"
              onClick={() => {
                const { step, noteId } = d()
                if (run('undo', () => undo.undoStep(step), t('undo.restored'))) queueMicrotask(() => focusNote(noteId))
              }}
            >
              {t('undo.button')}
            </button>
          )}
        </Show>
        <button type="button" class="icon-button" aria-label={t('undo.dismiss')} onClick={() => undo.show(null)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </Show>
  )
}
