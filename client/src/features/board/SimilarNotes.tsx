// Under a composer, while someone types: the notes already on the board (or among their own private ones)
// that say nearly the same, each with its stage and the shared words marked, so that they can go to that
// note, or react to it through the board's slot, rather than write it again.
import { For, Show, createEffect, createMemo, on } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { sharedWordRanges } from '../../../../shared/similarWords.js'
import { t } from '../../i18n/i18n.js'
import { MarkedText } from '../../ui/MarkedText.js'
import { noteElementId } from '../presence/index.js'
import { useBoard } from './context.js'
import { similarIndexOf } from './similarNotes.js'
import './SimilarNotes.css'

const SHOWN = 3
/** Fewer letters than this say too little to compare. */
const MIN_LENGTH = 3

/** Brings a note into view and gives it the focus (on a phone, its stage scrolls in). */
function goTo(id: string) {
  const el = document.getElementById(noteElementId(id))
  el?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' })
  el?.focus({ preventScroll: true })
}

/** The boards a composer's text is compared with: the board, and the private notes while writing privately. */
const storesOf = ({ board, rules }: ReturnType<typeof useBoard>) => [...new Set([board, rules.noteTarget()])]

/** For a composer's focus: its indexes are built in an idle moment as the person starts to write, not on
 *  their first keystroke (about 50 ms on a board of a thousand notes). */
export function warmsSimilarNotes() {
  const ctx = useBoard()
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 50))
  return () => void idle(() => storesOf(ctx).forEach(similarIndexOf))
}

export function SimilarNotes(props: { text: string; id: string }) {
  const ctx = useBoard()
  const { board, slots } = ctx
  const query = () => props.text.trim()
  const found = createMemo(() => {
    const q = query()
    if (q.length < MIN_LENGTH) return []
    return storesOf(ctx)
      .flatMap((store) => similarIndexOf(store).similarTo(q, SHOWN).map((m) => ({ ...m, note: store.state.notes[m.id]! })))
      .filter((m, i, all) => m.note && all.findIndex((o) => o.id === m.id) === i)
      .sort((a, b) => b.score - a.score)
      .slice(0, SHOWN)
  })
  const stageName = (stageId: string) => board.state.stages.find((s) => s.id === stageId)?.name ?? ''
  let list: HTMLUListElement | undefined
  // On a phone the list would open below the screen's edge, under the keyboard: it comes into view.
  createEffect(on(() => found().length > 0, (any) => any && queueMicrotask(() => list?.scrollIntoView({ block: 'nearest' }))))

  return (
    <div class="similar-notes" data-testid="similar-notes">
      <p class="visually-hidden" role="status">
        {found().length ? t('similar.count', { count: found().length }) : ''}
      </p>
      <Show when={found().length}>
        <p class="similar-notes-heading" id={`${props.id}-similar`}>
          {t('similar.heading')}
        </p>
        <ul class="similar-notes-list" ref={list} aria-labelledby={`${props.id}-similar`}>
          <For each={found()}>
            {(m) => (
              <li class={`similar-note kind-${m.note.kind}`} data-similar-id={m.id}>
                <button
                  type="button"
                  class="similar-note-go"
                  aria-label={t('similar.go', { text: m.note.text, stage: stageName(m.note.stageId) })}
                  onClick={() => goTo(m.id)}
                >
                  <span class="similar-note-text" dir="auto">
                    <MarkedText text={m.note.text} ranges={sharedWordRanges(m.note.text, query())} />
                  </span>
                  <span class="similar-note-stage">{t('similar.stage', { stage: stageName(m.note.stageId) })}</span>
                </button>
                {/* What else can be done with that note from here (e.g. a reaction): the workshop's. */}
                <Show when={slots.similarNoteActions}>{(actions) => <Dynamic component={actions()} id={m.id} />}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}
