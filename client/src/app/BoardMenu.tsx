// The facilitator's board options, at the end of the bar: deleting the board for everyone, out of the way of
// everyday clicks (a menu, then a confirmation whose default is Cancel).
import { Show, createSignal, onCleanup } from 'solid-js'
import { failureText } from '../lib/api.js'
import { isolate } from '../lib/bidi.js'
import { t } from '../i18n/i18n.js'
import { ConfirmDialog } from '../ui/ConfirmDialog.js'
import './BoardMenu.css'

export function BoardMenu(props: { title: string; onDelete: () => Promise<void> }) {
  let menu!: HTMLDetailsElement
  const [asking, setAsking] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal('')
  const onDocClick = (e: MouseEvent) => {
    if (menu.open && !menu.contains(e.target as Node)) menu.open = false
  }
  document.addEventListener('click', onDocClick)
  onCleanup(() => document.removeEventListener('click', onDocClick))

  async function confirmDelete() {
    setAsking(false)
    setBusy(true)
    setError('')
    try {
      await props.onDelete() // the page then says the board was deleted
    } catch (err) {
      setError(t('board.delete.failed', { message: failureText(err) }))
      menu.open = true
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <details
        ref={menu}
        class="board-menu"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menu.open) {
            menu.open = false
            menu.querySelector('summary')?.focus()
          }
        }}
      >
        <summary class="button" aria-label={t('board.menu')} title={t('board.menu')}>
          <span aria-hidden="true">⋯</span>
        </summary>
        <div class="board-menu-panel">
          <button
            type="button"
            class="board-menu-delete"
            disabled={busy()}
            onClick={() => {
              menu.open = false
              setAsking(true)
            }}
          >
            <span>{t('board.delete')}</span>
            <span class="board-menu-hint">{t('board.delete.hint')}</span>
          </button>
          <Show when={error()}>
            <p class="error" role="alert">
              {error()}
            </p>
          </Show>
        </div>
      </details>
      <Show when={asking()}>
        <ConfirmDialog
          title={t('board.delete.title', { title: isolate(props.title || t('board.untitled')) })}
          body={t('board.delete.body')}
          confirm={t('board.delete.confirm')}
          onConfirm={() => void confirmDelete()}
          onCancel={() => {
            setAsking(false)
            menu.querySelector('summary')?.focus()
          }}
        />
      </Show>
    </>
  )
}
