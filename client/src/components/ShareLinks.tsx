// The two links to hand out after creating a board: one for everyone, one for the facilitator.
import { Show } from 'solid-js'
import { t } from '../i18n/i18n.js'
import { CopyField } from './CopyField.js'

export function ShareLinks(props: { participantUrl: string; facilitatorUrl?: string | undefined }) {
  return (
    <div class="share-links">
      <CopyField
        id="participant-link"
        label={t('created.participant.label')}
        hint={t('created.participant.hint')}
        value={props.participantUrl}
        copyLabel={t('copy.participant')}
      />
      <Show when={props.facilitatorUrl}>
        {(url) => (
          <CopyField
            id="facilitator-link"
            label={t('created.facilitator.label')}
            hint={t('created.facilitator.hint')}
            value={url()}
            copyLabel={t('copy.facilitator')}
          />
        )}
      </Show>
    </div>
  )
}
