// Beside a look-alike note offered under the composer: agree with it instead of writing it again.
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import { shortText } from './NoteExtras.js'
import { ReactionButtons } from './ReactionButtons.js'

export function SimilarNoteActions(props: { id: string }) {
  const { board } = useBoard()
  const name = () => shortText(board.state.notes[props.id]?.text.trim() ?? '') || t('note.empty')
  return <ReactionButtons targetId={props.id} name={name()} only={['agree']} />
}
