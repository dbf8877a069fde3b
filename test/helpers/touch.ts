// A finger on the page, through the browser's real touch input (CDP Input.dispatchTouchEvent): Playwright
// taps but does not drag by touch. The page must be opened with `hasTouch: true`.
import type { CDPSession, Page } from 'playwright-core'

export interface Point {
  x: number
  y: number
}

export class Finger {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private at: Point = { x: 0, y: 0 },
  ) {}

  static async on(page: Page): Promise<Finger> {
    return new Finger(page, await page.context().newCDPSession(page))
  }

  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) {
    return this.cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p) => ({ x: p.x, y: p.y, id: 1, radiusX: 4, radiusY: 4, force: 1 })),
    })
  }

  async down(p: Point) {
    this.at = p
    await this.send('touchStart', [p])
  }

  /** Moves in `steps` small moves, a frame apart, as a finger does. */
  async move(to: Point, steps = 10) {
    const from = this.at
    for (let i = 1; i <= steps; i++) {
      this.at = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }
      await this.send('touchMove', [this.at])
      await this.page.waitForTimeout(16)
    }
  }

  async up() {
    await this.send('touchEnd', [])
  }

  async detach() {
    await this.cdp.detach()
  }
}

/** The middle of what `locator`-like `box` bounds. */
export const middleOf = (box: { x: number; y: number; width: number; height: number } | null): Point => {
  if (!box) throw new Error('not on the page')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}
