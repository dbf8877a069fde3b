// A stage's name; for the facilitator also the tools to rename, reorder and remove it.
import { Show, createSignal } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import type { Stage } from '../../../../shared/schema.js'
import { useBoard } from './context.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import './StageHeader.css'

/** `count` is the stage's notes on the board; `more` those shown beside them (private, face down). */
export function StageHeader(props: { stage: Stage; index: number; count: number; more?: { private: number; faceDown: number } }) {
  const { board, isFacilitator } = useBoard()
  const [confirming, setConfirming] = createSignal(false)
  const headingId = () => `stage-${props.stage.id}-name`
  const name = () => props.stage.name
  // Face-down notes are notes too: never "no notes" beside "6 notes from others, face down".
  const countText = () => {
    const faceDown = props.more?.faceDown ?? 0
    const count = props.count + (props.more?.private ?? 0) + faceDown
    return faceDown > 0 ? t('stage.notes.faceDown', { count, hidden: faceDown }) : t('stage.notes', { count })
  }

  function move(by: number) {
    const to = props.index + by
    if (to < 0 || to >= board.state.stages.length) return
    board.actions.moveStage(props.stage.id, to)
    announce(t('announce.stageMoved', { name: name(), position: to + 1 }))
    // The column was re-inserted at its new place; keep the focus on the button that moved it.
    document.getElementById(`stage-${props.stage.id}-${by < 0 ? 'earlier' : 'later'}`)?.focus()
  }

  function remove() {
    setConfirming(false)
    board.actions.removeStage(props.stage.id)
    announce(t('announce.stageRemoved', { name: name() }))
  }

  return (
    <header class="stage-head">
      <h2 id={headingId()} classList={{ 'visually-hidden': isFacilitator() }} dir="auto">
        {name()}
      </h2>
      <Show when={isFacilitator()}>
        <input
          class="stage-name"
          dir="auto"
          maxLength={LIMITS.stageNameLength}
          aria-label={t('stage.name.label', { n: props.index + 1 })}
          value={name()}
          onInput={(e) => board.actions.renameStage(props.stage.id, e.currentTarget.value)}
        />
      </Show>
      <span class="stage-count" data-testid="stage-count">{countText()}</span>
      <Show when={isFacilitator()}>
        <div class="stage-tools">
          <button
            type="button"
            id={`stage-${props.stage.id}-earlier`}
            class="icon-button"
            aria-label={t('stage.moveEarlier', { name: name() })}
            disabled={props.index === 0}
            onClick={() => move(-1)}
          >
            <span class="flip-rtl" aria-hidden="true">←</span>
          </button>
          <button
            type="button"
            id={`stage-${props.stage.id}-later`}
            class="icon-button"
            aria-label={t('stage.moveLater', { name: name() })}
            disabled={props.index === board.state.stages.length - 1}
            onClick={() => move(1)}
          >
            <span class="flip-rtl" aria-hidden="true">→</span>
          </button>
          <button
            type="button"
            class="icon-button danger"
            aria-label={t('stage.remove', { name: name() })}
            onClick={() => (props.count > 0 ? setConfirming(true) : remove())}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </Show>
      <Show when={confirming()}>
        <ConfirmDialog
          title={t('stage.removeConfirm', { name: name() })}
          body={t('stage.removeConfirm.body', { count: props.count })}
          confirm={t('confirm.remove')}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      </Show>
    </header>
  )
}
