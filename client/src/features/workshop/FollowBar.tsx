// What a follower's screen says while it follows the facilitator (lead.ts): whom, and the way out. Scrolling or
// moving away oneself leaves too; the bar goes with it.
import { Show } from 'solid-js'
import { t } from '../../i18n/i18n.js'
import { FollowIcon } from '../../ui/icons.js'
import { useWorkshop } from './context.js'
import './FollowBar.css'

export function FollowBar() {
  const w = useWorkshop()
  const parts = () => t('follow.bar').split('{name}')
  const before = () => parts()[0] ?? ''
  const after = () => parts().slice(1).join('')
  return (
    <Show when={w.lead.following()}>
      <div class="follow-bar" role="status" data-testid="follow-bar">
        <FollowIcon />
        <span>
          {/* The name in its own direction, wherever the language puts it in the sentence. */}
          {before()}
          <bdi class="follow-name">{w.lead.leaderName()}</bdi>
          {after()}
        </span>
        <button type="button" class="button small" onClick={() => w.lead.stopFollowing()}>
          {t('follow.stop')}
        </button>
      </div>
    </Show>
  )
}
