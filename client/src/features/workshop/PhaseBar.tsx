// The workshop's rhythm for everyone: the six phases with the current one marked, one line on what to do
// now, the votes left while voting, the timer; for the facilitator, the controls that move the workshop.
import { For, Show, createEffect, on } from 'solid-js'
import { PHASES, votesUsed, type Phase } from '../../../../shared/workshop.js'
import { announce } from '../../lib/announce.js'
import type { MessageKey } from '../../i18n/en.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { FacilitatorControls } from './FacilitatorControls.js'
import { PhaseNews } from './PhaseNews.js'
import { Timer } from './Timer.js'
import { ProgressSummary } from './ProgressSummary.js'
import './PhaseBar.css'
import { KindVotesLeft, RoundName } from './RoundStatus.js'

export function PhaseBar() {
  const w = useWorkshop()
  const s = () => w.store.state.session
  const current = () => PHASES.indexOf(s().phase)
  // Everyone hears the workshop move on, not only the facilitator who moved it.
  createEffect(on(() => s().phase, (p) => announce(t('phase.now', { phase: t(`phase.${p}`) })), { defer: true }))

  const hint = (): string => {
    const p = s().phase
    if (w.store.role() === 'observer') return t('phase.hint.observer', { phase: t(`phase.${p}`) })
    if (s().locked) return t('phase.hint.locked')
    if (p === 'ideate' && w.store.writesPrivately()) return t(w.store.isFacilitator() ? 'phase.hint.ideate.private.facilitator' : 'phase.hint.ideate.private')
    if (w.store.isFacilitator() && (p === 'setup' || p === 'vote' || p === 'discuss')) return t(`phase.hint.${p}.facilitator`)
    return t(`phase.hint.${p}` as MessageKey, { budget: s().budget, max: s().maxPerItem })
  }

  return (
    <section class="phase-bar" aria-labelledby="phase-heading" data-phase={s().phase}>
      <h2 id="phase-heading" class="visually-hidden">
        {t('phase.heading')}
      </h2>
      <div class="phase-row">
        <ol class="phase-steps">
          <For each={PHASES}>
            {(p: Phase, i) => (
              <li
                class="phase-step"
                classList={{ current: i() === current(), done: i() < current() }}
                aria-current={i() === current() ? 'step' : undefined}
              >
                <span class="phase-num" aria-hidden="true">
                  {i() + 1}
                </span>
                <span class="phase-name">{t(`phase.${p}`)}</span>
                <Show when={i() === current()}>
                  <span class="visually-hidden">{t('phase.current')}</span>
                </Show>
              </li>
            )}
          </For>
        </ol>
        <PhaseNews />
        <Timer />
      </div>
      <div class="phase-row">
        <p class="phase-hint" id="phase-hint" data-testid="phase-hint">
          <Show when={s().locked}>
            <span class="badge locked-badge">{t('phase.locked')}</span>
          </Show>
          <Show when={w.store.writesPrivately()}>
            <span class="badge private-badge">{t('phase.private')}</span>
          </Show>
          <span>{hint()}</span>
        </p>
        <Show when={w.store.mayVote()}>
          <p class="votes-left" data-testid="votes-left" aria-live="polite">
            <RoundName />
            <span class="votes-left-dots" aria-hidden="true">
              <For each={Array.from({ length: s().budget })}>
                {(_, i) => <span class="dot" classList={{ spent: i() < votesUsed(w.store.state.ballot) }} />}
              </For>
            </span>
            {t('vote.left', { count: w.store.votesLeft(), budget: s().budget })}
            <span class="hint"> {t('vote.cap', { count: s().maxPerItem })}</span>
            <KindVotesLeft />
          </p>
        </Show>
        <ProgressSummary />
      </div>
      <Show when={w.store.isFacilitator()}>
        <FacilitatorControls />
      </Show>
    </section>
  )
}
