// The result of dot voting once the facilitator reveals it: the clusters and notes that received votes,
// ranked; every screen computes the same list from the same board and tally. After more than one voting
// round, every round's ranking side by side (stacked on a phone), oldest first.
import { For, Show } from 'solid-js'
import { NOTE_KINDS } from '../../../../shared/schema.js'
import type { RankedItem } from '../../../../shared/mapItems.js'
import type { RoundResults } from '../../../../shared/votingRounds.js'
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import './Results.css'

export function Results() {
  const w = useWorkshop()
  const rounds = () => w.store.state.rounds

  return (
    <section class="results" aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading">{t('results.heading')}</h2>
      <Show when={rounds().length > 0} fallback={<Ranking items={w.store.state.ranked} labelledBy="results-heading" />}>
        <div class="results-rounds">
          <For each={rounds()}>
            {(r, i) => (
              <section class="results-round" aria-labelledby={`results-round-${r.id}`} data-round-id={r.id}>
                <h3 id={`results-round-${r.id}`}>
                  <bdi>{r.name || t('round.number', { number: i() + 1 })}</bdi>
                </h3>
                <p class="results-settings">{settings(r)}</p>
                <Ranking items={r.ranked} labelledBy={`results-round-${r.id}`} />
              </section>
            )}
          </For>
        </div>
      </Show>
    </section>
  )
}

/** A round's budget and cap, what it was on, and its budgets per kind. */
function settings(r: RoundResults): string {
  const parts = [t('round.settings', { count: r.budget, max: r.maxPerItem })]
  if (r.items) parts.push(t('round.onTop', { count: r.items.length }))
  for (const k of NOTE_KINDS) {
    const n = r.kindBudgets?.[k]
    if (n !== undefined) parts.push(t('round.kindBudget', { kind: t(`kind.${k}`), count: n }))
  }
  return parts.join(' · ')
}

function Ranking(props: { items: RankedItem[]; labelledBy: string }) {
  const { board } = useBoard()
  const stageName = (id: string) => board.state.stages.find((s) => s.id === id)?.name ?? ''
  return (
    <Show when={props.items.length > 0} fallback={<p class="hint">{t('results.none')}</p>}>
      <ol class="results-list" aria-labelledby={props.labelledBy}>
        <For each={props.items}>
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
  )
}
