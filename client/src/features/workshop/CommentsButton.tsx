// A note's, cluster's or map item's comments (discussion.ts): how many, on a button that opens the thread. Shown
// where there are some, or where this person may start one; never while notes are written privately.
import { Show } from 'solid-js'
import { formatNumber, t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import './CommentsButton.css'

export function CommentsButton(props: { targetId: string; name: string }) {
  const d = useWorkshop().discussion
  const count = () => d.commentsOn(props.targetId).length
  const label = () => (count() ? t('comment.open', { count: count(), name: props.name }) : t('comment.start', { name: props.name }))
  return (
    <Show when={!d.forCards().hidden && (count() > 0 || !d.forCards().comment)}>
      <button
        type="button"
        class="comments-button"
        classList={{ some: count() > 0 }}
        data-target-id={props.targetId}
        data-comments={count()}
        aria-haspopup="dialog"
        aria-label={label()}
        title={label()}
        onClick={() => d.openThread(props.targetId, props.name)}
      >
        <svg class="comments-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 5h16v11H9l-5 4z" />
        </svg>
        <Show when={count() > 0}>
          <span class="comments-count" aria-hidden="true">{formatNumber(count())}</span>
        </Show>
      </button>
    </Show>
  )
}
