// One stage: its header, its clusters and notes in order, and the composer for new ones (when the
// workshop's phase lets this person write).
import { For, Show } from 'solid-js'
import type { Stage } from '../../../../shared/schema.js'
import { useBoard } from './context.js'
import { stageElementId } from '../presence/index.js'
import { Dynamic } from 'solid-js/web'
import { NoteCard } from './NoteCard.js'
import { NoteComposer } from './NoteComposer.js'
import { StageHeader } from './StageHeader.js'
import { t } from '../../i18n/i18n.js'
import { createProgressiveList } from '../../lib/progressive.js'
import './StageColumn.css'

/** A stage's notes, when the workshop lays out none of its own; a slice at a time when thousands come at once. */
function StageNotes(props: { ids: string[] }) {
  const rendered = createProgressiveList(() => props.ids)
  return <For each={rendered()}>{(id) => <NoteCard id={id} />}</For>
}

export function StageColumn(props: { stage: Stage; index: number }) {
  const { board, rules, slots, search } = useBoard()
  const ids = () => board.state.stageNotes[props.stage.id] ?? []
  return (
    <section
      class="stage"
      id={stageElementId(props.stage.id)}
      data-stage-id={props.stage.id}
      aria-labelledby={`stage-${props.stage.id}-name`}
    >
      <StageHeader stage={props.stage} index={props.index} count={ids().length} more={rules.moreNotes?.(props.stage.id)} />
      <ol class="notes" data-stage-notes={props.stage.id}>
        <Show when={slots.stageItems} fallback={<StageNotes ids={ids()} />}>
          {(items) => <Dynamic component={items()} stageId={props.stage.id} />}
        </Show>
      </ol>
      <Show when={search.active() && search.shownIn(props.stage.id) === 0}>
        <p class="hint stage-no-match">{t('search.stageEmpty')}</p>
      </Show>
      <Show when={rules.mayCompose()}>
        <NoteComposer stage={props.stage} />
      </Show>
    </section>
  )
}
