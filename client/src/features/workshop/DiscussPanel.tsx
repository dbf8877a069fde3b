// The discuss phase: the facilitator walks the ranked items one at a time, each in the spotlight with its own
// timer (lead.ts; the session timer, Timer.tsx), forward and back; for each, the group records its decisions and
// next steps, each with an owner and maybe a due date (outcomes.ts), which drafting the map brings in.
import { Show, createEffect, createSignal, on } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { useBoard } from '../board/index.js'
import { announce } from '../../lib/announce.js'
import { load, save } from '../../lib/storage.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { OutcomeForm } from './OutcomeForm.js'
import { OutcomeList } from './OutcomeList.js'
import './DiscussPanel.css'

const MAX_MINUTES = LIMITS.maxTimerMs / 60_000

export function DiscussPanel() {
  const w = useWorkshop()
  const { board } = useBoard()
  const ranked = () => w.store.state.ranked
  const index = () => {
    const sp = w.lead.spotlight()
    return sp ? ranked().findIndex((r) => r.id === sp.id && r.kind === sp.kind) : -1
  }
  const current = () => ranked()[index()]
  const stageName = (id: string) => board.state.stages.find((s) => s.id === id)?.name ?? ''
  const [minutes, setMinutes] = createSignal(Number(load('discussMinutes')) || 5)

  /** Moves the discussion to the ranked item at `i`, with its own time on the timer. */
  async function walkTo(i: number) {
    const item = ranked()[i]
    if (!item) return
    const m = Math.min(MAX_MINUTES, Math.max(0, Math.round(minutes())))
    save('discussMinutes', String(m))
    await w.lead.spotlightItem({ kind: item.kind, id: item.id }, m * 60_000)
  }
  // Everyone hears which item the discussion is on.
  createEffect(
    on(index, (i) => {
      const item = ranked()[i]
      if (item) announce(t('discuss.now', { n: i + 1, count: ranked().length, title: item.title || t('note.empty') }))
    }, { defer: true }),
  )

  return (
    <section class="discuss" aria-labelledby="discuss-heading" data-testid="discuss">
      <div class="discuss-head">
        <h2 id="discuss-heading">
          <Show when={current()} fallback={t('discuss.heading')}>
            {t('discuss.position', { n: index() + 1, count: ranked().length })}
          </Show>
        </h2>
        <Show when={w.store.isFacilitator() && ranked().length > 0}>
          <div class="discuss-walk" role="group" aria-label={t('discuss.walk')}>
            <Show
              when={current()}
              fallback={
                <button type="button" class="button small primary" onClick={() => void walkTo(0)}>
                  {t('discuss.start')}
                </button>
              }
            >
              <button type="button" class="button small" disabled={index() <= 0} onClick={() => void walkTo(index() - 1)}>
                <span class="flip-rtl" aria-hidden="true">←</span>
                {t('discuss.back')}
              </button>
              <button
                type="button"
                class="button small primary"
                disabled={index() >= ranked().length - 1}
                onClick={() => void walkTo(index() + 1)}
              >
                {t('discuss.next')}
                <span class="flip-rtl" aria-hidden="true">→</span>
              </button>
            </Show>
            <label class="discuss-minutes">
              {t('discuss.minutes')}
              <input
                type="number"
                inputmode="numeric"
                min="0"
                max={MAX_MINUTES}
                value={minutes()}
                onInput={(e) => setMinutes(Number(e.currentTarget.value) || 0)}
              />
            </label>
          </div>
        </Show>
      </div>
      <Show
        when={current()}
        fallback={<p class="hint">{ranked().length ? t('discuss.waiting') : t('discuss.none')}</p>}
      >
        {(item) => (
          <>
            <p class="discuss-item" data-testid="discuss-item">
              <bdi class="discuss-title">{item().title || t('note.empty')}</bdi>
              <span class="discuss-meta">
                <bdi>{stageName(item().stageId)}</bdi> · {t('vote.tally', { count: item().votes })}
              </span>
            </p>
            <OutcomeList itemId={item().id} />
            <OutcomeForm itemId={item().id} />
          </>
        )}
      </Show>
    </section>
  )
}
