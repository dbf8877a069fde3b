// One stage: its header, its notes in order, and the composer for new ones.
import { For } from 'solid-js'
import type { Stage } from '../../../shared/schema.js'
import { useBoard } from '../board/context.js'
import { stageElementId } from '../board/cursors.js'
import { NoteCard } from './NoteCard.js'
import { NoteComposer } from './NoteComposer.js'
import { StageHeader } from './StageHeader.js'

export function StageColumn(props: { stage: Stage; index: number }) {
  const { board } = useBoard()
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
        <For each={ids()}>{(id) => <NoteCard id={id} />}</For>
      </ol>
      <NoteComposer stage={props.stage} />
    </section>
  )
}
