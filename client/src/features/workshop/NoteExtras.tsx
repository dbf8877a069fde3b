// The workshop's part of a note card: "only you see this" while writing privately, the button that opens
// the "Group with…" menu while clustering (in the note's head), and the votes of a note that stands alone.
import { Show } from 'solid-js'
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { GroupIcon } from '../../ui/icons.js'
import { VoteControl } from './VoteControl.js'
import './NoteExtras.css'

const LABEL_LENGTH = 60

/** The text, or its start up to a word's end and "…" when it is longer than a label should be. */
export const shortText = (text: string) => {
  if (text.length <= LABEL_LENGTH) return text
  const start = text.slice(0, LABEL_LENGTH - 1)
  if (/\s/.test(text[LABEL_LENGTH - 1]!)) return `${start.trimEnd()}…`
  const end = start.search(/\s+\S*$/) // before the word the limit cuts, unless that leaves too little
  return `${end > LABEL_LENGTH / 2 ? start.slice(0, end) : start}…`
}

export function GroupButton(props: { id: string }) {
  const { board } = useBoard()
  const w = useWorkshop()
  const label = () => t('cluster.groupWith.label', { text: shortText(board.state.notes[props.id]?.text.trim() ?? '') || t('note.empty') })
  return (
    <Show when={!w.isPrivateNote(props.id) && w.store.mayCluster()}>
      <button
        type="button"
        class="icon-button group-button"
        aria-haspopup="dialog"
        aria-label={label()}
        title={t('cluster.groupWith')}
        onClick={() => w.clustering.setGrouping(props.id)}
      >
        <GroupIcon />
        <span class="group-button-text" aria-hidden="true">{t('cluster.groupWith.short')}</span>
      </button>
    </Show>
  )
}

export function NoteExtras(props: { id: string }) {
  const { board } = useBoard()
  const w = useWorkshop()
  const note = () => board.state.notes[props.id]
  const isPrivate = () => w.isPrivateNote(props.id)
  const onBoard = () => !isPrivate() && !!note()
  const name = () => shortText(note()?.text.trim() ?? '')

  return (
    <>
      <Show when={isPrivate()}>
        <p class="private-tag">
          <svg class="private-icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 3l18 18M10.6 5.1A10.9 10.9 0 0 1 12 5c5 0 9 4.5 10 7-.4 1-1.2 2.3-2.4 3.5M6.6 6.6C4.5 8 3 10.2 2 12c1 2.5 5 7 10 7 1.8 0 3.4-.6 4.8-1.4M9.9 9.9a3 3 0 0 0 4.2 4.2" />
          </svg>
          {t('private.onlyYou')}
        </p>
      </Show>
      <Show when={onBoard() && !note()!.clusterId && name()}>
        <VoteControl itemId={props.id} name={name()} />
      </Show>
    </>
  )
}
