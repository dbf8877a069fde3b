// What only the facilitator can do to the workshop: move between phases, lock the board, write privately
// or not, reveal the notes, set the vote budget and reveal the votes. The server does each of these.
import { Show, createSignal } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { PHASES } from '../../../../shared/workshop.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { LockIcon } from '../../ui/icons.js'
import './FacilitatorControls.css'
import { RoundDialog } from './RoundDialog.js'

export function FacilitatorControls() {
  const w = useWorkshop()
  const s = () => w.store.state.session
  const index = () => PHASES.indexOf(s().phase)
  const prev = () => PHASES[index() - 1]
  const next = () => PHASES[index() + 1]
  const hiddenTotal = () => Object.values(w.store.state.hidden).reduce((a, c) => a + Object.values(c).reduce((x, n) => x + n, 0), 0)

  const goTo = (phase: (typeof PHASES)[number]) => void w.messages.act({ type: 'setPhase', phase })

  const [budget, setBudget] = createSignal<number | null>(null)
  const [cap, setCap] = createSignal<number | null>(null)
  const [roundDialog, setRoundDialog] = createSignal(false)
  const clamp = (n: number) => Math.min(LIMITS.maxVotes, Math.max(LIMITS.minVotes, Math.round(n) || LIMITS.minVotes))
  async function saveBudget(e: Event) {
    e.preventDefault()
    const b = clamp(budget() ?? s().budget)
    const m = Math.min(b, clamp(cap() ?? s().maxPerItem))
    if (await w.messages.act({ type: 'setBudget', budget: b, maxPerItem: m })) {
      setBudget(null)
      setCap(null)
      announce(t('vote.budgetSaved', { count: b, max: m }))
    }
  }

  return (
    <div class="facilitator-controls" role="group" aria-label={t('facilitator.tools')}>
      <div class="control-group">
        <Show when={prev()}>
          {(p) => (
            <button type="button" class="button small" onClick={() => goTo(p())}>
              <span class="flip-rtl" aria-hidden="true">←</span>
              {t('phase.back', { phase: t(`phase.${p()}`) })}
            </button>
          )}
        </Show>
        <Show when={next()}>
          {(p) => (
            <button type="button" class="button small primary" onClick={() => goTo(p())}>
              {t('phase.next', { phase: t(`phase.${p()}`) })}
              <span class="flip-rtl" aria-hidden="true">→</span>
            </button>
          )}
        </Show>
      </div>
      <div class="control-group">
        <button type="button" class="button small" aria-pressed={s().locked} onClick={() => void w.messages.act({ type: 'setLocked', locked: !s().locked })}>
          <LockIcon open={!s().locked} />
          {t('facilitator.lock')}
        </button>
        <Show when={s().phase === 'setup' || (s().phase === 'ideate' && !s().notesRevealed)}>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={s().privateWriting}
              onChange={(e) => {
                const box = e.currentTarget
                void w.messages.act({ type: 'setPrivateWriting', on: box.checked }).then(() => (box.checked = s().privateWriting))
              }}
            />
            {t('facilitator.privateWriting')}
          </label>
        </Show>
        <Show when={s().phase === 'ideate' && s().privateWriting && !s().notesRevealed}>
          <button type="button" class="button small primary" onClick={() => void w.messages.act({ type: 'revealNotes' }).then((ok) => ok && announce(t('facilitator.revealed')))}>
            {t('facilitator.revealNotes', { count: hiddenTotal() })}
          </button>
        </Show>
      </div>
      <Show when={(s().phase === 'setup' || s().phase === 'cluster' || s().phase === 'vote') && !s().votesRevealed}>
        <form class="control-group budget" onSubmit={saveBudget}>
          <label>
            {t('vote.budget')}
            <input
              type="number"
              inputmode="numeric"
              min={LIMITS.minVotes}
              max={LIMITS.maxVotes}
              value={budget() ?? s().budget}
              onInput={(e) => setBudget(Number(e.currentTarget.value))}
            />
          </label>
          <label>
            {t('vote.maxPerItem')}
            <input
              type="number"
              inputmode="numeric"
              min={LIMITS.minVotes}
              max={LIMITS.maxVotes}
              value={cap() ?? s().maxPerItem}
              onInput={(e) => setCap(Number(e.currentTarget.value))}
            />
          </label>
          <button type="submit" class="button small" disabled={budget() === null && cap() === null}>
            {t('vote.saveBudget')}
          </button>
        </form>
      </Show>
      <Show when={s().phase === 'vote' && !s().votesRevealed}>
        <div class="control-group">
          <button type="button" class="button small primary" onClick={() => void w.messages.act({ type: 'revealVotes' }).then((ok) => ok && announce(t('vote.revealed')))}>
            {t('vote.reveal')}
          </button>
        </div>
      </Show>
      <Show when={s().phase === 'vote' && s().votesRevealed}>
        <div class="control-group">
          <button type="button" class="button small" onClick={() => void w.messages.act({ type: 'reopenVoting' }).then((ok) => ok && announce(t('vote.reopened')))}>
            {t('vote.reopen')}
          </button>
        </div>
      </Show>
      <Show when={s().phase === 'vote'}>
        <div class="control-group">
          <button type="button" class="button small" aria-haspopup="dialog" onClick={() => setRoundDialog(true)}>
            {t('round.new')}
          </button>
        </div>
      </Show>
      <Show when={roundDialog()}>
        <RoundDialog onClose={() => setRoundDialog(false)} />
      </Show>
    </div>
  )
}
