// The links to the open board, for inviting people mid-workshop: the participant link also as a QR code,
// and big on a projector (the join screen) for a room to scan.
import { Show, createSignal } from 'solid-js'
import { facilitatorKey } from '../../lib/identity.js'
import { t } from '../../i18n/i18n.js'
import { Modal } from '../../ui/Modal.js'
import { QrCode } from '../../ui/QrCode.js'
import { JoinScreen } from './JoinScreen.js'
import { ShareLinks } from './ShareLinks.js'
import './ShareDialog.css'

export function ShareDialog(props: {
  boardId: string
  onClose: () => void
  /** The board's name, for the join screen. */
  title: string
  /** Participants who have joined (the board's people), live. */
  joined: number
}) {
  const participantUrl = `${location.origin}/b/${props.boardId}`
  const key = facilitatorKey(props.boardId)
  const [projecting, setProjecting] = createSignal(false)
  const qr = (
    <div class="share-qr">
      <QrCode class="share-qr-code" value={participantUrl} label={t('share.qr.label')} testId="share-qr" />
      <div class="share-qr-text">
        <p class="hint">{t('share.qr.hint')}</p>
        <button type="button" class="button" onClick={() => setProjecting(true)}>
          {t('share.projector')}
        </button>
      </div>
    </div>
  )
  return (
    <>
      <Modal labelledBy="share-heading" onCancel={props.onClose} class="share">
        <h2 id="share-heading">{t('board.shareHeading')}</h2>
        <ShareLinks
          participantUrl={participantUrl}
          facilitatorUrl={key ? `${participantUrl}#facilitator=${key}` : undefined}
          observerUrl={`${participantUrl}?view`}
          participantExtra={qr}
        />
        <div class="modal-actions">
          <button type="button" class="button" onClick={props.onClose}>
            {t('board.close')}
          </button>
        </div>
      </Modal>
      <Show when={projecting()}>
        <JoinScreen title={props.title} participantUrl={participantUrl} joined={props.joined} onClose={() => setProjecting(false)} />
      </Show>
    </>
  )
}
