// The links to the open board, for inviting people mid-workshop.
import { facilitatorKey } from '../../lib/identity.js'
import { t } from '../../i18n/i18n.js'
import { Modal } from '../../ui/Modal.js'
import { ShareLinks } from './ShareLinks.js'

export function ShareDialog(props: { boardId: string; onClose: () => void }) {
  const participantUrl = `${location.origin}/b/${props.boardId}`
  const key = facilitatorKey(props.boardId)
  return (
    <Modal labelledBy="share-heading" onCancel={props.onClose} class="share">
      <h2 id="share-heading">{t('board.shareHeading')}</h2>
      <ShareLinks
        participantUrl={participantUrl}
        facilitatorUrl={key ? `${participantUrl}#facilitator=${key}` : undefined}
        observerUrl={`${participantUrl}?view`}
      />
      <div class="modal-actions">
        <button type="button" class="button" onClick={props.onClose}>
          {t('board.close')}
        </button>
      </div>
    </Modal>
  )
}
