// A note's or cluster's reactions (discussion.ts): a button for each kind with how many gave it, pressed when
// this person did; who reacted is in its label. Kinds nobody gave are offered only while this person may react.
// Nothing shows while notes are written privately.
import { For, Show } from 'solid-js'
import { REACTIONS, REACTION_EMOJI, type Reaction } from '../../../../shared/discussion.js'
import { announce } from '../../lib/announce.js'
import { formatList, formatNumber, t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { discussionReason } from './discussion.js'
import './ReactionButtons.css'

/** `only`: the kinds to offer (e.g. agreeing with a look-alike note instead of writing it again). */
export function ReactionButtons(props: { targetId: string; name: string; only?: readonly Reaction[] }) {
  const w = useWorkshop()
  const d = w.discussion
  const me = () => w.store.writer().personId
  const open = (r: Reaction) => !d.forCards().reaction[r]
  const shown = () => (props.only ?? REACTIONS).filter((r) => open(r) || d.who(props.targetId, r).length > 0)
  const nameOf = (id: string) => (id === me() ? t('reaction.you') : w.store.state.people[id]?.name || t('comment.someone'))

  return (
    <Show when={!d.forCards().hidden && shown().length > 0}>
      <div
        class="reactions"
        classList={{ none: shown().every((r) => d.who(props.targetId, r).length === 0) }}
        role="group"
        aria-label={t('reaction.group', { name: props.name })}
        data-target-id={props.targetId}
      >
        <For each={shown()}>
          {(r) => {
            const who = () => d.who(props.targetId, r)
            const word = () => t(`reaction.${r}`)
            const label = () =>
              who().length
                ? t('reaction.who', { reaction: word(), count: who().length, names: formatList(who().map(nameOf)) })
                : t('reaction.give', { reaction: word() })
            function click() {
              const refusal = d.reactionRefusal(props.targetId, r)
              if (refusal) return w.messages.say(discussionReason(refusal, 'reaction'))
              const had = who().includes(me())
              if (d.toggle(props.targetId, r)) announce(t(had ? 'reaction.taken' : 'reaction.given', { reaction: word() }))
            }
            return (
              <button
                type="button"
                class="reaction"
                classList={{ given: who().length > 0 }}
                data-reaction={r}
                aria-pressed={who().includes(me())}
                aria-disabled={!open(r)}
                aria-label={label()}
                title={label()}
                onClick={click}
              >
                <span class="reaction-emoji" aria-hidden="true">{REACTION_EMOJI[r]}</span>
                <Show when={who().length > 0}>
                  <span class="reaction-count" aria-hidden="true">{formatNumber(who().length)}</span>
                </Show>
              </button>
            )
          }}
        </For>
      </div>
    </Show>
  )
}
