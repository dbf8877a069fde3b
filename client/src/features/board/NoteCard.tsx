// One note: its kind (colour, icon and word), its text (dir=auto, wraps anything), who is typing in it,
// and the keyboard commands on it. Moving and deleting announce the result to screen readers.
import { Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { useBoard } from './context.js'
import { noteElementId } from '../presence/index.js'
import { noteKeyCommand } from './noteKeys.js'
import { announce } from '../../lib/announce.js'
import { formatList, locale, t } from '../../i18n/i18n.js'
import { KindIcon } from '../../ui/KindIcon.js'
import { NoteEditor } from './NoteEditor.js'
import { KindPicker } from './KindPicker.js'
import { undoKeys } from './UndoControls.js'
import { MarkedText } from '../../ui/MarkedText.js'
import './NoteCard.css'

/** Index of the character under a click in the note's text, to open the editor with the caret there
 *  (counted from the start of `el`: search marks split its text into several nodes). */
function caretFromPoint(el: Element, x: number, y: number): number | undefined {
  const d = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }
  const pos = d.caretPositionFromPoint?.(x, y)
  const range = pos ? undefined : document.caretRangeFromPoint?.(x, y)
  const node = pos?.offsetNode ?? range?.startContainer
  const offset = pos?.offset ?? range?.startOffset
  if (!node || offset === undefined || !el.contains(node)) return undefined
  const before = document.createRange()
  before.setStart(el, 0)
  before.setEnd(node, offset)
  return before.toString().length
}

export const focusNote = (id: string) => document.getElementById(noteElementId(id))?.focus()

export function NoteCard(props: { id: string }) {
  const { board, presence, editing, setEditing, rules, slots, search, undo } = useBoard()
  const note = () => board.state.notes[props.id]
  // What this person may do to the note now, as the rule table says (shared/rules.ts): its text and kind
  // are its author's or the facilitator's; anyone who may write the board may move it; and private notes
  // are always their writer's.
  const textRefusal = () => rules.noteRefusal(props.id, 'text')
  const moveRefusal = () => rules.noteRefusal(props.id, 'stageId')
  const deleteRefusal = () => rules.deleteRefusal(props.id)
  const writable = () => !textRefusal()
  /** Why the text cannot be edited now, in the person's language (empty when it can). */
  const why = () => {
    const r = textRefusal()
    return r ? rules.reason(r) : ''
  }
  const whyId = () => `note-${props.id}-why`
  const kindLabel = () => t(`kind.${note()!.kind}`)
  const mine = () => board.isMine(props.id)
  /** The delete button: shown on this person's own notes; disabled, saying why, while a rule of the moment
   *  (phase, lock) holds; absent where no rule of the moment is to blame (an observer's view). */
  const deleteShown = () => mine() && deleteRefusal()?.kind !== 'forged'
  const typers = () => presence.typingIn(props.id)
  const spotlit = () => !!rules.isSpotlit?.(props.id)

  function remove() {
    const place = board.place(props.id)
    // A step of its own, offered back in the notice at the bottom ("Note deleted — Undo").
    if (!undo.deleted(props.id, () => board.actions.deleteNote(props.id))) return
    announce(t('announce.deleted', { keys: undoKeys() }))
    // Keep the keyboard user in the same stage: focus the next note, or the stage's composer.
    const ids = place ? (board.state.stageNotes[place.stage.id] ?? []).filter(search.shows) : []
    const next = ids[Math.min(place?.index ?? 0, ids.length - 1)]
    if (next) focusNote(next)
    else if (place) document.getElementById(`composer-${place.stage.id}`)?.focus()
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.target !== e.currentTarget) return
    if (rules.onNoteKey?.(props.id, e)) return e.preventDefault()
    const cmd = noteKeyCommand(e, locale().dir === 'rtl')
    if (!cmd) return
    const refusal = cmd.type === 'edit' ? textRefusal() : cmd.type === 'delete' ? deleteRefusal() : cmd.type === 'focus' ? null : moveRefusal()
    if (refusal) {
      announce(rules.reason(refusal, cmd.type === 'delete' ? 'delete' : 'change'))
      return
    }
    e.preventDefault()
    if (cmd.type === 'edit') setEditing(props.id)
    else if (cmd.type === 'delete') remove()
    else if (cmd.type === 'focus') {
      // Among the notes the search shows: the others are not on screen.
      const place = board.place(props.id)
      const stage = place && board.state.stages[place.stageIndex + cmd.dStage]
      const shown = (stageId: string) => (board.state.stageNotes[stageId] ?? []).filter(search.shows)
      const ids = stage ? shown(stage.id) : []
      const to = shown(place!.stage.id).indexOf(props.id) + cmd.dIndex
      const target = ids[Math.min(to, ids.length - 1)]
      if (target && to >= 0) focusNote(target)
    } else {
      const to = board.actions.nudgeNote(props.id, cmd.dStage, cmd.dIndex)
      focusNote(props.id) // the card was re-inserted, which drops focus
      announce(
        to
          ? t('announce.moved', { stage: to.stage.name, position: to.index + 1, count: to.count })
          : t('announce.notMoved'),
      )
    }
  }

  return (
    <Show when={note()}>
      {(n) => (
        // role="listitem" said outright: in a group (role="none") an <li> would lose it.
        <li
          role="listitem"
          id={noteElementId(props.id)}
          class={`note kind-${n().kind}`}
          hidden={!search.shows(props.id)}
          classList={{ mine: mine(), 'someone-typing': typers().length > 0, 'read-only': !writable(), fixed: !!moveRefusal(), spotlit: spotlit() }}
          style={{ '--typer': typers()[0]?.user.color }}
          data-note-id={props.id}
          data-private={rules.isPrivate(props.id) ? '' : undefined}
          tabIndex={0}
          aria-label={t('note.label', { kind: kindLabel(), text: n().text || t('note.empty') })}
          aria-describedby={why() ? `note-keys-hint ${whyId()}` : 'note-keys-hint'}
          onKeyDown={onKeyDown}
        >
          <div class="note-head">
            <span class="drag-handle" title={t('note.drag')} aria-hidden="true">
              ⠿
            </span>
            <Show
              when={!rules.noteRefusal(props.id, 'kind')}
              fallback={
                <span class="kind-badge">
                  <KindIcon kind={n().kind} />
                  {kindLabel()}
                </span>
              }
            >
              <KindPicker
                kind={n().kind}
                onPick={(kind) => {
                  board.actions.setNoteKind(props.id, kind)
                  announce(t('announce.kindChanged', { kind: t(`kind.${kind}`) }))
                }}
              />
            </Show>
            <Show when={slots.noteHead}>{(head) => <Dynamic component={head()} id={props.id} />}</Show>
            <Show when={mine()}>
              <span class="mine-tag">{t('note.mine')}</span>
            </Show>
            <Show when={spotlit()}>
              <span class="spotlight-tag">{t('spotlight.badge')}</span>
            </Show>
            <Show when={deleteShown()}>
              <button
                type="button"
                class="icon-button note-delete"
                aria-label={t('note.delete')}
                disabled={!!deleteRefusal()}
                title={deleteRefusal() ? rules.reason(deleteRefusal()!, 'delete') : undefined}
                aria-describedby={deleteRefusal() ? whyId() : undefined}
                onClick={() => !deleteRefusal() && remove()}
              >
                <span aria-hidden="true">×</span>
              </button>
            </Show>
          </div>
          <Show
            when={editing() === props.id}
            fallback={
              <p
                class="note-text"
                dir="auto"
                title={why() || undefined}
                onClick={(e) => writable() && setEditing(props.id, caretFromPoint(e.currentTarget, e.clientX, e.clientY))}
              >
                <MarkedText text={n().text} ranges={search.shows(props.id) ? search.marks(props.id, n().text) : []} />
              </p>
            }
          >
            <NoteEditor id={props.id} kindLabel={kindLabel()} />
          </Show>
          <Show when={typers().length > 0}>
            <p class="typing" dir="auto">
              {t('note.typing', { count: typers().length, names: formatList(typers().map((p) => p.user.name)) })}
            </p>
          </Show>
          <Show when={why()}>
            <span class="visually-hidden" id={whyId()}>
              {why()}
            </span>
          </Show>
          <Show when={slots.noteFoot}>{(foot) => <Dynamic component={foot()} id={props.id} />}</Show>
        </li>
      )}
    </Show>
  )
}
