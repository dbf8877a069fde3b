// Helpers for the workshop in the browser: the current phase, dragging a note onto another, and the
// facilitator's moves through the phase bar.
import type { Locator, Page } from 'playwright-core'

/** The name of the phase the phase bar marks as current. */
export const currentPhase = (page: Page) => page.locator('.phase-step[aria-current="step"] .phase-name').textContent()

/** Drags `from` by mouse and drops it on the middle of `to`, in small steps as a hand would. */
export async function dragOnto(page: Page, from: Locator, to: Locator) {
  const a = (await from.locator('.drag-handle').first().boundingBox())!
  const b = (await to.boundingBox())!
  const [x0, y0] = [a.x + a.width / 2, a.y + a.height / 2]
  const [x1, y1] = [b.x + b.width / 2, b.y + b.height / 2]
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10)
  await page.mouse.up()
}

/** The facilitator moves the workshop on with the phase bar's "Next" button. */
export async function nextPhase(page: Page, phase: string) {
  await page.getByRole('button', { name: `Next: ${phase}` }).click()
}

/** Remaining seconds shown by a page's timer. */
export async function timerSeconds(page: Page): Promise<number> {
  const ms = await page.locator('.timer-clock').getAttribute('data-remaining-ms')
  return Number(ms) / 1000
}
