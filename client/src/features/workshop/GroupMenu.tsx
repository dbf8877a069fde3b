// The keyboard way to cluster: from a note's "Group with…" button (or G on a focused note), pick a
// cluster to join or a lone note to start a cluster with, or take the note out of its cluster.
import { For, Show, createMemo, createSignal } from 'solid-js'
import { matches } from '../../../../shared/textMatch.js'
import { useBoard } from '../board/index.js'
import { Modal } from '../../ui/Modal.js'
import { announce } from '../../lib/announce.js'
import { fieldDir } from '../../lib/bidi.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { shortText } from './NoteExtras.js'
import './GroupMenu.css'

interface Choice {
  key: string
  label: string
  /** What a search looks in: the whole text, not the shortened label. */
  text: string
  run: () => void
}

export function GroupMenu(props: { noteId: string }) {
  const { board } = useBoard()
  const w = useWorkshop()
  const note = () => board.state.notes[props.noteId]
  // Searched as readers of Arabic and Persian expect: «كتاب» finds «کتاب» (shared/textMatch.ts).
  const [query, setQuery] = createSignal('')
  const close = () => {
    const id = props.noteId // read before the menu closes: afterwards it is gone
    w.clustering.setGrouping(null)
    queueMicrotask(() => document.getElementById(`note-${id}`)?.focus())
  }
  const choose = (run: () => void) => {
    run()
    close()
  }

  // Targets stage by stage, the note's own stage first: clusters, then lone notes.
  const sections = createMemo(() => {
    const own = note()
    if (!own) return []
    const stages = [...board.state.stages].sort((a, b) => (a.id === own.stageId ? -1 : b.id === own.stageId ? 1 : 0))
    return stages
      .map((stage) => {
        const ids = board.state.stageNotes[stage.id] ?? []
        const choices: Choice[] = []
        const seen = new Set<string>()
        for (const id of ids) {
          const c = board.state.notes[id]?.clusterId
          if (!c || seen.has(c) || c === own.clusterId || !w.store.state.clusters[c]) continue
          seen.add(c)
          const name = shortText(w.clustering.name(c))
          choices.push({ key: `c:${c}`, label: t('cluster.menu.into', { name }), text: w.clustering.name(c), run: () => w.clustering.group(props.noteId, { clusterId: c }) })
        }
        for (const id of ids) {
          const n = board.state.notes[id]
          if (!n || id === props.noteId || n.clusterId) continue
          const text = shortText(n.text.trim()) || t('note.empty')
          choices.push({ key: `n:${id}`, label: t('cluster.menu.with', { text }), text: n.text, run: () => w.clustering.group(props.noteId, { noteId: id }) })
        }
        return { stage, choices }
      })
      .filter((s) => s.choices.length > 0)
  })
  const shown = createMemo(() =>
    sections()
      .map((s) => ({ ...s, choices: s.choices.filter((c) => matches(c.text, query())) }))
      .filter((s) => s.choices.length > 0),
  )

  function takeOut() {
    const c = note()?.clusterId
    if (!c) return
    const name = w.clustering.name(c)
    w.clustering.takeOut(props.noteId)
    announce(t('cluster.takenOut', { name }))
  }

  return (
    <Modal labelledBy="group-heading" onCancel={close} class="group-menu">
      <h2 id="group-heading">{t('cluster.menu.heading')}</h2>
      <p class="group-note" dir="auto">
        {shortText(note()?.text.trim() ?? '') || t('note.empty')}
      </p>
      <Show when={note()?.clusterId}>
        {(c) => (
          <button type="button" class="button group-choice" onClick={() => choose(takeOut)}>
            {t('cluster.menu.takeOut', { name: shortText(w.clustering.name(c())) })}
          </button>
        )}
      </Show>
      <Show when={sections().length > 0}>
        <input
          type="search"
          class="group-search"
          dir={fieldDir(query(), t('cluster.menu.search'))}
          aria-label={t('cluster.menu.search')}
          placeholder={t('cluster.menu.search')}
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </Show>
      <Show
        when={shown().length > 0}
        fallback={<p class="hint" role="status">{sections().length ? t('cluster.menu.noMatch', { query: query() }) : t('cluster.menu.none')}</p>}
      >
        <For each={shown()}>
          {(s) => (
            <section class="group-section" aria-labelledby={`group-stage-${s.stage.id}`}>
              <h3 id={`group-stage-${s.stage.id}`} dir="auto">
                {s.stage.name}
              </h3>
              <ul>
                <For each={s.choices}>
                  {(c) => (
                    <li>
                      <button type="button" class="button group-choice" dir="auto" onClick={() => choose(c.run)}>
                        {c.label}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
      <div class="modal-actions">
        <button type="button" class="button" onClick={close}>
          {t('confirm.cancel')}
        </button>
      </div>
    </Modal>
  )
}
