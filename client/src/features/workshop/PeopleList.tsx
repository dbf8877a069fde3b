// Who is on the board: a few coloured initials in the bar, everyone in the list that opens from it.
import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js'
import { notesByAuthor } from '../../../../shared/progress.js'
import { countOf } from '../../../../shared/workshop.js'
import { useBoard } from '../board/index.js'
import { t } from '../../i18n/i18n.js'
import type { Peer } from '../presence/index.js'
import { useWorkshop } from './context.js'
import { PersonTools } from './PersonTools.js'
import { PersonProgress } from './PersonProgress.js'
import './PeopleList.css'

const AVATARS = 5
const NONE = new Map<string, number>()

const initial = (name: string) => [...name.trim()][0]?.toUpperCase() ?? '?'

export function PeopleList() {
  const { presence, board } = useBoard()
  const workshop = useWorkshop()
  // After a hand-over the board's people know the new roles before anyone's presence is stamped again.
  const role = (p: Peer) => workshop.store.state.people[p.user.id]?.role ?? p.user.role
  const name = (p: Peer) => p.user.name || t('people.anonymous')
  let details!: HTMLDetailsElement
  // The list is drawn only while open: with 500 people, a closed list costs nothing.
  const [open, setOpen] = createSignal(false)
  // Notes on the board by author, for the facilitator's progress column, counted only while the list is open.
  const written = createMemo(() => (open() && workshop.store.isFacilitator() ? notesByAuthor(Object.values(board.state.notes)) : NONE))
  // Like a menu: a click elsewhere or Escape closes the list.
  const close = (e: Event) => {
    if (!details.open) return
    if (e instanceof KeyboardEvent ? e.key === 'Escape' : !details.contains(e.target as Node)) details.open = false
  }
  document.addEventListener('pointerdown', close)
  document.addEventListener('keydown', close)
  onCleanup(() => {
    document.removeEventListener('pointerdown', close)
    document.removeEventListener('keydown', close)
  })
  return (
    <details class="people" ref={details} onToggle={() => setOpen(details.open)}>
      <summary>
        <span class="avatars" aria-hidden="true">
          <For each={presence.people().slice(0, AVATARS)}>
            {(p) => (
              <span class="avatar" style={{ '--person': p.user.color }}>
                {initial(name(p))}
              </span>
            )}
          </For>
        </span>
        <span class="people-count">{t('people.count', { count: presence.people().length })}</span>
      </summary>
      <Show when={open()}>
        <div class="people-panel">
          <h2>{t('people.heading')}</h2>
          <ul class="people-list" aria-label={t('people.heading')}>
            <For each={presence.people()}>
              {(p) => (
                <li style={{ '--person': p.user.color }} data-user-id={p.user.id}>
                  <span class="person-dot" aria-hidden="true" />
                  <span class="person-name" dir="auto">
                    {p.self ? t('people.you', { name: name(p) }) : name(p)}
                  </span>
                  <Show when={role(p) === 'facilitator'}>
                    <span class="role-tag">{t('role.facilitator')}</span>
                  </Show>
                  <Show when={workshop.store.isFacilitator() && countOf(workshop.store.state.kept, p.user.id) > 0}>
                    <span class="kept-tag" data-testid="kept-count">{t('people.kept', { count: countOf(workshop.store.state.kept, p.user.id) })}</span>
                  </Show>
                  <Show when={workshop.store.isFacilitator()}>
                    <PersonProgress personId={p.user.id} notesOnBoard={written().get(p.user.id) ?? 0} />
                  </Show>
                  <Show when={!p.self}>
                    <PersonTools personId={p.user.id} name={name(p)} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </details>
  )
}
