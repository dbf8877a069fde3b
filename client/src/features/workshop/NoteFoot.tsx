// The workshop's part of a note's foot (NoteExtras.tsx: "only you see this", the votes of a lone note), and for
// the facilitator, at its end, the spotlight on a note that is on the board; then its reactions and comments.
import { Show } from 'solid-js'
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { NoteExtras, shortText } from './NoteExtras.js'
import { SpotlightButton } from './SpotlightButton.js'
import { DiscussionRow } from './DiscussionRow.js'

export function NoteFoot(props: { id: string }) {
  const { board } = useBoard()
  const w = useWorkshop()
  const onBoard = () => !w.isPrivateNote(props.id) && !!board.state.notes[props.id]
  const name = () => shortText(board.state.notes[props.id]?.text.trim() ?? '') || t('note.empty')
  return (
    <>
      <Show when={w.store.isFacilitator() && onBoard()} fallback={<NoteExtras id={props.id} />}>
        <div class="note-foot">
          <NoteExtras id={props.id} />
          <SpotlightButton kind="note" id={props.id} name={name()} />
        </div>
      </Show>
      <Show when={onBoard()}>
        <DiscussionRow targetId={props.id} name={name()} />
      </Show>
    </>
  )
}
