// Records a decision or a next step for the item under discussion (or changes one): what, who owns it (a team
// or a person, in the group's words, with the board's people offered), and by when, if anyone knows.
import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { OUTCOME_KINDS, type Outcome, type OutcomeKind } from '../../../../shared/outcomes.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'

export function OutcomeForm(props: { itemId: string; editing?: Outcome; onDone?: () => void }) {
  const w = useWorkshop()
  const uid = createUniqueId()
  const [kind, setKind] = createSignal<OutcomeKind>(props.editing?.kind ?? 'decision')
  const [text, setText] = createSignal(props.editing?.text ?? '')
  const [owner, setOwner] = createSignal(props.editing?.owner ?? '')
  const [due, setDue] = createSignal(props.editing?.due ?? '')
  const refusal = () => (props.editing ? w.outcomes.editRefusal(props.editing) : w.outcomes.addRefusal())
  /** The board's people, and the owners already named, as choices (any other name or team may be typed). */
  const choices = () => {
    const names = Object.values(w.store.state.people).filter((p) => !p.removed && p.role !== 'observer').map((p) => p.name)
    return [...new Set([...w.outcomes.state.list.map((o) => o.owner).filter(Boolean), ...names])]
  }

  function submit(e: SubmitEvent) {
    e.preventDefault()
    const fields = { kind: kind(), text: text(), owner: owner(), due: due() }
    if (props.editing) {
      if (w.outcomes.edit(props.editing.id, fields)) announce(t('outcome.saved'))
      props.onDone?.()
      return
    }
    if (!w.outcomes.add(props.itemId, fields)) return
    announce(t('outcome.added', { kind: t(`outcome.kind.${kind()}`) }))
    setText('')
    setOwner('')
    setDue('')
    document.getElementById(`${uid}-text`)?.focus()
  }

  return (
    <Show when={w.store.role() !== 'observer'}>
      <form class="outcome-form" classList={{ editing: !!props.editing }} onSubmit={submit} aria-label={t(props.editing ? 'outcome.editing' : 'outcome.new')}>
        <fieldset class="outcome-kinds">
          <legend class="visually-hidden">{t('outcome.kind')}</legend>
          <For each={OUTCOME_KINDS}>
            {(k) => (
              <label class="outcome-kind-choice">
                <input type="radio" name={`${uid}-kind`} value={k} checked={kind() === k} onChange={() => setKind(k)} />
                {t(`outcome.kind.${k}`)}
              </label>
            )}
          </For>
        </fieldset>
        <div class="field outcome-text-field">
          <label for={`${uid}-text`}>{t('outcome.text')}</label>
          <textarea
            id={`${uid}-text`}
            dir="auto"
            rows={2}
            maxLength={LIMITS.noteLength}
            required
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                e.currentTarget.form?.requestSubmit()
              }
            }}
          />
        </div>
        <div class="field">
          <label for={`${uid}-owner`}>{t('outcome.owner')}</label>
          <input
            id={`${uid}-owner`}
            dir="auto"
            list={`${uid}-people`}
            maxLength={LIMITS.ownerLength}
            autocomplete="off"
            value={owner()}
            onInput={(e) => setOwner(e.currentTarget.value)}
          />
          <datalist id={`${uid}-people`}>
            <For each={choices()}>{(name) => <option value={name} />}</For>
          </datalist>
        </div>
        <div class="field">
          <label for={`${uid}-due`}>{t('outcome.due')}</label>
          <input id={`${uid}-due`} type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
        </div>
        <div class="outcome-actions">
          <button type="submit" class="button small primary" disabled={!!refusal() || !text().trim()}>
            {t(props.editing ? 'outcome.save' : 'outcome.add')}
          </button>
          <Show when={props.editing}>
            <button type="button" class="button small" onClick={() => props.onDone?.()}>
              {t('outcome.cancel')}
            </button>
          </Show>
        </div>
        <Show when={refusal()}>
          <p class="hint outcome-closed">{t('outcome.closed')}</p>
        </Show>
      </form>
    </Show>
  )
}
