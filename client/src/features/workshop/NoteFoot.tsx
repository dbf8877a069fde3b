// The workshop's part of a note's foot (NoteExtras.tsx: "only you see this", the votes of a lone note), and for
// the facilitator, at its end, the spotlight on a note that is on the board.
import { Show } from 'solid-js'
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { NoteExtras, shortText } from './NoteExtras.js'
import { SpotlightButton } from './SpotlightButton.js'

export function NoteFoot(props: { id: string }) {
  const { board } = useBoard()
  const w = useWorkshop()
  const spotlightable = () => w.store.isFacilitator() && !w.isPrivateNote(props.id) && !!board.state.notes[props.id]
  return (
    <Show when={spotlightable()} fallback={<NoteExtras id={props.id} />}>
      <div class="note-foot">
        <NoteExtras id={props.id} />
        <SpotlightButton kind="note" id={props.id} name={shortText(board.state.notes[props.id]?.text.trim() ?? '') || t('note.empty')} />
      </div>
    </Show>
  )
}
