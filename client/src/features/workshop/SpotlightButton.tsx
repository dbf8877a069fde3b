// The facilitator's spotlight on a note or a cluster (lead.ts): pressed, it is highlighted and brought into view
// on every screen, with its votes once revealed, until pressed again (or another takes its place).
import { Show } from 'solid-js'
import type { SpotlightKind } from '../../../../shared/lead.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { SpotlightIcon } from '../../ui/icons.js'
import { useWorkshop } from './context.js'
import './SpotlightButton.css'

export function SpotlightButton(props: { kind: SpotlightKind; id: string; name: string }) {
  const w = useWorkshop()
  const on = () => w.lead.isSpotlit(props.kind, props.id)
  async function toggle() {
    const ok = await w.lead.spotlightItem(on() ? null : { kind: props.kind, id: props.id })
    if (ok && !on()) announce(t('spotlight.released'))
  }
  return (
    <Show when={w.store.isFacilitator()}>
      <button
        type="button"
        class="icon-button spotlight-button"
        aria-pressed={on()}
        aria-label={t(on() ? 'spotlight.releaseOne' : 'spotlight.button', { text: props.name })}
        title={t(on() ? 'spotlight.release' : 'spotlight.short')}
        data-testid="spotlight-button"
        onClick={() => void toggle()}
      >
        <SpotlightIcon />
      </button>
    </Show>
  )
}
