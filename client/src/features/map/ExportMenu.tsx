// Export the map from the board: each format is fetched with this person's token, in the board's language (see
// BoardLanguage.tsx; the interface language when none is given), and saved under the name the server gives it;
// the print page opens in a new tab and prints itself.
import { For, Show, createSignal, onCleanup } from 'solid-js'
import { failureText } from '../../lib/api.js'
import { announce } from '../../lib/announce.js'
import { locale, t } from '../../i18n/i18n.js'
import type { MessageKey } from '../../i18n/en.js'
import { EXPORT_FORMATS, fetchExport, printable, saveBlob, type ExportFormat } from './exportApi.js'
import './ExportMenu.css'

const LABEL: Record<ExportFormat, MessageKey> = {
  md: 'map.export.md', csv: 'map.export.csv', json: 'map.export.json', html: 'map.export.html', pdf: 'map.export.pdf',
  png: 'map.export.png', svg: 'map.export.svg',
}

export function ExportMenu(props: { boardId: string; token: string; lang?: () => string }) {
  let menu!: HTMLDetailsElement
  const [busy, setBusy] = createSignal<ExportFormat | null>(null)
  const [error, setError] = createSignal('')

  const close = () => (menu.open = false)
  const onDocClick = (e: MouseEvent) => {
    if (menu.open && !menu.contains(e.target as Node)) close()
  }
  document.addEventListener('click', onDocClick)
  onCleanup(() => document.removeEventListener('click', onDocClick))

  async function run(format: ExportFormat) {
    if (busy()) return
    setError('')
    // Opened now, while the click still counts as the user's, or the browser would block the tab.
    const tab = format === 'html' ? window.open('', '_blank') : null
    setBusy(format)
    try {
      const { blob, filename } = await fetchExport(props.boardId, props.token, format, props.lang?.() ?? locale().code)
      if (format === 'html' && tab) tab.location.href = URL.createObjectURL(printable(await blob.text()))
      else saveBlob(blob, filename)
      announce(t('map.export.done', { name: filename }))
      close()
    } catch (err) {
      tab?.close()
      setError(t('map.export.failed', { message: failureText(err) }))
    } finally {
      setBusy(null)
    }
  }

  return (
    <details
      ref={menu}
      class="menu export-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menu.open) {
          close()
          menu.querySelector('summary')?.focus()
        }
      }}
    >
      <summary class="button">{t('map.export.button')}</summary>
      <div class="menu-panel">
        <ul class="menu-list">
          <For each={EXPORT_FORMATS}>
            {(format) => (
              <li>
                <button type="button" class="menu-item" data-format={format} disabled={!!busy()} onClick={() => run(format)}>
                  <span>{t(LABEL[format])}</span>
                  <Show when={format !== 'html'}>
                    {/* Isolated, or a right-to-left label would show ".md" as "md." */}
                    <bdi class="menu-ext" dir="ltr">
                      .{format}
                    </bdi>
                  </Show>
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={busy()}>
          <p class="hint" role="status">
            {t('map.export.busy')}
          </p>
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </details>
  )
}
