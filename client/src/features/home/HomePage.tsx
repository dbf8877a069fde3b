// The start page: create a board, then get the links to share and open it.
import { Show, createSignal } from 'solid-js'
import type { CreateBoardResponse } from '../../../../shared/api.js'
import { t } from '../../i18n/i18n.js'
import { CreateBoardForm } from './CreateBoardForm.js'
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.js'
import { ShareLinks } from '../session/index.js'
import { ImportBoard } from './ImportBoard.js'
import './HomePage.css'

export function HomePage() {
  const [created, setCreated] = createSignal<CreateBoardResponse | null>(null)
  let heading!: HTMLHeadingElement
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
              <CreateBoardForm
                onCreated={(b) => {
                  setCreated(b)
                  heading.focus()
                }}
              />
              <ImportBoard
                onImported={(b) => {
                  setCreated(b)
                  heading.focus()
                }}
              />
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
    </div>
  )
}
