// A note's kind, for whoever may change it: a button that reads like the badge and becomes a native select
// (which works by touch and keys) while a mouse is over it or it has focus. Idle cards carry no select: on a
// board of a thousand notes each one is style work in every frame, and Chrome's autofill scans them all
// whenever an editor opens.
import { For, Show, createSignal } from 'solid-js'
import { t } from '../../i18n/i18n.js'
import { KindIcon } from '../../ui/KindIcon.js'
import { NOTE_KINDS, isNoteKind, type NoteKind } from '../../../../shared/schema.js'

export function KindPicker(props: { kind: NoteKind; onPick: (kind: NoteKind) => void }) {
  const [live, setLive] = createSignal(false)
  let select: HTMLSelectElement | undefined
  let hovered = false
  /** The select, in the button's place; focused when the button had focus or was pressed. */
  function become(focus: boolean) {
    setLive(true)
    if (focus) select?.focus()
  }
  const rest = () => !hovered && document.activeElement !== select && setLive(false)
  const label = () => t(`kind.${props.kind}`)

  return (
    <label
      class="kind-badge kind-select"
      // A mouse over it: the select is there before the press lands, so the press opens it.
      onPointerEnter={(e) => {
        if (e.pointerType !== 'mouse') return
        hovered = true
        become(false)
      }}
      onPointerLeave={() => {
        hovered = false
        rest()
      }}
    >
      <KindIcon kind={props.kind} />
      <Show
        when={live()}
        fallback={
          <button
            type="button"
            aria-label={`${t('note.kind.label')}: ${label()}`}
            onFocus={() => become(true)}
            // A tap: no hover came first, so open the list the press asked for.
            onClick={() => {
              become(true)
              try {
                select?.showPicker()
              } catch {
                // Not offered here (Safari): the select has focus, and the next tap opens it.
              }
            }}
          >
            {label()}
          </button>
        }
      >
        <select
          ref={select}
          aria-label={t('note.kind.label')}
          value={props.kind}
          onKeyDown={(e) => e.stopPropagation()}
          onBlur={rest}
          onChange={(e) => {
            const kind = e.currentTarget.value
            if (isNoteKind(kind)) props.onPick(kind)
          }}
        >
          <For each={NOTE_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
        </select>
      </Show>
    </label>
  )
}
