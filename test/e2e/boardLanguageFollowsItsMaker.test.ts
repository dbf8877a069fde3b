// A board made from the Persian interface is a Persian board: the create request carries the interface
// language and the board stores it. The facilitator may change it from the board (a participant sees no such
// control), and every export made from the interface then comes out in it, whatever the reader's interface.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '../../shared/api.js'
import { readBoardLang } from '../../shared/schema.js'
import { member, synced, until } from '../helpers/clients.js'
import { newParticipant, openBoard } from '../helpers/browser.js'
import type { TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

describe("the board's language", () => {
  it('is the interface language of whoever made it, and the facilitator alone changes it', { timeout: 60_000 }, async () => {
    const maker = await newParticipant(browser, { name: 'مهسا', lang: 'fa' })
    const guest = await newParticipant(browser, { name: 'Omar', lang: 'en' })
    try {
      await maker.page.goto(server.url)
      await maker.page.locator('.create-form .stage-inputs input').first().waitFor()
      const [created] = await Promise.all([
        maker.page.waitForResponse((r) => r.url() === `${server.url}/api/boards` && r.request().method() === 'POST'),
        maker.page.locator('.create-form button[type="submit"]').click(),
      ])
      expect(created.request().postDataJSON()).toMatchObject({ lang: 'fa' })
      const board = (await created.json()) as CreateBoardResponse

      // Stored with the board: another client reads it from the document.
      const reader = await member(server.url, board.id, { name: 'Reader' })
      try {
        await synced(reader)
        expect(readBoardLang(reader.doc)).toBe('fa')

        // The facilitator sees it beside the export menu and changes it.
        await openBoard(maker, board.facilitatorUrl)
        const choice = maker.page.locator('#board-lang')
        expect(await choice.inputValue()).toBe('fa')
        await choice.selectOption('ar')
        await until(() => readBoardLang(reader.doc) === 'ar', "the facilitator's choice on another client")

        // A participant has no such control, and exports in the board's language, not the interface's.
        await openBoard(guest, board.participantUrl)
        expect(await guest.page.locator('#board-lang').count()).toBe(0)
        await guest.page.locator('.export-menu > summary').click()
        const [exported] = await Promise.all([
          guest.page.waitForRequest((r) => r.url().includes(`/api/boards/${board.id}/export`)),
          guest.page.locator('.menu-item[data-format="md"]').click(),
        ])
        expect(new URL(exported.url()).searchParams.get('lang')).toBe('ar')
      } finally {
        reader.destroy()
      }
    } finally {
      await maker.context.close()
      await guest.context.close()
    }
  })
})
