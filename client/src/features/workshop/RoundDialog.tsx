// The facilitator's dialog for a new voting round: its name, the votes per person and per item, budgets per
// kind of note if any, and whether it is on every item or on the top N of this round. The server keeps this
// round's results and starts the new one.
import { For, Show, createSignal } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { NOTE_KINDS, type NoteKind } from '../../../../shared/schema.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { KindIcon } from '../../ui/KindIcon.js'
import { Modal } from '../../ui/Modal.js'
import { useWorkshop } from './context.js'
import { keptBefore } from './rounds.js'
import './RoundDialog.css'

const votes = (v: string, min: number) => Math.min(LIMITS.maxVotes, Math.max(min, Math.round(Number(v)) || min))

export function RoundDialog(props: { onClose: () => void }) {
  const w = useWorkshop()
  const s = () => w.store.state.session
  // The next round's number: the rounds kept so far, this one, then the new one.
  const next = () => keptBefore(w.store.state.rounds, s().round.id) + 2
  const [onTop, setOnTop] = createSignal(false)
  let form!: HTMLFormElement

  async function start(e: Event) {
    e.preventDefault()
    const f = new FormData(form)
    const budget = votes(String(f.get('budget')), LIMITS.minVotes)
    const maxPerItem = Math.min(budget, votes(String(f.get('maxPerItem')), LIMITS.minVotes))
    const kindBudgets: Partial<Record<NoteKind, number>> = {}
    for (const k of NOTE_KINDS) {
      const v = String(f.get(`kind-${k}`) ?? '').trim()
      if (v !== '') kindBudgets[k] = Math.min(budget, votes(v, 0))
    }
    const name = String(f.get('name') ?? '').trim() || t('round.number', { number: next() })
    const topN = onTop() ? Math.min(LIMITS.maxTopN, Math.max(1, Math.round(Number(f.get('topN'))) || 1)) : undefined
    const ok = await w.messages.act({
      type: 'startRound', name, budget, maxPerItem,
      ...(Object.keys(kindBudgets).length && { kindBudgets }), ...(topN !== undefined && { topN }),
    })
    if (!ok) return
    announce(t('round.started', { name, count: budget }))
    props.onClose()
  }

  return (
    <Modal labelledBy="round-heading" onCancel={props.onClose} class="round-dialog">
      <form ref={form} onSubmit={start}>
        <h2 id="round-heading">{t('round.heading')}</h2>
        <p class="hint">{t('round.intro')}</p>
        <div class="field">
          <label for="round-name">{t('round.name')}</label>
          <input id="round-name" name="name" dir="auto" required maxLength={LIMITS.roundNameLength}
            value={t('round.number', { number: next() })} />
        </div>
        <div class="round-numbers">
          <div class="field">
            <label for="round-budget">{t('vote.budget')}</label>
            <input id="round-budget" name="budget" type="number" inputmode="numeric" min={LIMITS.minVotes} max={LIMITS.maxVotes} value={s().budget} />
          </div>
          <div class="field">
            <label for="round-cap">{t('vote.maxPerItem')}</label>
            <input id="round-cap" name="maxPerItem" type="number" inputmode="numeric" min={LIMITS.minVotes} max={LIMITS.maxVotes} value={s().maxPerItem} />
          </div>
        </div>
        <fieldset class="field round-kinds" aria-describedby="round-kinds-hint">
          <legend>{t('round.kindBudgets')}</legend>
          <p class="hint" id="round-kinds-hint">{t('round.kindBudgets.hint')}</p>
          <div class="round-kind-grid">
            <For each={NOTE_KINDS}>
              {(k) => (
                <label class={`round-kind kind-${k}`}>
                  <KindIcon kind={k} />
                  <span>{t(`kind.${k}`)}</span>
                  <input name={`kind-${k}`} type="number" inputmode="numeric" min={0} max={LIMITS.maxVotes}
                    value={s().round.kindBudgets?.[k] ?? ''} />
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <fieldset class="field round-on">
          <legend>{t('round.on')}</legend>
          <label class="round-choice">
            <input type="radio" name="on" value="all" checked={!onTop()} onChange={() => setOnTop(false)} />
            {t('round.on.all')}
          </label>
          <label class="round-choice">
            <input type="radio" name="on" value="top" checked={onTop()} onChange={() => setOnTop(true)} />
            {t('round.on.top')}
          </label>
          <Show when={onTop()}>
            <label class="round-top">
              {t('round.topN')}
              <input name="topN" type="number" inputmode="numeric" min={1} max={LIMITS.maxTopN} value={5} />
            </label>
          </Show>
        </fieldset>
        <div class="modal-actions">
          <button type="button" class="button" onClick={props.onClose}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" class="button primary">
            {t('round.start')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
