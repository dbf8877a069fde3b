// Renders the print page of a map to PDF and PNG with Chromium (Debian's, at CHROMIUM_PATH). One browser
// is started on the first export and reused; each export gets a fresh context with the network shut, so
// nothing in a note can make the server fetch anything: the context is offline, every request but a data:
// URL is aborted, every WebSocket is answered by a closed stand-in that reaches no server, service workers
// are blocked, and the page's own policy (CSP) allows no connection at all. Playwright is loaded on the first export only:
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
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
            // Below the page's guards: whatever Chromium itself would open (a preconnect, a prefetch) goes to a
            // proxy that cannot exist, loopback included, so no socket ever reaches a server.
            '--proxy-server=http://255.255.255.255:1', '--proxy-bypass-list=<-loopback>', '--dns-prefetch-disable',
          ],
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
      const context = await (await this.launch()).newContext({ offline: true, serviceWorkers: 'block', acceptDownloads: false })
      try {
        await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
        // Without connectToServer, Playwright's stand-in never opens a connection; closing it tells the page.
        await context.routeWebSocket(/.*/, (ws) => void ws.close())
        const page = await context.newPage()
        page.setDefaultTimeout(15_000) // a page that never settles frees its slot
        return await fn(page)
      } finally {
        await context.close()
      }
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }

  pdf(html: string): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setContent(guarded(html), { waitUntil: 'load' })
      return page.pdf({ preferCSSPageSize: true, landscape: true, format: 'A4', printBackground: true })
    })
  }

  png(html: string): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setViewportSize({ width: 1400, height: 990 })
      await page.setContent(guarded(html), { waitUntil: 'load' })
      return page.screenshot({ fullPage: true, type: 'png' })
    })
  }

  async close() {
    const b = this.browser
    this.browser = null
    if (b) await (await b.catch(() => null))?.close()
  }
}

/** The page's own policy, first in its head: its inline style and script run, data: images and fonts load,
 *  and nothing connects anywhere (no fetch, XHR, WebSocket, beacon, frame, form or worker). */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
  "connect-src 'none'; frame-src 'none'; worker-src 'none'; form-action 'none'; base-uri 'none'"

function guarded(html: string) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : meta + html
}
