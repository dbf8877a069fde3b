// The options of a language select, each in its own language so that a lost reader finds theirs.
import { For } from 'solid-js'
import { LOCALES } from '../i18n/i18n.js'

export const LocaleOptions = () => (
  <For each={LOCALES}>
    {(l) => (
      <option value={l.code} lang={l.code}>
        {l.name}
      </option>
    )}
  </For>
)
