// Switches the interface language; the choice is remembered and mirrors the layout for ar/fa.
import { locale, setLocale, t } from '../i18n/i18n.js'
import { LocaleOptions } from './LocaleOptions.js'
import type { LocaleCode } from '../i18n/locales.js'

export function LanguageSwitcher() {
  return (
    <label class="lang-switch">
      <span class="visually-hidden">{t('lang.label')}</span>
      <svg class="lang-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9M12 3c-2.5 2.5-3.5 5.5-3.5 9s1 6.5 3.5 9" />
      </svg>
      <select value={locale().code} onChange={(e) => setLocale(e.currentTarget.value as LocaleCode)}>
        <LocaleOptions />
      </select>
    </label>
  )
}
