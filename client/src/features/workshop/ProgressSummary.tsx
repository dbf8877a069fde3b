// How far the room is, for everyone: "7 of 12 done", observers counted apart, and for a participant the
// toggle that says they are done with this phase (the server records it, and clears it on the next phase).
import { Show, createMemo, createSignal } from 'solid-js'
import { doneCount } from '../../../../shared/progress.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { CheckIcon } from '../../ui/icons.js'
import { useWorkshop } from './context.js'
import './ProgressSummary.css'

export function ProgressSummary() {
  const w = useWorkshop()
  const phase = () => w.store.state.session.phase
  const count = createMemo(() => doneCount(w.store.state.people, w.store.state.progress))
  const me = () => w.store.writer().personId
  const done = () => w.store.state.progress[me()]?.done === true
  const [busy, setBusy] = createSignal(false)

  async function toggle() {
    const next = !done()
    setBusy(true)
    const ok = await w.messages.act({ type: 'markDone', done: next })
    setBusy(false)
    if (ok) announce(t(next ? 'progress.marked' : 'progress.unmarked'))
  }

  return (
    <Show when={phase() !== 'setup' && phase() !== 'done'}>
      <div class="progress-summary">
        <p class="done-count" data-testid="done-count" data-done={count().done} data-of={count().of} data-watching={count().watching}>
          <span class="done-count-main">{t('progress.doneCount', { done: count().done, count: count().of })}</span>
          <Show when={count().watching > 0}>
            <span class="done-count-watching"> {t('progress.watching', { count: count().watching })}</span>
          </Show>
        </p>
        <Show when={w.store.role() === 'participant'}>
          <button
            type="button"
            class="button small done-toggle"
            classList={{ pressed: done() }}
            aria-pressed={done()}
            disabled={busy()}
            onClick={toggle}
          >
            <span class="done-check" aria-hidden="true">
              <Show when={done()}>
                <CheckIcon />
              </Show>
            </span>
            {t('progress.markDone')}
          </button>
        </Show>
      </div>
    </Show>
  )
}
