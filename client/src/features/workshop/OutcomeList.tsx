// The decisions and next steps recorded for one ranked item (outcomes.ts): what each says, its owner and due
// date; its author and the facilitator change or delete it.
import { For, Show, createSignal } from 'solid-js'
import type { Outcome } from '../../../../shared/outcomes.js'
import { announce } from '../../lib/announce.js'
import { locale, t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { OutcomeForm } from './OutcomeForm.js'

/** A due date in the reader's calendar and digits (the date itself is stored as YYYY-MM-DD). */
export function formatDue(due: string, lang: string): string {
  const [y, m, d] = due.split('-').map(Number)
  if (!y || !m || !d) return due
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

export function OutcomeList(props: { itemId: string }) {
  const w = useWorkshop()
  const list = () => w.outcomes.of(props.itemId)
  return (
    <Show when={list().length} fallback={<p class="hint">{t('outcome.none')}</p>}>
      <ul class="outcomes" aria-label={t('outcome.list')} data-testid="outcomes">
        <For each={list()}>{(o) => <OutcomeRow outcome={o} />}</For>
      </ul>
    </Show>
  )
}

function OutcomeRow(props: { outcome: Outcome }) {
  const w = useWorkshop()
  const [editing, setEditing] = createSignal(false)
  const o = () => props.outcome
  const author = () => w.store.state.people[o().authorId]?.name ?? ''
  const mayEdit = () => !w.outcomes.editRefusal(o())
  const mayDelete = () => !w.outcomes.deleteRefusal(o())

  function remove() {
    if (w.outcomes.remove(o().id)) announce(t('outcome.deleted'))
  }

  return (
    <li class="outcome" classList={{ [`outcome-${o().kind}`]: true }} data-outcome-id={o().id}>
      <Show
        when={!editing()}
        fallback={<OutcomeForm itemId={o().itemId} editing={o()} onDone={() => setEditing(false)} />}
      >
        <span class="outcome-kind">{t(`outcome.kind.${o().kind}`)}</span>
        <p class="outcome-text" dir="auto">
          {o().text}
        </p>
        <p class="outcome-meta">
          <span>
            {t('outcome.owner.short')}: <bdi class="outcome-owner">{o().owner || t('outcome.noOwner')}</bdi>
          </span>
          <Show when={o().due}>
            <span>
              {t('outcome.due.short')}: <bdi>{formatDue(o().due, locale().code)}</bdi>
            </span>
          </Show>
          <Show when={author()}>
            <span class="outcome-author">
              {t('outcome.by')} <bdi>{author()}</bdi>
            </span>
          </Show>
        </p>
        <Show when={mayEdit() || mayDelete()}>
          <span class="outcome-tools">
            <Show when={mayEdit()}>
              <button type="button" class="button small subtle" aria-label={t('outcome.editOne', { text: o().text })} onClick={() => setEditing(true)}>
                {t('outcome.edit')}
              </button>
            </Show>
            <Show when={mayDelete()}>
              <button type="button" class="button small subtle" aria-label={t('outcome.deleteOne', { text: o().text })} onClick={remove}>
                {t('outcome.delete')}
              </button>
            </Show>
          </span>
        </Show>
      </Show>
    </li>
  )
}
