// Names the map and its stages (the five usual ones, in the interface language, until edited).
import { For, Show, createSignal } from 'solid-js'
import { createStore } from 'solid-js/store'
import { LIMITS, type CreateBoardResponse } from '../../../../shared/api.js'
import { ApiCallError, createBoard } from '../../lib/api.js'
import { locale, t } from '../../i18n/i18n.js'
import './CreateBoardForm.css'

export function CreateBoardForm(props: { onCreated: (board: CreateBoardResponse) => void }) {
  const [title, setTitle] = createSignal('')
  // Until someone edits a stage, the list follows the interface language.
  const [edited, setEdited] = createSignal<string[] | null>(null)
  const stages = () => edited() ?? locale().defaultStages
  const [form, setForm] = createStore({ busy: false, error: '' })

  const editStages = (f: (list: string[]) => string[]) => setEdited(f([...stages()]))

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (form.busy) return
    setForm({ busy: true, error: '' })
    try {
      const names = stages().map((s) => s.trim()).filter(Boolean)
      // The board's language is the maker's interface language: its exports follow it (the facilitator may change it).
      props.onCreated(await createBoard({ title: title().trim() || undefined, stages: names.length ? names : undefined, lang: locale().code }))
    } catch (err) {
      const message = err instanceof ApiCallError && err.code !== 'network' ? err.message : t('home.error.network')
      setForm({ busy: false, error: t('home.error', { message }) })
    }
  }

  return (
    <form class="create-form card" onSubmit={submit}>
      <div class="field">
        <label for="board-title">{t('home.title.label')}</label>
        <input
          id="board-title"
          dir="auto"
          maxLength={LIMITS.titleLength}
          placeholder={t('home.title.placeholder')}
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <fieldset class="field">
        <legend>{t('home.stages.legend')}</legend>
        <p class="hint">{t('home.stages.hint')}</p>
        <ol class="stage-inputs">
          <For each={stages()}>
            {(name, i) => (
              <li>
                <span class="stage-number" aria-hidden="true">
                  {i() + 1}
                </span>
                <input
                  dir="auto"
                  aria-label={t('home.stage.label', { n: i() + 1 })}
                  maxLength={LIMITS.stageNameLength}
                  value={name}
                  onInput={(e) => {
                    const v = e.currentTarget.value
                    editStages((l) => ((l[i()] = v), l))
                  }}
                />
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('home.stage.remove', { n: i() + 1 })}
                  disabled={stages().length <= 1}
                  onClick={() => editStages((l) => l.filter((_, j) => j !== i()))}
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ol>
        <button
          type="button"
          class="button subtle"
          disabled={stages().length >= LIMITS.maxStages}
          onClick={() => editStages((l) => [...l, ''])}
        >
          + {t('home.stage.add')}
        </button>
      </fieldset>
      <Show when={form.error}>
        <p class="error" role="alert">
          {form.error}
        </p>
      </Show>
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? t('home.creating') : t('home.create')}
      </button>
    </form>
  )
}
