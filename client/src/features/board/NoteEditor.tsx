// Edits a note's text in place. Local typing is written as the smallest change to the note's Y.Text;
// remote typing is merged into the textarea with the caret shifted by what changed before it.
import { onCleanup, onMount } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { useBoard } from './context.js'
import { transformIndex, type Delta } from '../../lib/caret.js'
import { t } from '../../i18n/i18n.js'

// Browsers without `field-sizing: content` grow the textarea by hand.
const autoSize = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')
const fit = (ta: HTMLTextAreaElement) => {
  if (autoSize) return
  ta.style.height = 'auto'
  ta.style.height = `${ta.scrollHeight}px`
}

export function NoteEditor(props: { id: string; kindLabel: string }) {
  const { board, presence, editing, setEditing, pendingCaret, keepCaret, undo } = useBoard()
  let ta!: HTMLTextAreaElement

  onMount(() => {
    ta.value = board.state.notes[props.id]?.text ?? ''
    fit(ta)
    ta.focus()
    const caret = Math.min(pendingCaret() ?? ta.value.length, ta.value.length)
    ta.setSelectionRange(caret, caret)
    presence.actions.setTyping(props.id)
  })

  const stopWatching = board.watchRemoteText(props.id, (text, delta) => {
    const { selectionStart, selectionEnd, selectionDirection } = ta
    ta.value = text
    ta.setSelectionRange(transformIndex(selectionStart, delta as Delta), transformIndex(selectionEnd, delta as Delta), selectionDirection)
    fit(ta)
  })

  onCleanup(() => {
    stopWatching()
    undo.stopCapturing() // what was typed here is one step of its own, whatever comes next
    // Still editing: the note moved to another stage and its editor opens again there, caret and all.
    if (editing() === props.id) keepCaret(ta.selectionStart)
    else presence.actions.setTyping(null)
  })

  function close() {
    setEditing(null)
    document.getElementById(`note-${props.id}`)?.focus()
  }

  return (
    <textarea
      ref={ta}
      class="note-editor"
      dir="auto"
      maxLength={LIMITS.noteLength}
      aria-label={t('note.editor', { kind: props.kindLabel })}
      onInput={() => {
        board.actions.setNoteText(props.id, ta.value)
        fit(ta)
      }}
      onKeyDown={(e) => {
        e.stopPropagation() // the note's own shortcuts do not apply while typing in it
        if (e.key === 'Escape') {
          e.preventDefault()
          close()
        }
      }}
      onBlur={() => {
        // A blur caused by the note being re-rendered elsewhere is not the writer leaving it.
        queueMicrotask(() => ta.isConnected && editing() === props.id && setEditing(null))
      }}
    />
  )
}
