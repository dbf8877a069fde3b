// Renders the print page of a map to PDF and PNG with Chromium (Debian's, at CHROMIUM_PATH). One browser
// is started on the first export and reused; each export gets a fresh page with the network shut, so
// nothing in a note can make the server fetch anything. Playwright is loaded on the first export only:
// it holds ~27 MB of heap, which every full collection of a relay that never exports would walk.
import type { Browser, Page } from 'playwright-core'

export class Renderer {
  private browser: Promise<Browser> | null = null
  private running = 0
  private waiting: (() => void)[] = []

  constructor(
    private readonly executablePath: string,
    private readonly concurrency = 2,
  ) {}

  private launch(): Promise<Browser> {
    this.browser ??= import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath: this.executablePath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        }),
      )
      .catch((err) => {
        this.browser = null
        throw err
      })
    return this.browser
  }

  private async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    // Two cores: more than a couple of renders at once would starve the relay.
    if (this.running >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r))
    this.running++
    try {
      const page = await (await this.launch()).newPage()
      try {
        await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
        return await fn(page)
      } finally {
        await page.close()
      }
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }

  pdf(html: string): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setContent(html, { waitUntil: 'load' })
      return page.pdf({ preferCSSPageSize: true, landscape: true, format: 'A4', printBackground: true })
    })
  }

  png(html: string): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setViewportSize({ width: 1400, height: 990 })
      await page.setContent(html, { waitUntil: 'load' })
      return page.screenshot({ fullPage: true, type: 'png' })
    })
  }

  async close() {
    const b = this.browser
    this.browser = null
    if (b) await (await b.catch(() => null))?.close()
  }
}
