// For the facilitator in the cluster phase: groups of notes that say nearly the same (shared/similar.ts),
// within a stage and across stages. Each is made into a cluster for everyone in one click (its notes move
// to the stage most of them are in, or join the cluster some of them already are in), or dismissed, which
// this browser remembers for the board.
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js'
import { unwrap } from 'solid-js/store'
import { suggestGroups, type GroupSuggestion } from '../../../../shared/similar.js'
import { similarIndexOf, useBoard } from '../board/index.js'
import { announce } from '../../lib/announce.js'
import { load, save } from '../../lib/storage.js'
import { throttle } from '../../lib/throttle.js'
import { formatList, t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { shortText } from './NoteExtras.js'
import './SuggestedGroups.css'

/** Shown at once; accepting or dismissing one brings the next. */
const SHOWN = 6
/** Anyone's keystroke changes a note: the suggestions follow at most this often. */
const FOLLOW_MS = 500
/** Dismissed suggestions kept per board (the oldest are forgotten). */
const KEPT = 200
const dismissedKey = (boardId: string) => `similar-dismissed:${boardId}`

function loadDismissed(boardId: string): string[][] {
  try {
    const v: unknown = JSON.parse(load(dismissedKey(boardId)) ?? '[]')
    return Array.isArray(v) ? v.filter((d): d is string[] => Array.isArray(d) && d.every((id) => typeof id === 'string')) : []
  } catch {
    return []
  }
}

export function SuggestedGroups() {
  const { board, boardId } = useBoard()
  const w = useWorkshop()
  const [version, setVersion] = createSignal(0)
  const follow = throttle(() => setVersion((v) => v + 1), FOLLOW_MS)
  onCleanup(follow.cancel)
  const fingerprint = () => Object.values(board.state.notes).map((n) => `${n.id} ${n.stageId} ${n.clusterId} ${n.text}`).join('\n')
  createEffect(on(fingerprint, () => follow(), { defer: true }))
  const all = createMemo(() => {
    version()
    return untrack(() => suggestGroups(Object.values(unwrap(board.state.notes)), { index: similarIndexOf(board) }))
  })

  const [dismissed, setDismissed] = createSignal(loadDismissed(boardId))
  // A suggestion stays hidden while it holds no note beyond one that was dismissed.
  const shown = createMemo(() => all().filter((s) => !dismissed().some((d) => s.noteIds.every((id) => d.includes(id)))))
  let list: HTMLUListElement | undefined
  /** After one goes, the focus moves on to the next suggestion (or the summary), not to the page. */
  const keepFocus = (index: number) =>
    queueMicrotask(() => {
      const buttons = list?.querySelectorAll<HTMLButtonElement>('.suggested-group-accept')
      ;(buttons?.[Math.min(index, buttons.length - 1)] ?? list?.closest('details')?.querySelector('summary'))?.focus()
    })

  function dismiss(s: GroupSuggestion, index: number) {
    const next = [...dismissed(), s.noteIds].slice(-KEPT)
    save(dismissedKey(boardId), JSON.stringify(next))
    setDismissed(next)
    announce(t('groups.dismissed'))
    keepFocus(index)
  }

  function accept(s: GroupSuggestion, index: number) {
    if (!w.clustering.groupAll(s.noteIds, s.clusterId)) return
    setVersion((v) => v + 1)
    announce(t('groups.accepted', { count: s.noteIds.length, stage: stageName(s.stageId) }))
    keepFocus(index)
  }

  const stageName = (id: string) => board.state.stages.find((s) => s.id === id)?.name ?? ''
  const textOf = (id: string) => board.state.notes[id]?.text.trim() || t('note.empty')
  function where(s: GroupSuggestion) {
    const stage = stageName(s.stageId)
    if (s.clusterId) return t('groups.join', { name: w.clustering.name(s.clusterId), stage })
    if (!s.acrossStages) return t('groups.within', { stage })
    const stages = [...new Set(s.noteIds.map((id) => board.state.notes[id]?.stageId ?? ''))].map(stageName)
    return t('groups.across', { stages: formatList(stages), stage })
  }

  return (
    <Show when={shown().length}>
      <details class="suggested-groups" open data-testid="suggested-groups">
        <summary>{t('groups.toggle', { count: shown().length })}</summary>
        <p class="hint">{t('groups.intro')}</p>
        <ul class="suggested-groups-list" ref={list}>
          <For each={shown().slice(0, SHOWN)}>
            {(s, i) => (
              <li class="suggested-group" data-notes={s.noteIds.join(' ')}>
                <p class="suggested-group-where">{where(s)}</p>
                <ul class="suggested-group-notes">
                  <For each={s.noteIds}>
                    {(id) => (
                      <li classList={{ 'suggested-group-note': true, [`kind-${board.state.notes[id]?.kind}`]: true }} dir="auto">
                        <span class="suggested-group-text">{textOf(id)}</span>
                        <Show when={s.acrossStages}>
                          <span class="suggested-group-stage"> · {stageName(board.state.notes[id]?.stageId ?? '')}</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
                <div class="suggested-group-actions">
                  <button
                    type="button"
                    class="button small primary suggested-group-accept"
                    aria-label={t('groups.accept.label', { text: shortText(textOf(s.noteIds[0]!)) })}
                    onClick={() => accept(s, i())}
                  >
                    {t('groups.accept')}
                  </button>
                  <button
                    type="button"
                    class="button small subtle suggested-group-dismiss"
                    aria-label={t('groups.dismiss.label', { text: shortText(textOf(s.noteIds[0]!)) })}
                    onClick={() => dismiss(s, i())}
                  >
                    {t('groups.dismiss')}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  )
}
