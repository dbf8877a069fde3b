// The boards this browser made or joined, most recently opened first, each with a way to forget it here.
import { For, Show } from 'solid-js'
import type { KnownBoard } from '../../lib/boardList.js'
import { locale, t } from '../../i18n/i18n.js'
import './MyBoards.css'

const ROLE_KEYS = { facilitator: 'role.facilitator', participant: 'role.participant', observer: 'role.observer' } as const

export function MyBoards(props: { boards: KnownBoard[]; onForget: (board: KnownBoard) => void; ref?: (el: HTMLHeadingElement) => void }) {
  const when = (ms: number) => new Intl.DateTimeFormat(locale().code, { dateStyle: 'medium', timeStyle: 'short' }).format(ms)
  return (
    <Show when={props.boards.length > 0}>
      <section class="my-boards card" aria-labelledby="my-boards-heading">
        <h2 id="my-boards-heading" tabIndex={-1} ref={props.ref}>
          {t('home.boards.heading')}
        </h2>
        <p class="hint">{t('home.boards.hint')}</p>
        <ul class="known-boards">
          <For each={props.boards}>
            {(b) => (
              <li class="known-board" data-board={b.id}>
                <a class="known-title" href={`/b/${b.id}`} dir="auto">
                  {b.title || t('board.untitled')}
                </a>
                <span class="known-role">{t(ROLE_KEYS[b.role] ?? 'role.participant')}</span>
                <span class="known-opened">{t('home.boards.opened', { date: when(b.lastOpened) })}</span>
                <button
                  type="button"
                  class="button small known-forget"
                  aria-label={t('home.boards.forgetLabel', { title: b.title || t('board.untitled') })}
                  onClick={() => props.onForget(b)}
                >
                  {t('home.boards.forget')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  )
}
