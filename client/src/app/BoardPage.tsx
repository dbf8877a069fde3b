// An open board: connects, bridges the doc and awareness into stores, asks a newcomer's name, and
// renders as soon as there is a board to show (from this device or from the server).
import { Match, Show, Switch, createEffect, createSignal, onCleanup } from 'solid-js'
import { colorFor } from '../../../shared/presence.js'
import { connectBoard } from '../features/session/connection.js'
import { BoardContext, type BoardContextValue } from '../features/board/context.js'
import { createMembership } from '../features/session/membership.js'
import { displayName, facilitatorKey, rememberName, takeFacilitatorKey, userId } from '../lib/identity.js'
import { createBoardStore } from '../features/board/boardStore.js'
import { createPresenceStore } from '../features/presence/presenceStore.js'
import { t } from '../i18n/i18n.js'
import { Announcer } from '../ui/Announcer.js'
import { BoardHeader } from './BoardHeader.js'
import { JoinDialog } from '../features/session/JoinDialog.js'
import { ShortcutHelp } from '../features/board/ShortcutHelp.js'
import { StageBoard } from '../features/board/StageBoard.js'
import { BoardViews } from '../features/map/BoardViews.js'
import { WorkshopContext } from '../features/workshop/context.js'
import { createWorkshop } from '../features/workshop/createWorkshop.js'
import { DeadEndPage } from '../ui/DeadEndPage.js'
import { WorkshopPanel } from '../features/workshop/WorkshopPanel.js'

/** The view-only link is the participant link with `?view`. */
const isObserverLink = () => new URLSearchParams(location.search).has('view')

export function BoardPage(props: { boardId: string }) {
  const boardId = props.boardId
  takeFacilitatorKey(boardId)
  const [name, setName] = createSignal(displayName())
  const observer = isObserverLink()
  const conn = connectBoard(boardId, { onUnauthorized: (reason) => workshop.onUnauthorized(reason), me: () => me() })
  const membership = createMembership(boardId, conn, name, observer)
  // Notes are signed with the id the server gave on joining (the browser's own id until then).
  const me = () => membership.session()?.participantId ?? userId()
  const board = createBoardStore(conn.doc, me)
  // The role follows the board's people (the facilitator may hand it over), else what joining granted.
  const workshop = createWorkshop({
    boardId, conn, membership, board, me, observer,
    assumedRole: () => (facilitatorKey(boardId) ? 'facilitator' : 'participant'),
  })
  const isFacilitator = () => workshop.role() === 'facilitator'
  const presence = createPresenceStore(conn.awareness)
  const [editing, setEditingSignal] = createSignal<string | null>(null)
  let caret: number | undefined

  createEffect(() => {
    const id = me()
    if (name() && !observer && !workshop.removed()) presence.actions.join({ id, name: name(), color: colorFor(id), role: isFacilitator() ? 'facilitator' : 'participant' })
  })
  const leave = () => presence.actions.leave()
  addEventListener('pagehide', leave)
  onCleanup(() => {
    removeEventListener('pagehide', leave)
    presence.dispose()
    workshop.store.dispose()
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
  // An editor open when the rule table stops allowing this change (phase, lock, a hand-over) would be
  // refused by the server: close it. (A keystroke already in flight is kept for the person as a draft.)
  createEffect(() => {
    const id = editing()
    if (!id) return
    const isPrivate = workshop.isPrivateNote(id)
    const author = (isPrivate ? workshop.privateNotes()?.state.notes[id] : board.state.notes[id])?.authorId ?? ''
    if (workshop.noteRefusal(author, 'text', isPrivate)) setEditingSignal(null)
  })

  return (
    <Switch>
      <Match when={conn.status() === 'notFound'}>
        <DeadEndPage heading={t('board.notFound.heading')} body={t('board.notFound.body')} testId="not-found" />
      </Match>
      <Match when={workshop.removed()}>
        <DeadEndPage heading={t('removed.heading')} body={t('removed.body')} testId="removed" />
      </Match>
      <Match when={true}>
        <BoardContext.Provider value={ctx}>
         <WorkshopContext.Provider value={workshop}>
          <div class="board-page">
            <BoardHeader status={conn.status()} ready={conn.ready()} />
            <Show when={conn.ready()}>
              <WorkshopPanel />
            </Show>
            <Show
              when={conn.ready()}
              fallback={
                <p class="loading" role="status">
                  {conn.status() === 'connected' ? t('board.waiting') : t('board.loading')}
                </p>
              }
            >
              <BoardViews doc={conn.doc} session={membership.session}>
                <StageBoard />
              </BoardViews>
            </Show>
            <ShortcutHelp />
            <Announcer />
          </div>
          <Show when={!name() && !observer}>
            <JoinDialog onJoin={(n) => setName(rememberName(n))} />
          </Show>
         </WorkshopContext.Provider>
        </BoardContext.Provider>
      </Match>
    </Switch>
  )
}
