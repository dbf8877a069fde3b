// The facilitator leading the room (lead.ts): bring everyone's view to where theirs is, on the board or the
// map, or have everyone follow as they move. Docked at the bottom of the screen, so that it is at hand wherever
// the facilitator has scrolled to (the spotlight is on each note and cluster: SpotlightButton.tsx).
import { t } from '../../i18n/i18n.js'
import { FollowIcon, GatherIcon } from '../../ui/icons.js'
import { useWorkshop } from './context.js'
import './LeadControls.css'

export function LeadControls() {
  const w = useWorkshop()
  const lead = w.lead
  const say = (ok: boolean) => !ok && w.messages.say(t('lead.nowhere'))

  return (
    <div class="lead-dock" role="group" aria-label={t('lead.tools')} data-testid="lead-dock">
      <button type="button" class="button small" data-testid="summon" onClick={() => void lead.summon().then(say)}>
        <GatherIcon />
        <span class="lead-label">{t('lead.summon')}</span>
      </button>
      <button
        type="button"
        class="button small"
        aria-pressed={lead.leading()}
        data-testid="follow-me"
        onClick={() => void lead.setFollowing(!lead.leading())}
      >
        <FollowIcon />
        <span class="lead-label">{t('lead.follow')}</span>
      </button>
    </div>
  )
}
