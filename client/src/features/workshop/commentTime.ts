// When a comment was written, as its readers say it: "3 minutes ago" for a while, then the date; and in full
// (date and time) for the title and for screen readers. In the interface's language and digits.
const relative = new Map<string, Intl.RelativeTimeFormat>()
const full = new Map<string, Intl.DateTimeFormat>()

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [['second', 60], ['minute', 60], ['hour', 24], ['day', 7]]

export function timeAgo(ms: number, now: number, lang: string): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '' // no date: a time no client of ours writes
  let f = relative.get(lang)
  if (!f) relative.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })))
  let n = (ms - now) / 1000
  for (const [unit, next] of STEPS) {
    // Under a minute is "now": seconds ticking by would only distract.
    if (unit === 'second' && Math.abs(n) < 60) return f.format(0, 'second')
    if (Math.abs(n) < next) return f.format(Math.round(n), unit)
    n /= next
  }
  return fullTime(ms, lang)
}

export function fullTime(ms: number, lang: string): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return ''
  let f = full.get(lang)
  if (!f) full.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })))
  return f.format(ms)
}

/** For a <time> element's datetime; '' for no date. */
export const isoTime = (ms: number) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : '')
