// "Kept for you": this person's drafts, what the board could not take when it arrived (a note written
// offline that reached the board after it moved to voting, a keystroke in flight when it locked, the notes
// of a copy this device had to drop). Each says in plain words why it is here, and can be posted again
// (when the rule table allows a new note now), copied, or thrown away. A new draft is announced, and a
// notice stays on screen until the person opens the panel or dismisses it.
import { For, Show, createEffect, createSignal } from 'solid-js'
import type { Phase } from '../../../../shared/workshop.js'
import { useBoard } from '../board/index.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import { KindIcon } from '../../ui/KindIcon.js'
import { announce } from '../../lib/announce.js'
import type { MessageKey } from '../../i18n/en.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import type { ShownDraft } from './drafts.js'
import { shortText } from './NoteExtras.js'
import { ruleReason } from '../../i18n/ruleMessages.js'
import './DraftsPanel.css'

/** Why a draft is here, in plain words: from its code (shared/drafts.ts, or `reset`, `upgraded` for the device's). */
function draftWhy(code: string, phase: Phase, locked: boolean): string {
  switch (code) {
    case 'phase':
      // Said with the phase the board is in now, unless it takes notes again (the facilitator went back).
      return (phase === 'ideate' || phase === 'cluster') && !locked
        ? t('drafts.why.phase.past')
        : t('drafts.why.phase', { phase: t(`phase.${phase}` as MessageKey) })
    case 'locked':
      return t('drafts.why.locked')
    case 'taken':
      return t('drafts.why.taken')
    case 'reset':
      return t('drafts.why.reset')
    case 'upgraded':
      return t('drafts.why.upgraded')
    default:
      return t('drafts.why.other')
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // No clipboard permission (or an insecure origin): the old way, through a selected textarea.
    const ta = document.createElement('textarea')
    ta.value = text
    ta.setAttribute('readonly', '')
    ta.style.position = 'fixed'
    ta.style.opacity = '0'
    document.body.append(ta)
    ta.select()
    let ok = false
    try {
      ok = document.execCommand('copy')
    } catch {
      ok = false
    }
    ta.remove()
    return ok
  }
}

function DraftItem(props: { draft: ShownDraft; onDiscard: () => void }) {
  const { board } = useBoard()
  const w = useWorkshop()
  const d = () => props.draft
  const base = () => `draft-${d().source}-${d().id}`
  const stage = () => board.state.stages.find((s) => s.id === d().stageId)
  const refusal = () => w.drafts.refusal(d())
  const reason = () => {
    const r = refusal()
    return r ? ruleReason(r, w.store.state.session.phase) : ''
  }
  const label = () => shortText(d().text.trim()) || t('note.empty')

  async function copy() {
    const ok = await copyText(d().text)
    const msg = t(ok ? 'drafts.copied' : 'drafts.copyFailed')
    w.messages.say(msg, ok ? 'info' : 'error')
    announce(msg)
  }

  return (
    <li class={`draft kind-${d().kind}`} data-draft-id={d().id} data-draft-source={d().source} data-code={d().code}>
      <p class="draft-meta">
        <span class="kind-badge">
          <KindIcon kind={d().kind} />
          {t(`kind.${d().kind}` as MessageKey)}
        </span>
        <span class="draft-stage">{stage() ? t('drafts.stage', { stage: stage()!.name }) : t('drafts.stage.gone')}</span>
      </p>
      <p class="draft-text" dir="auto">
        {d().text}
      </p>
      <p class="draft-why" id={`${base()}-why`}>
        {draftWhy(d().code, w.store.state.session.phase, w.store.state.session.locked)}
      </p>
      <div class="draft-actions">
        <button
          type="button"
          class="button small primary draft-post"
          disabled={!!refusal()}
          title={reason() || undefined}
          aria-label={t('drafts.post.label', { text: label() })}
          aria-describedby={reason() ? `${base()}-refusal` : undefined}
          onClick={() => w.drafts.post(d())}
        >
          {t('drafts.post')}
        </button>
        <button type="button" class="button small draft-copy" aria-label={t('drafts.copy.label', { text: label() })} onClick={() => void copy()}>
          {t('drafts.copy')}
        </button>
        <button type="button" class="button small subtle draft-discard" aria-label={t('drafts.discard.label', { text: label() })} onClick={props.onDiscard}>
          {t('drafts.discard')}
        </button>
      </div>
      <Show when={reason()}>
        {/* The board's own reason (phase, lock) is said once above the list; a draft's own (its stage is
            gone) is said on it. Both are its button's description. */}
        <p class="draft-refusal hint" classList={{ 'visually-hidden': refusal()?.code !== 'stage_gone' }} id={`${base()}-refusal`}>
          {reason()}
        </p>
      </Show>
    </li>
  )
}

export function DraftsPanel() {
  const w = useWorkshop()
  const [open, setOpen] = createSignal(false)
  const [asking, setAsking] = createSignal<ShownDraft | null>(null)
  const list = () => w.drafts.all()
  const unseen = () => w.drafts.unseen().length
  let heading: HTMLHeadingElement | undefined
  /** Why no draft can be posted now (the board takes no new notes), said once for the list. */
  const boardRefusal = () => (w.store.writesPrivately() && w.privateNotes() ? null : w.store.createRefusal())

  function show() {
    setOpen(true)
    w.drafts.markSeen()
    queueMicrotask(() => heading?.focus())
  }
  // While the panel is open, what arrives in it is seen.
  createEffect(() => open() && unseen() > 0 && w.drafts.markSeen())
  // Nothing left: the panel closes with its last draft.
  createEffect(() => list().length === 0 && setOpen(false))

  function discard() {
    const d = asking()
    setAsking(null)
    if (!d) return
    w.drafts.discard(d)
    announce(t('drafts.discarded'))
  }

  return (
    <Show when={list().length > 0}>
      <section class="drafts" aria-label={t('drafts.heading')} data-testid="drafts">
        <div class="drafts-bar">
          <Show when={!open() && unseen() > 0}>
            <p class="drafts-notice" data-testid="drafts-notice">
              <span>{t('drafts.new', { count: unseen() })}</span>
            </p>
          </Show>
          <span class="drafts-buttons">
            <button
              type="button"
              class="button small drafts-toggle"
              classList={{ primary: !open() && unseen() > 0 }}
              aria-expanded={open()}
              aria-controls="drafts-body"
              onClick={() => (open() ? setOpen(false) : show())}
            >
              {t('drafts.toggle', { count: list().length })}
            </button>
            <Show when={!open() && unseen() > 0}>
              <button type="button" class="button small subtle drafts-dismiss" onClick={() => w.drafts.markSeen()}>
                {t('drafts.dismiss')}
              </button>
            </Show>
          </span>
        </div>
        <Show when={open()}>
          <div class="drafts-body" id="drafts-body" data-testid="drafts-panel">
            <h2 class="drafts-heading" ref={heading} tabIndex={-1}>
              {t('drafts.heading')}
            </h2>
            <p class="hint">{t('drafts.intro')}</p>
            <Show when={boardRefusal()}>
              {(r) => (
                <p class="drafts-refusal" data-testid="drafts-refusal">
                  {ruleReason(r(), w.store.state.session.phase)}
                </p>
              )}
            </Show>
            <ul class="drafts-list">
              <For each={list()}>{(d) => <DraftItem draft={d} onDiscard={() => setAsking(d)} />}</For>
            </ul>
          </div>
        </Show>
        <Show when={asking()}>
          {(d) => (
            <ConfirmDialog
              title={t('drafts.discard.confirm')}
              body={t('drafts.discard.body', { text: shortText(d().text.trim()) })}
              confirm={t('drafts.discard')}
              onConfirm={discard}
              onCancel={() => setAsking(null)}
            />
          )}
        </Show>
      </section>
    </Show>
  )
}
