// What is in the spotlight, said on every screen beside the highlight (lead.ts): its name, its stage and, once
// revealed, its votes; for the facilitator, the way to release it. In the discuss phase the discussion says it.
import { Show } from 'solid-js'
import { countOf } from '../../../../shared/workshop.js'
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import { SpotlightIcon } from '../../ui/icons.js'
import { useWorkshop } from './context.js'
import './SpotlightBar.css'

export function SpotlightBar() {
  const w = useWorkshop()
  const { board } = useBoard()
  const sp = () => w.lead.spotlight()
  const stageId = () => {
    const s = sp()
    if (!s) return ''
    return s.kind === 'cluster' ? w.store.state.clusters[s.id]?.stageId ?? '' : board.state.notes[s.id]?.stageId ?? ''
  }
  const stage = () => board.state.stages.find((s) => s.id === stageId())?.name ?? ''
  const votes = () => (w.store.state.session.votesRevealed && sp() ? countOf(w.store.state.tally, sp()!.id) : 0)

  return (
    <Show when={sp() && w.store.state.session.phase !== 'discuss' ? sp() : null}>
      {(s) => (
        <section class="spotlight-bar" aria-label={t('spotlight.short')} data-testid="spotlight-bar">
          <SpotlightIcon />
          <p>
            <span class="spotlight-label">{t('spotlight.on')}</span> <bdi class="spotlight-title">{w.lead.itemName(s().kind, s().id)}</bdi>
            <Show when={stage()}>
              {' · '}
              <bdi>{stage()}</bdi>
            </Show>
            <Show when={votes() > 0}>
              {' · '}
              <span class="spotlight-votes">{t('vote.tally', { count: votes() })}</span>
            </Show>
          </p>
          <Show when={w.store.isFacilitator()}>
            <button type="button" class="button small" onClick={() => void w.lead.spotlightItem(null)}>
              {t('spotlight.release')}
            </button>
          </Show>
        </section>
      )}
    </Show>
  )
}
