// The result of dot voting once the facilitator reveals it: the clusters and notes that received votes,
// ranked; every screen computes the same list from the same board and tally.
import { For, Show, createMemo } from 'solid-js'
import { useBoard } from '../board/context.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { boardStateOf, rankedResults } from './results.js'

export function Results() {
  const { board } = useBoard()
  const w = useWorkshop()
  const ranked = createMemo(() => rankedResults(boardStateOf(board.state, w.state.clusters), w.state.tally))
  const stageName = (id: string) => board.state.stages.find((s) => s.id === id)?.name ?? ''

  return (
    <section class="results" aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading">{t('results.heading')}</h2>
      <Show when={ranked().length > 0} fallback={<p class="hint">{t('results.none')}</p>}>
        <ol class="results-list" aria-labelledby="results-heading">
          <For each={ranked()}>
            {(item) => (
              <li class="result" data-item-id={item.id}>
                <span class="result-title" dir="auto">
                  {item.title || t('note.empty')}
                </span>
                <span class="result-stage" dir="auto">
                  {stageName(item.stageId)}
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
