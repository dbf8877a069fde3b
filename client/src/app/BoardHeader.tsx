// The bar above the board: map name, role, connection, people, sharing, language.
import { Show, createSignal } from 'solid-js'
import { ConnectionStatus, ShareDialog, type ConnectionState } from '../features/session/index.js'
import { BoardSearch, UndoButtons, useBoard } from '../features/board/index.js'
import { t } from '../i18n/i18n.js'
import { PeopleList, useWorkshop } from '../features/workshop/index.js'
import { LanguageSwitcher } from '../ui/LanguageSwitcher.js'
import { joinedCount } from '../../../shared/progress.js'
import { BoardMenu } from './BoardMenu.js'
import './BoardHeader.css'

export function BoardHeader(props: { status: ConnectionState; ready: boolean; onDeleteBoard: () => Promise<void> }) {
  const { board, boardId, isFacilitator } = useBoard()
  const workshop = useWorkshop()
  const [sharing, setSharing] = createSignal(false)
  return (
    <header class="app-bar board-bar">
      <a class="brand" href="/">
        {t('app.name')}
      </a>
      <h1 class="board-title" dir="auto">
        {board.state.title || (props.ready ? t('board.untitled') : '')}
      </h1>
      <BoardSearch />
      <div class="bar-end">
        <Show when={workshop.store.role() !== 'observer'}>
          <UndoButtons />
        </Show>
        <Show
          when={workshop.store.role() === 'observer'}
          fallback={<span class="role-tag">{isFacilitator() ? t('role.facilitator') : t('role.participant')}</span>}
        >
          <span class="role-tag view-only" data-testid="view-only">
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
              <circle cx="12" cy="12" r="3" />
            </svg>
            {t('role.observer')}
          </span>
        </Show>
        <ConnectionStatus status={props.status} />
        <PeopleList />
        <button type="button" class="button" onClick={() => setSharing(true)}>
          {t('board.share')}
        </button>
        <Show when={isFacilitator()}>
          <BoardMenu title={board.state.title} onDelete={props.onDeleteBoard} />
        </Show>
      </div>
      <LanguageSwitcher />
      <Show when={sharing()}>
        <ShareDialog
          boardId={boardId}
          onClose={() => setSharing(false)}
          title={board.state.title}
          joined={joinedCount(workshop.store.state.people)}
        />
      </Show>
    </header>
  )
}
