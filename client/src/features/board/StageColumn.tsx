// One stage: its header, its clusters and notes in order, and the composer for new ones (when the
// workshop's phase lets this person write).
import { Show } from 'solid-js'
import type { Stage } from '../../../../shared/schema.js'
import { useBoard } from './context.js'
import { stageElementId } from '../presence/index.js'
import { Dynamic } from 'solid-js/web'
import { NoteGroups } from './NoteGroups.js'
import { NoteComposer } from './NoteComposer.js'
import { StageHeader } from './StageHeader.js'
import { t } from '../../i18n/i18n.js'
import { createProgressiveList } from '../../lib/progressive.js'
import './StageColumn.css'

/** A stage's notes, when the workshop lays out none of its own; a slice at a time when thousands come at once. */
function StageNotes(props: { ids: string[] }) {
  const rendered = createProgressiveList(() => props.ids)
  return <NoteGroups ids={rendered()} />
}

export function StageColumn(props: { stage: Stage; index: number }) {
  const { board, rules, slots, search } = useBoard()
  const ids = () => board.state.stageNotes[props.stage.id] ?? []
  /** Whether the list shows any card: a note, a private or face-down one, or one the search finds. */
  const holds = () => {
    if (search.active()) return search.shownIn(props.stage.id) > 0
    const more = rules.moreNotes?.(props.stage.id)
    return ids().length > 0 || !!more?.private || !!more?.faceDown
  }
  return (
    <section
      class="stage"
      id={stageElementId(props.stage.id)}
      data-stage-id={props.stage.id}
      aria-labelledby={`stage-${props.stage.id}-name`}
    >
      <StageHeader stage={props.stage} index={props.index} count={ids().length} more={rules.moreNotes?.(props.stage.id)} />
      {/* A list whose items are the cards, some inside wrappers that are no items themselves (NoteGroups.tsx);
          while it holds none it is no list (an empty list is an error to assistive technology). */}
      <div class="notes" role={holds() ? 'list' : undefined} data-stage-notes={props.stage.id}>
        <Show when={slots.stageItems} fallback={<StageNotes ids={ids()} />}>
          {(items) => <Dynamic component={items()} stageId={props.stage.id} />}
        </Show>
      </div>
      <Show when={search.active() && search.shownIn(props.stage.id) === 0}>
        <p class="hint stage-no-match">{t('search.stageEmpty')}</p>
      </Show>
      <Show when={rules.mayCompose()}>
        <NoteComposer stage={props.stage} />
      </Show>
    </section>
  )
}
