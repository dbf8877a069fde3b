// The timer runs on the server's clock: the offset is measured from a round trip, the least delayed
// sample wins, a clock far off still counts down to the same moment, and the display rounds up.
import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { formatClock } from '../../client/src/features/workshop/clockFormat.js'
import { createServerClock, offsetFrom } from '../../client/src/features/session/serverClock.js'

describe('server clock', () => {
  it('assumes the server answered halfway through the round trip', () => {
    expect(offsetFrom(1_000, 61_050, 1_100)).toBe(60_000)
    expect(offsetFrom(5_000, 4_000, 6_000)).toBe(-1_500)
  })

  it('keeps the sample with the shortest round trip', async () => {
    let local = 10_000
    // The server is 7 minutes behind; answers that took longer were stamped off the midpoint.
    const answers = [
      { delay: 40, server: () => local - 420_000 + 20 },
      { delay: 900, server: () => local - 420_000 + 300 },
      { delay: 30, server: () => local - 420_000 },
    ]
    let i = 0
    const clock = createRoot(() =>
      createServerClock(
        async () => {
          const a = answers[i++]!
          local += a.delay / 2
          const s = a.server()
          local += a.delay / 2
          return s
        },
        () => local,
      ),
    )
    expect(clock.known()).toBe(false)
    await clock.sync()
    expect(clock.known()).toBe(true)
    expect(clock.offset()).toBe(-420_000)
    expect(clock.now()).toBe(local - 420_000)
  })

  it('keeps counting on the local clock when the server cannot be asked', async () => {
    const clock = createRoot(() => createServerClock(() => Promise.reject(new Error('offline')), () => 42))
    await clock.sync()
    expect(clock.offset()).toBe(0)
    expect(clock.now()).toBe(42)
  })

  it('shows m:ss rounded up, in the language’s digits', () => {
    expect(formatClock(300_000, 'en')).toBe('5:00')
    expect(formatClock(61_001, 'en')).toBe('1:02')
    expect(formatClock(999, 'en')).toBe('0:01')
    expect(formatClock(0, 'en')).toBe('0:00')
    expect(formatClock(-5, 'en')).toBe('0:00')
    const digits = (code: string, n: number, min = 1) => new Intl.NumberFormat(code, { minimumIntegerDigits: min }).format(n)
    expect(formatClock(754_000, 'ar')).toBe(`${digits('ar', 12)}:${digits('ar', 34)}`)
    expect(formatClock(65_000, 'fa')).toBe('۱:۰۵')
    expect(formatClock(65_000, 'fa')).toBe(`${digits('fa', 1)}:${digits('fa', 5, 2)}`)
  })
})
