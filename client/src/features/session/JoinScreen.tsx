// The join screen for a projector: the board's name, the participant link shortened for reading, its QR
// code big, and how many have joined, live. Readable from the back of a room; Escape or the button closes it.
import { t } from '../../i18n/i18n.js'
import { Modal } from '../../ui/Modal.js'
import { QrCode } from '../../ui/QrCode.js'
import './JoinScreen.css'

/** The link as people type it: host and path, without the scheme. */
export function shortLink(url: string): string {
  const u = new URL(url)
  return `${u.host}${u.pathname}`
}

export function JoinScreen(props: { title: string; participantUrl: string; joined: number; onClose: () => void }) {
  return (
    <Modal labelledBy="join-screen-title" onCancel={props.onClose} class="join-screen">
      <div class="join-screen-bar">
        <button type="button" class="button join-screen-close" onClick={props.onClose}>
          {t('board.close')}
        </button>
      </div>
      <div class="join-screen-body">
        <QrCode class="join-screen-qr" value={props.participantUrl} label={t('share.qr.label')} testId="join-screen-qr" />
        <div class="join-screen-text">
          <h2 id="join-screen-title" dir="auto">
            {props.title || t('board.untitled')}
          </h2>
          <p class="join-screen-lead">{t('projector.lead')}</p>
          <p class="join-screen-link" data-testid="join-screen-link">
            <bdi dir="ltr">{shortLink(props.participantUrl)}</bdi>
          </p>
          <p class="join-screen-count" data-testid="joined-count" data-count={props.joined}>
            {t('projector.joined', { count: props.joined })}
          </p>
        </div>
      </div>
    </Modal>
  )
}
