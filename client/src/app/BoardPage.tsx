// An open board: connects, bridges the doc and awareness into stores, asks a newcomer's name, and
// renders as soon as there is a board to show (from this device or from the server).
import { Match, Show, Switch, createEffect, createSignal, onCleanup } from 'solid-js'
import { colorFor } from '../../../shared/presence.js'
import { connectBoard, createMembership, JoinDialog } from '../features/session/index.js'
import { BoardContext, type BoardContextValue, createBoardSearch, createBoardStore, ShortcutHelp, StageBoard, UndoNotice } from '../features/board/index.js'
import { displayName, facilitatorKey, rememberName, takeFacilitatorKey, userId } from '../lib/identity.js'
import { createPresenceStore } from '../features/presence/index.js'
import { t } from '../i18n/i18n.js'
import { Announcer } from '../ui/Announcer.js'
import { BoardHeader } from './BoardHeader.js'
import { BoardViews } from '../features/map/index.js'
import { createWorkshop, MapItemComments, WorkshopContext, WorkshopPanel, workshopSlots } from '../features/workshop/index.js'
import { DeadEndPage } from '../ui/DeadEndPage.js'
import { ApiCallError, deleteBoard } from '../lib/api.js'
import { forgetBoard, rememberBoard } from '../lib/boardList.js'
import { createNextTaskSignal } from '../lib/progressive.js'
import './BoardPage.css'

/** The view-only link is the participant link with `?view`. */
const isObserverLink = () => new URLSearchParams(location.search).has('view')

export function BoardPage(props: { boardId: string }) {
  const boardId = props.boardId
  takeFacilitatorKey(boardId)
  const [name, setName] = createSignal(displayName())
  const observer = isObserverLink()
  const conn = connectBoard(boardId, { onUnauthorized: (reason) => workshop.removal.onUnauthorized(reason), me: () => me() })
  const membership = createMembership(boardId, conn, name, observer)
  // Notes are signed with the id the server gave on joining (the browser's own id until then).
  const me = () => membership.session()?.participantId ?? userId()
  const board = createBoardStore(conn.doc, me)
  // The role follows the board's people (the facilitator may hand it over), else what joining granted.
  const workshop = createWorkshop({
    boardId, conn, membership, board, me, observer,
    assumedRole: () => (facilitatorKey(boardId) ? 'facilitator' : 'participant'),
  })
  const isFacilitator = () => workshop.store.role() === 'facilitator'
  const presence = createPresenceStore(conn.awareness)
  const [editing, setEditingSignal] = createSignal<string | null>(null)
  let caret: number | undefined
  // The search looks at what this person sees: the board's notes and their own private ones (a revealed
  // note is briefly in both; the board's copy counts), with the workshop's cluster names and people.
  const search = createBoardSearch({
    notes: () => {
      const own = workshop.privateNotes()?.state.notes
      const onBoard = Object.values(board.state.notes)
      return own ? [...onBoard, ...Object.values(own).filter((n) => !board.state.notes[n.id])] : onBoard
    },
    clusterName: (id) => workshop.store.state.clusters[id]?.name,
    authorName: (id) => workshop.store.state.people[id]?.name,
    keep: editing,
    me,
  })

  // This browser's list of boards (the start page): opened now, under its title and this person's role as they are.
  let opened = false
  createEffect(() => {
    if (!conn.ready() || conn.status() === 'deleted' || workshop.removal.removed()) return
    rememberBoard({ id: boardId, title: board.state.title, role: workshop.store.role(), ...(opened ? {} : { lastOpened: Date.now() }) })
    opened = true
  })
  // Deleted: this browser forgets it too (its key, its membership, its entry).
  createEffect(() => conn.status() === 'deleted' && forgetBoard(boardId))
  async function deleteThisBoard() {
    const token = membership.session()?.token
    if (!token) throw new ApiCallError('network', 'no token yet') // shown as "cannot reach the server": join first
    await deleteBoard(boardId, token)
    conn.markDeleted()
  }

  createEffect(() => {
    const id = me()
    if (name() && !observer && !workshop.removal.removed()) presence.actions.join({ id, name: name(), color: workshop.store.state.people[id]?.color ?? colorFor(id), role: isFacilitator() ? 'facilitator' : 'participant' })
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

  // The board is drawn in the task after the one that brought it: decoding a thousand notes is enough for one.
  const drawn = createNextTaskSignal(conn.ready)

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
    rules: workshop.boardRules,
    slots: workshopSlots,
    search,
    undo: workshop.undo,
  }
  // An editor open when the rule table stops allowing this change (phase, lock, a hand-over) would be
  // refused by the server: close it. (A keystroke already in flight is kept for the person as a draft.)
  createEffect(() => {
    const id = editing()
    if (!id) return
    if (workshop.boardRules.noteRefusal(id, 'text')) setEditingSignal(null)
  })

  return (
    <Switch>
      <Match when={conn.status() === 'deleted'}>
        <DeadEndPage heading={t('board.deleted.heading')} body={t('board.deleted.body')} testId="deleted" />
      </Match>
      <Match when={conn.status() === 'notFound'}>
        <DeadEndPage heading={t('board.notFound.heading')} body={t('board.notFound.body')} testId="not-found" />
      </Match>
      <Match when={workshop.removal.removed()}>
        <DeadEndPage heading={t('removed.heading')} body={t('removed.body')} testId="removed" />
      </Match>
      <Match when={true}>
        <BoardContext.Provider value={ctx}>
         <WorkshopContext.Provider value={workshop}>
          <div class="board-page">
            <BoardHeader status={conn.status()} ready={conn.ready()} onDeleteBoard={deleteThisBoard} />
            <Show when={drawn()}>
              <WorkshopPanel />
            </Show>
            <Show
              when={drawn()}
              fallback={
                <p class="loading" role="status">
                  {conn.status() === 'connected' ? t('board.waiting') : t('board.loading')}
                </p>
              }
            >
              <BoardViews
                doc={conn.doc}
                session={membership.session}
                phase={() => workshop.store.state.session.phase}
                wanted={workshop.lead.wantedView}
                onChoose={workshop.lead.movedAway}
                itemFoot={MapItemComments}
              >
                <StageBoard />
              </BoardViews>
            </Show>
            <ShortcutHelp />
            <UndoNotice />
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
