// What a person sees once the facilitator has removed them from the board.
import { LanguageSwitcher } from '../components/LanguageSwitcher.js'
import { t } from '../i18n/i18n.js'

export function RemovedNotice() {
  return (
    <div class="home">
      <header class="app-bar">
        <a class="brand" href="/">
          {t('app.name')}
        </a>
        <LanguageSwitcher />
      </header>
      <main class="home-main card not-found" data-testid="removed">
        <h1>{t('removed.heading')}</h1>
        <p>{t('removed.body')}</p>
        <a class="button primary" href="/">
          {t('board.notFound.home')}
        </a>
      </main>
    </div>
  )
}
