// Asks a newcomer's display name once; it is remembered in this browser for every board.
import { createSignal } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { t } from '../../i18n/i18n.js'
import { Modal } from '../../ui/Modal.js'

export function JoinDialog(props: { onJoin: (name: string) => void }) {
  const [name, setName] = createSignal('')
  return (
    <Modal labelledBy="join-heading" class="join">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          if (name().trim()) props.onJoin(name())
        }}
      >
        <h2 id="join-heading">{t('join.heading')}</h2>
        <div class="field">
          <label for="join-name">{t('join.label')}</label>
          <input
            id="join-name"
            dir="auto"
            required
            autofocus
            autocomplete="nickname"
            maxLength={LIMITS.nameLength}
            aria-describedby="join-hint"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <p class="hint" id="join-hint">
            {t('join.hint')}
          </p>
        </div>
        <div class="modal-actions">
          <button type="submit" class="button primary">
            {t('join.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
