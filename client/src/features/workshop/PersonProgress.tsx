// One person's progress in the facilitator's people list: notes written (face-down ones counted by the
// server: numbers only, never their text), votes spent of the budget, and whether they are done. Plain text
// in three spans, read from fine-grained store paths, so that 500 rows stay light and a vote re-renders one.
import { Show } from 'solid-js'
import { notesWritten } from '../../../../shared/progress.js'
import { t } from '../../i18n/i18n.js'
import { CheckIcon } from '../../ui/icons.js'
import { useWorkshop } from './context.js'
import './PersonProgress.css'

export function PersonProgress(props: { personId: string; notesOnBoard: number }) {
  const w = useWorkshop()
  const s = () => w.store.state
  const notes = () => notesWritten(s().hidden[props.personId], props.notesOnBoard)
  const votes = () => s().progress[props.personId]?.votes ?? 0
  const done = () => s().progress[props.personId]?.done === true
  const showVotes = () => s().session.phase === 'vote' || votes() > 0
  return (
    <span class="person-progress" data-testid="person-progress" data-notes={notes()} data-votes={votes()} data-done={done()}>
      <span>{t('progress.notes', { count: notes() })}</span>
      <Show when={showVotes()}>
        <span>{t('progress.votes', { count: votes(), budget: s().session.budget })}</span>
      </Show>
      <Show when={done()}>
        <span class="progress-done">
          <CheckIcon />
          {t('progress.isDone')}
        </span>
      </Show>
    </span>
  )
}
