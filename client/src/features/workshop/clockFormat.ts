// Remaining time as the timer shows it: m:ss in the interface language's digits, never negative, rounded
// up so that 0:00 appears only when the time is really up.
const twoDigits = new Map<string, Intl.NumberFormat>()
const plain = new Map<string, Intl.NumberFormat>()

function format(cache: Map<string, Intl.NumberFormat>, locale: string, opts: Intl.NumberFormatOptions) {
  let f = cache.get(locale)
  if (!f) cache.set(locale, (f = new Intl.NumberFormat(locale, { useGrouping: false, ...opts })))
  return f
}

export function formatClock(ms: number, locale: string): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${format(plain, locale, {}).format(m)}:${format(twoDigits, locale, { minimumIntegerDigits: 2 }).format(s)}`
}
