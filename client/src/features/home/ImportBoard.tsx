// Import a board from its JSON export (the map and everything on the board): a new board with new links.
import { Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import type { CreateBoardResponse } from '../../../../shared/api.js'
import { ApiCallError, failureText } from '../../lib/api.js'
import { t } from '../../i18n/i18n.js'
import { isolate } from '../../lib/bidi.js'
import { importBoardJson } from '../map/index.js'
import './ImportBoard.css'

export function ImportBoard(props: { onImported: (board: CreateBoardResponse) => void }) {
  const [state, setState] = createStore({ busy: false, error: '' })

  async function pick(e: Event & { currentTarget: HTMLInputElement }) {
    const input = e.currentTarget
    const file = input.files?.[0]
    if (!file || state.busy) return
    setState({ busy: true, error: '' })
    try {
      const board = await importBoardJson(await file.text())
      setState({ busy: false })
      props.onImported(board)
    } catch (err) {
      const message =
        err instanceof ApiCallError && err.code === 'invalid_board_json' ? t('map.import.invalid', { message: isolate(err.message) })
        : failureText(err)
      setState({ busy: false, error: t('map.import.failed', { message }) })
      input.value = ''
    }
  }

  return (
    <section class="import-board card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('map.import.heading')}</h2>
      <p class="hint">{t('map.import.hint')}</p>
      <div class="field">
        <label for="import-file">{t('map.import.label')}</label>
        <input id="import-file" type="file" accept="application/json,.json" disabled={state.busy} onChange={pick} />
      </div>
      <Show when={state.busy}>
        <p class="hint" role="status">
          {t('map.import.busy')}
        </p>
      </Show>
      <Show when={state.error}>
        <p class="error" role="alert">
          {state.error}
        </p>
      </Show>
    </section>
  )
}
