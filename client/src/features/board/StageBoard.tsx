// The stages side by side (mirrored in RTL), with drag and drop of notes and this user's pointer
// shared with the others.
import { For, Show, onCleanup, onMount } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { useBoard } from './context.js'
import { cursorAt } from '../presence/index.js'
import { enableNoteDrag } from './noteDrag.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { CursorLayer } from './CursorLayer.js'
import { focusNote } from './NoteCard.js'
import { StageColumn } from './StageColumn.js'
import { StageStrip } from './StageStrip.js'
import './StageBoard.css'

export function StageBoard() {
  const { board, presence, isFacilitator, rules } = useBoard()
  let scroller!: HTMLElement

  onMount(() => {
    const stop = enableNoteDrag(scroller, {
      onDrop(noteId, { stageId, index }) {
        const store = rules.storeForMove(noteId)
        if (!store) return
        store.actions.moveNote(noteId, stageId, index)
        focusNote(noteId)
        const to = store.place(noteId)
        if (to) announce(t('announce.moved', { stage: to.stage.name, position: to.index + 1, count: to.count }))
      },
      ...rules.drag,
    })
    onCleanup(stop)
  })

  function addStage() {
    const id = board.actions.addStage(t('stage.newName'))
    const input = document.querySelector<HTMLInputElement>(`#stage-${id} .stage-name`)
    input?.focus()
    input?.select()
  }

  return (
    <>
    <StageStrip scroller={() => scroller} />
    <main
      ref={scroller}
      class="board"
      aria-label={t('board.region')}
      onPointerMove={(e) => presence.actions.setCursor(cursorAt(e.target, e.clientX, e.clientY))}
      onPointerLeave={() => presence.actions.setCursor(null)}
    >
      <div class="stages">
        <For each={board.state.stages}>{(stage, i) => <StageColumn stage={stage} index={i()} />}</For>
        <Show when={isFacilitator() && board.state.stages.length < LIMITS.maxStages}>
          <button type="button" class="add-stage button subtle" onClick={addStage}>
            + {t('stage.add')}
          </button>
        </Show>
        <CursorLayer />
      </div>
    </main>
    </>
  )
}
