// The facilitator's way from the board to the map: the top N clusters and notes by votes in one step, or any
// one of them, listed stage by stage with its votes. Promoting one that is on the map already refreshes it.
import { For, Show, createSignal, onCleanup } from 'solid-js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import type { PromotableView } from './mapStore.js'
import './MapItemCard.css'
import './PromotePanel.css'

export function PromotePanel() {
  const { store } = useMap()
  onCleanup(store.watchPromotables())
  const [n, setN] = createSignal(5)
  const stages = () => store.state.map.stages
  const inStage = (stageId: string) => store.state.promotables.filter((p) => p.stageId === stageId)
  const withVotes = () => store.state.promotables.filter((p) => p.votes > 0).length

  function promoteTop(e: SubmitEvent) {
    e.preventDefault()
    const ids = store.actions.promoteTopN(n()) ?? []
    announce(ids.length ? t('map.announce.promoted', { count: ids.length }) : t('map.announce.nonePromoted'))
  }

  function promoteOne(p: PromotableView) {
    store.actions.promote({ kind: p.kind, id: p.id })
    announce(t('map.announce.promotedOne', { title: p.title }))
  }

  return (
    <details class="map-tool card" open>
      <summary>
        <h2>{t('map.promote.heading')}</h2>
      </summary>
      <form class="top-n" onSubmit={promoteTop}>
        <label for="top-n">{t('map.promote.howMany')}</label>
        <input
          id="top-n"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          value={n()}
          onInput={(e) => {
            const v = e.currentTarget.valueAsNumber
            if (Number.isFinite(v) && v >= 1) setN(Math.min(50, Math.round(v)))
          }}
        />
        <button type="submit" class="button primary" data-testid="promote-top">
          {t('map.promote.top', { count: n() })}
        </button>
      </form>
      <Show when={!store.state.session.votesRevealed || withVotes() === 0}>
        <p class="hint">{t('map.promote.noVotes')}</p>
      </Show>
      <details class="promotables">
        <summary>{t('map.promote.list', { count: store.state.promotables.length })}</summary>
        <For each={stages()}>
          {(stage) => (
            <Show when={inStage(stage.id).length}>
              <section class="promotable-stage">
                <h3 dir="auto">{stage.name}</h3>
                <ul>
                  <For each={inStage(stage.id)}>
                    {(p) => (
                      <li class="promotable" data-source={p.id}>
                        <span class="promotable-title" dir="auto">
                          {p.title || t('map.item.untitled')}
                        </span>
                        <span class="promotable-meta">
                          {p.kind === 'cluster' ? t('map.promote.cluster', { count: p.notes.length }) : t('map.promote.note')}
                        </span>
                        <span class="item-votes" classList={{ none: p.votes === 0 }}>
                          {t('map.item.votes', { count: p.votes })}
                        </span>
                        <button
                          type="button"
                          class="button small"
                          classList={{ subtle: !!p.itemId }}
                          aria-label={t(p.itemId ? 'map.promote.refreshOne' : 'map.promote.one', { title: p.title })}
                          onClick={() => promoteOne(p)}
                        >
                          {p.itemId ? t('map.promote.refresh') : t('map.promote.button')}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
          )}
        </For>
      </details>
    </details>
  )
}
