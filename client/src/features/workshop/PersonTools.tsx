// The facilitator's tools on a person in the people list: hand the facilitator role over, or remove them
// from the board. Both ask first; the server does them. The dialog stays inside the list, so answering it
// does not count as a click elsewhere (which closes the list).
import { Show, createSignal } from 'solid-js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import './PersonTools.css'

export function PersonTools(props: { personId: string; name: string }) {
  const w = useWorkshop()
  const [asking, setAsking] = createSignal<'handOver' | 'remove' | null>(null)
  const person = () => w.store.state.people[props.personId]
  const shown = () => w.store.isFacilitator() && person()?.role === 'participant' && !person()?.removed

  async function confirm() {
    const what = asking()
    setAsking(null)
    if (what === 'handOver' && (await w.messages.act({ type: 'handOver', participantId: props.personId }))) {
      announce(t('person.handedOver', { name: props.name }))
    }
    if (what === 'remove' && (await w.messages.act({ type: 'removeParticipant', participantId: props.personId }))) {
      announce(t('person.removed', { name: props.name }))
    }
  }

  return (
    <Show when={shown()}>
      <span class="person-tools">
        <button type="button" class="button small" aria-label={t('person.handOver.label', { name: props.name })} onClick={() => setAsking('handOver')}>
          {t('person.handOver')}
        </button>
        <button type="button" class="button small" aria-label={t('person.remove.label', { name: props.name })} onClick={() => setAsking('remove')}>
          {t('person.remove')}
        </button>
      </span>
      <Show when={asking()}>
        {(what) => (
          <ConfirmDialog
            title={t(what() === 'remove' ? 'person.remove.confirm' : 'person.handOver.confirm', { name: props.name })}
            body={t(what() === 'remove' ? 'person.remove.body' : 'person.handOver.body', { name: props.name })}
            confirm={t(what() === 'remove' ? 'person.remove' : 'person.handOver')}
            onConfirm={() => void confirm()}
            onCancel={() => setAsking(null)}
          />
        )}
      </Show>
    </Show>
  )
}
