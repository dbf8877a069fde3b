// The current voting round in the phase bar: its name (once there is more than one round, or it has one), what
// it is on, and per kind of note with a budget, the votes left.
import { For, Show } from 'solid-js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { keptBefore } from './rounds.js'
import './RoundStatus.css'

export function RoundName() {
  const w = useWorkshop()
  const round = () => w.store.state.session.round
  const number = () => keptBefore(w.store.state.rounds, round().id) + 1
  return (
    <Show when={round().name || number() > 1}>
      <span class="round-name" data-testid="round-name">
        <bdi>{round().name || t('round.number', { number: number() })}</bdi>
        <Show when={round().items}>{(items) => <span class="hint"> {t('round.onTop', { count: items().length })}</span>}</Show>
      </span>
    </Show>
  )
}

export function KindVotesLeft() {
  const w = useWorkshop()
  return (
    <For each={w.store.kindVotesLeft()}>
      {(k) => (
        <span class={`kind-left kind-${k.kind}`} data-kind={k.kind} classList={{ spent: k.left === 0 }}>
          {t('vote.kindLeft', { kind: t(`kind.${k.kind}`), count: k.left, budget: k.budget })}
        </span>
      )}
    </For>
  )
}
