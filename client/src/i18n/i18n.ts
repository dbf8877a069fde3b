// The interface language: chosen from the browser, switchable, remembered; sets <html lang dir> so the
// whole layout mirrors in Arabic and Persian. Components call t(); no user-visible text lives elsewhere.
import { createRoot, createSignal } from 'solid-js'
import { load, save } from '../lib/storage.js'
import type { MessageKey } from './en.js'
import { LOCALES, findLocale, pickLocale, type Locale, type LocaleCode } from './locales.js'

type Params = Record<string, string | number>

const initial = (): Locale => {
  const nav = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]
  return findLocale(load('lang')) ?? pickLocale(nav)
}

const [locale, setLocaleSignal] = createRoot(() => createSignal<Locale>(initial()))
export { locale, LOCALES }

const pluralRules = new Map<string, Intl.PluralRules>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function applyToDocument(l: Locale) {
  if (typeof document === 'undefined') return
  document.documentElement.lang = l.code
  document.documentElement.dir = l.dir
}
applyToDocument(locale())

export function setLocale(code: LocaleCode) {
  const l = findLocale(code)
  if (!l) return
  save('lang', l.code)
  setLocaleSignal(l)
  applyToDocument(l)
}

export const formatNumber = (n: number) => {
  const code = locale().code
  let f = numberFormats.get(code)
  if (!f) numberFormats.set(code, (f = new Intl.NumberFormat(code)))
  return f.format(n)
}

/** The message for `key` in the current language, with {placeholders} filled; {count} picks a plural form. */
export function t(key: MessageKey, params: Params = {}): string {
  const l = locale()
  const msg = l.messages[key]
  let text: string
  if (typeof msg === 'string') text = msg
  else {
    let rules = pluralRules.get(l.code)
    if (!rules) pluralRules.set(l.code, (rules = new Intl.PluralRules(l.code)))
    const n = Number(params.count ?? 0)
    text = msg[rules.select(n)] ?? msg.other
  }
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name]
    if (v === undefined) return m
    return typeof v === 'number' ? formatNumber(v) : v
  })
}

/** "A, B and C" in the current language. */
export const formatList = (items: string[]) => new Intl.ListFormat(locale().code, { type: 'conjunction' }).format(items)
