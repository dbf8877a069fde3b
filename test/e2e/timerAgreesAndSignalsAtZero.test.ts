// The workshop timer runs on the server's clock: two screens whose own clocks are seven minutes apart show
// the same remaining time through start, pause, resume, extend and clear; at zero both pulse (still, for
// people who ask for reduced motion), say "Time is up" to screen readers, and chime where sound is on.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { newParticipant, openBoard, screenshotPath, type Participant } from '../helpers/browser.js'
import { act, joinBoard, type TestServer } from '../helpers/server.js'
import { timerSeconds } from '../helpers/workshopUi.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

/** Both screens' remaining seconds, read back to back. */
const both = (a: Participant, b: Participant) => Promise.all([timerSeconds(a.page), timerSeconds(b.page)])

describe('timer', () => {
  it('counts down alike on two screens with different clocks, and signals at zero', async () => {
    const board = await createOpenBoard(server.url)
    const host = await newParticipant(browser, { name: 'Rana' })
    const guest = await newParticipant(browser, { name: 'Karim', reducedMotion: 'reduce' })
    // The facilitator's computer runs seven minutes fast; the countdown must not care.
    await host.context.addInitScript(() => {
      const real = Date.now.bind(Date)
      Date.now = () => real() + 7 * 60_000
      // Count the chime's oscillators.
      const w = window as unknown as { oscillators: number }
      w.oscillators = 0
      const create = AudioContext.prototype.createOscillator
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.oscillators++
        return create.call(this)
      }
    })
    await openBoard(host, board.facilitatorUrl)
    await openBoard(guest, board.participantUrl)
    expect(await guest.page.getByTestId('timer').count()).toBe(0)

    await host.page.getByLabel('Minutes').fill('2')
    await host.page.getByRole('button', { name: 'Start timer' }).click()
    await guest.page.getByTestId('timer').waitFor()
    await guest.page.waitForTimeout(600) // the clock offset is measured once the board opens
    let [h, g] = await both(host, guest)
    expect(h).toBeGreaterThan(110)
    expect(h).toBeLessThanOrEqual(120)
    expect(Math.abs(h - g)).toBeLessThanOrEqual(2)
    expect(await guest.page.locator('.timer-clock').textContent()).toMatch(/^[12]:[0-5]\d$/)

    await host.page.getByRole('button', { name: 'Pause' }).click()
    await expect.poll(() => guest.page.getByTestId('timer').textContent()).toContain('Paused')
    ;[h, g] = await both(host, guest)
    expect(Math.abs(h - g)).toBeLessThanOrEqual(1)

    await host.page.getByRole('button', { name: 'Resume' }).click()
    await host.page.getByRole('button', { name: 'Add 1 minute' }).click()
    await expect.poll(() => timerSeconds(guest.page)).toBeGreaterThan(170)
    ;[h, g] = await both(host, guest)
    expect(Math.abs(h - g)).toBeLessThanOrEqual(2)
    expect(await guest.page.getByTestId('timer').textContent()).not.toContain('Paused')

    await host.page.getByRole('button', { name: 'Clear timer' }).click()
    await expect.poll(() => guest.page.getByTestId('timer').count()).toBe(0)

    // A short timer, started over the API, reaches zero on both screens.
    const { token } = await joinBoard(server.url, board.id, { name: 'Bot', facilitatorKey: board.facilitatorKey })
    expect((await act(server.url, board.id, token, { type: 'timer', command: 'start', ms: 2500 })).status).toBe(200)
    for (const p of [host, guest]) {
      await expect.poll(() => p.page.locator('.timer.time-up').count(), { timeout: 8000 }).toBe(1)
      expect(await p.page.getByTestId('timer').textContent()).toContain('0:00')
      expect(await p.page.getByTestId('timer').textContent()).toContain('Time is up')
      expect(await p.page.locator('.timer.ringing').count()).toBe(1)
      await expect.poll(() => p.page.getByTestId('announcer').textContent()).toContain('Time is up')
    }
    await host.page.screenshot({ path: screenshotPath('workshop-timer-up') })
    const pulse = (p: Participant) => p.page.locator('.timer').evaluate((el) => getComputedStyle(el).animationName)
    expect(await pulse(host)).toBe('timer-pulse')
    expect(await pulse(guest)).toBe('none') // reduced motion: a still highlight instead
    // The facilitator clicked in this page, so sound was allowed: two soft notes.
    expect(await host.page.evaluate(() => (window as unknown as { oscillators: number }).oscillators)).toBe(2)
    await host.context.close()
    await guest.context.close()
  }, 60_000)
})
