// Names the map and chooses how it starts: the five usual stages (in the interface language, until edited), a
// journey template (its stages and lanes shown before it is chosen), or one of this browser's own boards.
import { For, Match, Show, Switch, createSignal } from 'solid-js'
import { createStore } from 'solid-js/store'
import { LIMITS, type CreateBoardRequest, type CreateBoardResponse } from '../../../../shared/api.js'
import { TEMPLATES, TEMPLATE_IDS, type TemplateId } from '../../../../shared/templates.js'
import { ApiCallError, createBoard } from '../../lib/api.js'
import type { KnownBoard } from '../../lib/boardList.js'
import { facilitatorKey } from '../../lib/identity.js'
import { locale, t } from '../../i18n/i18n.js'
import { TemplatePreview } from './TemplatePreview.js'
import './CreateBoardForm.css'

type Start = TemplateId | 'mine'

export function CreateBoardForm(props: {
  /** Boards of this browser's that it holds the facilitator key of: a new board may start from one. */
  mine: KnownBoard[]
  onCreated: (board: CreateBoardResponse, title: string) => void
}) {
  const [title, setTitle] = createSignal('')
  const [start, setStart] = createSignal<Start>('default')
  const [source, setSource] = createSignal('')
  const sourceBoard = () => props.mine.find((b) => b.id === source()) ?? props.mine[0]
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
      const lang = locale().code
      const chosen = start()
      const own = title().trim()
      let req: CreateBoardRequest
      let shownTitle: string
      if (chosen === 'mine') {
        const from = sourceBoard()
        const key = from && facilitatorKey(from.id)
        if (!from || !key) return setForm({ busy: false })
        req = { from: { boardId: from.id, facilitatorKey: key } }
        shownTitle = own || from.title
      } else if (chosen === 'default') {
        const names = stages().map((s) => s.trim()).filter(Boolean)
        req = { stages: names.length ? names : undefined }
        shownTitle = own || TEMPLATES.default.title.en // what the server names a board made without one
      } else {
        req = { template: chosen }
        shownTitle = own || TEMPLATES[chosen].title[lang]
      }
      // The board's language is the maker's interface language: its exports follow it (the facilitator may change it).
      props.onCreated(await createBoard({ title: own || undefined, lang, ...req }), shownTitle)
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
      <fieldset class="field start-from">
        <legend>{t('home.start.legend')}</legend>
        <div class="start-options">
          <For each={TEMPLATE_IDS}>
            {(id) => (
              <label class="start-option" data-start={id}>
                <input type="radio" name="start" value={id} checked={start() === id} onChange={() => setStart(id)} />
                <span class="start-text">
                  <span class="start-name">{TEMPLATES[id].name[locale().code]}</span>
                  <span class="start-summary">{TEMPLATES[id].summary[locale().code]}</span>
                </span>
              </label>
            )}
          </For>
          <Show when={props.mine.length > 0}>
            <label class="start-option" data-start="mine">
              <input type="radio" name="start" value="mine" checked={start() === 'mine'} onChange={() => setStart('mine')} />
              <span class="start-text">
                <span class="start-name">{t('home.start.mine')}</span>
                <span class="start-summary">{t('home.start.mine.hint')}</span>
              </span>
            </label>
          </Show>
        </div>
      </fieldset>
      <Switch>
        <Match when={start() === 'mine' && sourceBoard()}>
          {(from) => (
            <div class="field">
              <label for="start-board">{t('home.start.mine.label')}</label>
              <select id="start-board" value={from().id} onChange={(e) => setSource(e.currentTarget.value)}>
                <For each={props.mine}>{(b) => <option value={b.id}>{b.title || t('board.untitled')}</option>}</For>
              </select>
            </div>
          )}
        </Match>
        <Match when={start() !== 'default' && start() !== 'mine' && TEMPLATES[start() as TemplateId]}>
          {(template) => <TemplatePreview template={template()} lang={locale().code} />}
        </Match>
        <Match when={start() === 'default'}>
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
        </Match>
      </Switch>
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
