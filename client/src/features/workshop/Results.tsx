// The result of dot voting once the facilitator reveals it: the clusters and notes that received votes,
// ranked; every screen computes the same list from the same board and tally.
import { For, Show } from 'solid-js'
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import './Results.css'

export function Results() {
  const { board } = useBoard()
  const w = useWorkshop()
  const ranked = () => w.store.state.ranked
  const stageName = (id: string) => board.state.stages.find((s) => s.id === id)?.name ?? ''

  return (
    <section class="results" aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading">{t('results.heading')}</h2>
      <Show when={ranked().length > 0} fallback={<p class="hint">{t('results.none')}</p>}>
        <ol class="results-list" aria-labelledby="results-heading">
          <For each={ranked()}>
            {(item) => (
              <li class="result" data-item-id={item.id}>
                {/* <bdi> rather than dir on the span: the gap after each part stays on the reader's side. */}
                <span class="result-title">
                  <bdi>{item.title || t('note.empty')}</bdi>
                </span>
                <span class="result-stage">
                  <bdi>{stageName(item.stageId)}</bdi>
                </span>
                <span class="result-votes">{t('vote.tally', { count: item.votes })}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  )
}
