// The keyboard shortcuts, written down where everyone can find them.
import { t } from '../../i18n/i18n.js'
import { redoKeys, undoKeys } from './UndoControls.js'
import './ShortcutHelp.css'

export function ShortcutHelp() {
  return (
    <footer class="board-foot">
      <p id="note-keys-hint" class="visually-hidden">
        {t('shortcuts.edit')}. {t('shortcuts.moveStage')}. {t('shortcuts.moveWithin')}.
      </p>
      <details class="shortcuts">
        <summary>{t('shortcuts.heading')}</summary>
        <ul>
          <li>{t('shortcuts.edit')}</li>
          <li>{t('shortcuts.moveStage')}</li>
          <li>{t('shortcuts.moveWithin')}</li>
          <li>{t('shortcuts.delete')}</li>
          <li>{t('shortcuts.drag')}</li>
          <li>{t('shortcuts.group')}</li>
          <li>{t('shortcuts.search')}</li>
          <li>{t('shortcuts.undo', { undo: undoKeys(), redo: redoKeys() })}</li>
        </ul>
      </details>
    </footer>
  )
}
