// The languages of the interface: catalogue, writing direction, and the default stages in that language.
import { DEFAULT_STAGE_NAMES } from '../../../shared/schema.js'
import { ar } from './ar.js'
import { en, type Messages } from './en.js'
import { fa } from './fa.js'

export interface Locale {
  code: 'en' | 'ar' | 'fa'
  /** The language's own name, so a lost reader finds theirs in the switcher. */
  name: string
  dir: 'ltr' | 'rtl'
  messages: Messages
  defaultStages: readonly string[]
}

export const LOCALES: readonly Locale[] = [
  { code: 'en', name: 'English', dir: 'ltr', messages: en, defaultStages: DEFAULT_STAGE_NAMES.en },
  { code: 'ar', name: 'العربية', dir: 'rtl', messages: ar, defaultStages: DEFAULT_STAGE_NAMES.ar },
  { code: 'fa', name: 'فارسی', dir: 'rtl', messages: fa, defaultStages: DEFAULT_STAGE_NAMES.fa },
]

export type LocaleCode = Locale['code']

export const findLocale = (code: string | null | undefined): Locale | undefined =>
  LOCALES.find((l) => code && (code === l.code || code.toLowerCase().startsWith(l.code + '-')))

/** The first of the browser's preferred languages that we have, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const p of preferred) {
    const l = findLocale(p)
    if (l) return l
  }
  return LOCALES[0]!
}
