// One stage: its header, its clusters and notes in order, and the composer for new ones (when the
// workshop's phase lets this person write).
import { Show } from 'solid-js'
import type { Stage } from '../../../../shared/schema.js'
import { useBoard } from './context.js'
import { stageElementId } from '../presence/cursors.js'
import { useWorkshop } from '../workshop/context.js'
import { StageItems } from '../workshop/StageItems.js'
import { NoteComposer } from './NoteComposer.js'
import { StageHeader } from './StageHeader.js'

export function StageColumn(props: { stage: Stage; index: number }) {
  const { board } = useBoard()
  const workshop = useWorkshop()
  const ids = () => board.state.stageNotes[props.stage.id] ?? []
  return (
    <section
      class="stage"
      id={stageElementId(props.stage.id)}
      data-stage-id={props.stage.id}
      aria-labelledby={`stage-${props.stage.id}-name`}
    >
      <StageHeader stage={props.stage} index={props.index} count={ids().length} />
      <ol class="notes" data-stage-notes={props.stage.id}>
        <StageItems stageId={props.stage.id} />
      </ol>
      <Show when={workshop.mayCompose()}>
        <NoteComposer stage={props.stage} />
      </Show>
    </section>
  )
}
