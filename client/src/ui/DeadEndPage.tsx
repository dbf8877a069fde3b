// A page with nothing to show but why, and the way home: a board that does not exist, was deleted, or one you
// were removed from.
import { t } from '../i18n/i18n.js'
import { LanguageSwitcher } from './LanguageSwitcher.js'
import './DeadEndPage.css'

export function DeadEndPage(props: { heading: string; body: string; testId: string }) {
  return (
    <div class="home">
      <header class="app-bar">
        <a class="brand" href="/">
          {t('app.name')}
        </a>
        <LanguageSwitcher />
      </header>
      <main class="home-main card not-found" data-testid={props.testId}>
        {/* Focused when it appears (e.g. the board was deleted mid-workshop), so the reason is heard at once. */}
        <h1 tabIndex={-1} ref={(el) => queueMicrotask(() => el.focus())}>
          {props.heading}
        </h1>
        <p>{props.body}</p>
        <a class="button primary" href="/">
          {t('board.notFound.home')}
        </a>
      </main>
    </div>
  )
}
