// The links to hand out: one for everyone, one for the facilitator, and (on an open board) a view-only one.
import { Show, type JSX } from 'solid-js'
import { t } from '../../i18n/i18n.js'
import { CopyField } from '../../ui/CopyField.js'
import './ShareLinks.css'

export function ShareLinks(props: {
  participantUrl: string
  facilitatorUrl?: string | undefined
  observerUrl?: string
  /** Shown right under the participant link (the share dialog's QR code). */
  participantExtra?: JSX.Element
}) {
  return (
    <div class="share-links">
      <CopyField
        id="participant-link"
        label={t('created.participant.label')}
        hint={t('created.participant.hint')}
        value={props.participantUrl}
        copyLabel={t('copy.participant')}
      />
      {props.participantExtra}
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
      <Show when={props.observerUrl}>
        {(url) => (
          <CopyField
            id="observer-link"
            label={t('share.observer.label')}
            hint={t('share.observer.hint')}
            value={url()}
            copyLabel={t('share.observer.copy')}
          />
        )}
      </Show>
    </div>
  )
}
