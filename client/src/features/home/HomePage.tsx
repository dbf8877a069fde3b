// The start page: create a board (blank, from a template, or from one of my boards), then get the links to share
// and open it; and the boards this browser made or joined.
import { Show, createSignal } from 'solid-js'
import type { CreateBoardResponse } from '../../../../shared/api.js'
import { announce } from '../../lib/announce.js'
import { forgetBoard, knownBoards, rememberBoard, type KnownBoard } from '../../lib/boardList.js'
import { facilitatorKey, keepFacilitatorKey } from '../../lib/identity.js'
import { t } from '../../i18n/i18n.js'
import { MyBoards } from './MyBoards.js'
import { CreateBoardForm } from './CreateBoardForm.js'
import { Announcer } from '../../ui/Announcer.js'
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.js'
import { ShareLinks } from '../session/index.js'
import { ImportBoard } from './ImportBoard.js'
import './HomePage.css'

export function HomePage() {
  const [created, setCreated] = createSignal<CreateBoardResponse | null>(null)
  const [boards, setBoards] = createSignal(knownBoards())
  let heading!: HTMLHeadingElement
  let listHeading: HTMLHeadingElement | undefined
  /** A board this browser just made: it keeps the key (so it opens as facilitator) and lists the board. */
  const made = (b: CreateBoardResponse, title: string) => {
    keepFacilitatorKey(b.id, b.facilitatorKey)
    rememberBoard({ id: b.id, title, role: 'facilitator', lastOpened: Date.now() })
    setBoards(knownBoards())
    setCreated(b)
    heading.focus()
  }
  const forget = (b: KnownBoard) => {
    forgetBoard(b.id)
    setBoards(knownBoards())
    announce(t('home.boards.forgotten', { title: b.title || t('board.untitled') }))
    // The list, or with none left, the form.
    ;(listHeading?.isConnected ? listHeading : document.getElementById('board-title'))?.focus()
  }
  return (
    <div class="home">
      <header class="app-bar">
        <span class="brand">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main class="home-main">
        <Show
          when={created()}
          fallback={
            <>
              <h1>{t('home.heading')}</h1>
              <p class="lead">{t('home.intro')}</p>
              <CreateBoardForm mine={boards().filter((b) => facilitatorKey(b.id))} onCreated={made} />
              <MyBoards boards={boards()} onForget={forget} ref={(el) => (listHeading = el)} />
              <ImportBoard onImported={(b) => made(b, '')} />
            </>
          }
        >
          {(board) => (
            <section class="card created" aria-labelledby="created-heading">
              <h1 id="created-heading" tabIndex={-1} ref={heading}>
                {t('created.heading')}
              </h1>
              <ShareLinks participantUrl={board().participantUrl} facilitatorUrl={board().facilitatorUrl} />
              <a class="button primary" href={board().facilitatorUrl}>
                {t('created.open')}
              </a>
            </section>
          )}
        </Show>
      </main>
      <Announcer />
    </div>
  )
}
