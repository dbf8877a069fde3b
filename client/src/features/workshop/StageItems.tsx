// What a stage holds, in board order: its clusters (each a grouped card), its lone notes, then this
// person's private notes ("only you see this") and everyone else's as face-down cards.
import { For, Show, createMemo } from 'solid-js'
import { byOrder } from '../../../../shared/schema.js'
import { BoardContext, NoteCard, NoteGroups, useBoard } from '../board/index.js'
import { ClusterCard } from './ClusterCard.js'
import { useWorkshop } from './context.js'
import { FaceDownNotes } from './FaceDownNotes.js'
import { createProgressiveList } from '../../lib/progressive.js'

export function StageItems(props: { stageId: string }) {
  const ctx = useBoard()
  const w = useWorkshop()
  const groups = createMemo(() => {
    const members: Record<string, string[]> = {}
    const lone: string[] = []
    for (const id of ctx.board.state.stageNotes[props.stageId] ?? []) {
      const c = ctx.board.state.notes[id]?.clusterId
      if (c && w.store.state.clusters[c]) (members[c] ??= []).push(id)
      else lone.push(id)
    }
    const clusters = Object.keys(members).map((id) => w.store.state.clusters[id]!).sort(byOrder)
    return { clusters, members, lone }
  })
  // A board opening with a thousand notes renders them a slice at a time (lib/progressive.ts).
  const clusters = createProgressiveList(() => groups().clusters)
  const lone = createProgressiveList(() => groups().lone)
  // A revealed note is briefly in both documents; the board's copy wins.
  const privateIds = () =>
    (w.privateNotes()?.state.stageNotes[props.stageId] ?? []).filter((id) => !ctx.board.state.notes[id])
  const faceDown = () => w.store.hiddenCounts()[props.stageId] ?? 0

  // The stage's list holds its cards: the wrappers (role="none", display: contents) only keep the markup valid.
  return (
    <>
      <ol class="stage-part" role="none">
        <For each={clusters()}>
          {(c) => <ClusterCard cluster={c} noteIds={groups().members[c.id] ?? []} />}
        </For>
      </ol>
      <NoteGroups ids={lone()} />
      <ol class="stage-part" role="none">
        <Show when={w.privateNotes()}>
          {(own) => (
            <BoardContext.Provider value={{ ...ctx, board: own() }}>
              <For each={privateIds()}>{(id) => <NoteCard id={id} />}</For>
            </BoardContext.Provider>
          )}
        </Show>
        {/* Face down, they can match no search. */}
        <Show when={faceDown() > 0 && !ctx.search.active()}>
          <FaceDownNotes count={faceDown()} />
        </Show>
      </ol>
    </>
  )
}
