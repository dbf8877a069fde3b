// Dot voting on one item (a cluster or a lone note): take back, this person's dots, add; and once the
// facilitator reveals the votes, everyone's total. Buttons that would be refused say why instead.
import { For, Show } from 'solid-js'
import { countOf } from '../../../../shared/workshop.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import './VoteControl.css'

export function VoteControl(props: { itemId: string; name: string }) {
  const w = useWorkshop()
  const mine = () => w.store.myVotes(props.itemId)
  const phase = () => w.store.state.session.phase
  const shown = () => phase() === 'vote' || phase() === 'discuss' || phase() === 'map' || phase() === 'done'
  const canAdd = () => w.store.checkVote(props.itemId, 1).ok
  // A round on the top items of the last one takes no votes on the others: they offer none.
  const votable = () => w.store.mayVote() && w.store.inRound(props.itemId)
  const total = () => countOf(w.store.state.tally, props.itemId)
  // After the reveal only items that received votes carry a total: a board full of zeros says nothing.
  const showTotal = () => w.store.state.session.votesRevealed && total() > 0

  return (
    <Show when={shown() && (votable() || mine() > 0 || showTotal())}>
      <div class="vote-row" role="group" aria-label={t('vote.group', { name: props.name })} data-item-id={props.itemId}>
        <Show when={votable()}>
          <button
            type="button"
            class="vote-button vote-less"
            aria-label={t('vote.less', { name: props.name })}
            aria-disabled={mine() === 0}
            onClick={() => void w.vote(props.itemId, -1)}
          >
            <span aria-hidden="true">−</span>
          </button>
        </Show>
        <span class="my-votes" aria-label={t('vote.mine', { count: mine() })} title={t('vote.mine', { count: mine() })}>
          <For each={Array.from({ length: mine() })}>{() => <span class="dot" aria-hidden="true" />}</For>
        </span>
        <Show when={votable()}>
          <button
            type="button"
            class="vote-button vote-more"
            aria-label={t('vote.more', { name: props.name })}
            aria-disabled={!canAdd()}
            onClick={() => void w.vote(props.itemId, 1)}
          >
            <span aria-hidden="true">+</span>
          </button>
        </Show>
        <Show when={showTotal()}>
          <span class="tally" data-votes={total()}>
            {t('vote.tally', { count: total() })}
          </span>
        </Show>
      </div>
    </Show>
  )
}
