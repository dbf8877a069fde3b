// Asks before something that cannot be undone, e.g. removing a stage that still holds notes.
import { Modal } from './Modal.js'
import { t } from '../i18n/i18n.js'

export function ConfirmDialog(props: { title: string; body: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Modal labelledBy="confirm-title" onCancel={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p>{props.body}</p>
      <div class="modal-actions">
        <button type="button" class="button" onClick={props.onCancel} autofocus>
          {t('confirm.cancel')}
        </button>
        <button type="button" class="button danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </Modal>
  )
}
