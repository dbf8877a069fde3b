// A real server and Chromium for one end-to-end test file: started before its tests, closed after.
// (Apart from browser.ts, which the browser benchmark imports outside vitest.)
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser.js'
import { startTestServer, type TestServer } from './server.js'

export function withServerAndBrowser(use: (server: TestServer, browser: Browser) => void) {
  let server: TestServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    use(server, browser)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
}
