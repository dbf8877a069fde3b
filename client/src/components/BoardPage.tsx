// An open board: connects, bridges the doc and awareness into stores, asks a newcomer's name, and
// renders as soon as there is a board to show (from this device or from the server).
import { Match, Show, Switch, createEffect, createSignal, onCleanup } from 'solid-js'
import { colorFor } from '../../../shared/presence.js'
import { connectBoard } from '../board/connection.js'
import { BoardContext, type BoardContextValue } from '../board/context.js'
import { createMembership } from '../board/membership.js'
import { displayName, facilitatorKey, rememberName, takeFacilitatorKey, userId } from '../lib/identity.js'
import { createBoardStore } from '../stores/boardStore.js'
import { createPresenceStore } from '../stores/presenceStore.js'
import { t } from '../i18n/i18n.js'
import { Announcer } from './Announcer.js'
import { BoardHeader } from './BoardHeader.js'
import { JoinDialog } from './JoinDialog.js'
import { LanguageSwitcher } from './LanguageSwitcher.js'
import { ShortcutHelp } from './ShortcutHelp.js'
import { StageBoard } from './StageBoard.js'

export function BoardPage(props: { boardId: string }) {
  const boardId = props.boardId
  takeFacilitatorKey(boardId)
  const [name, setName] = createSignal(displayName())
  const conn = connectBoard(boardId, { onUnauthorized: () => membership.rejoin() })
  const membership = createMembership(boardId, conn, name)
  // Notes are signed with the id the server gave on joining (the browser's own id until then).
  const me = () => membership.session()?.participantId ?? userId()
  const isFacilitator = () => {
    const role = membership.session()?.role
    return role ? role === 'facilitator' : !!facilitatorKey(boardId)
  }
  const board = createBoardStore(conn.doc, me)
  const presence = createPresenceStore(conn.awareness)
  const [editing, setEditingSignal] = createSignal<string | null>(null)
  let caret: number | undefined

  createEffect(() => {
    const id = me()
    if (name()) presence.actions.join({ id, name: name(), color: colorFor(id), role: isFacilitator() ? 'facilitator' : 'participant' })
  })
  const leave = () => presence.actions.leave()
  addEventListener('pagehide', leave)
  onCleanup(() => {
    removeEventListener('pagehide', leave)
    presence.dispose()
    board.dispose()
    conn.destroy()
  })

  const ctx: BoardContextValue = {
    boardId,
    board,
    presence,
    isFacilitator,
    editing,
    setEditing(id, at) {
      caret = at
      setEditingSignal(id)
    },
    pendingCaret: () => caret,
    keepCaret: (at) => (caret = at),
  }

  return (
    <Switch>
      <Match when={conn.status() === 'notFound'}>
        <div class="home">
          <header class="app-bar">
            <a class="brand" href="/">
              {t('app.name')}
            </a>
            <LanguageSwitcher />
          </header>
          <main class="home-main card not-found" data-testid="not-found">
            <h1>{t('board.notFound.heading')}</h1>
            <p>{t('board.notFound.body')}</p>
            <a class="button primary" href="/">
              {t('board.notFound.home')}
            </a>
          </main>
        </div>
      </Match>
      <Match when={true}>
        <BoardContext.Provider value={ctx}>
          <div class="board-page">
            <BoardHeader status={conn.status()} ready={conn.ready()} />
            <Show
              when={conn.ready()}
              fallback={
                <p class="loading" role="status">
                  {conn.status() === 'connected' ? t('board.waiting') : t('board.loading')}
                </p>
              }
            >
              <StageBoard />
            </Show>
            <ShortcutHelp />
            <Announcer />
          </div>
          <Show when={!name()}>
            <JoinDialog onJoin={(n) => setName(rememberName(n))} />
          </Show>
        </BoardContext.Provider>
      </Match>
    </Switch>
  )
}
