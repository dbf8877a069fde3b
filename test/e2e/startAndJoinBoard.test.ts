// Starting a board from the home page, sharing its two links, joining as participant (name asked
// once) or as facilitator (who alone may edit stages), and an unknown board.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/server.js'
import { newParticipant, openBoard } from '../helpers/browser.js'
import { createOpenBoard } from '../helpers/boards.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

describe('start and join a board', () => {
  it('creates a board with typed stages and hands out both links', async () => {
    const host = await newParticipant(browser, { name: 'Rana' })
    const { page } = host
    await page.goto(server.url)
    await page.getByLabel('Map name').fill('Marketplace clients')
    // The five default stages are pre-filled; rename one and drop the last.
    await expect.poll(() => page.locator('.stage-inputs input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'Awareness',
      'Consideration',
      'Decision',
      'Experience',
      'Loyalty',
    ])
    await page.getByLabel('Stage 2', { exact: true }).fill('Research')
    await page.getByRole('button', { name: 'Remove stage 5' }).click()
    await page.getByRole('button', { name: 'Create the board' }).click()

    const participantUrl = await page.getByLabel('Link for participants').inputValue()
    const facilitatorUrl = await page.getByLabel('Your facilitator link').inputValue()
    expect(participantUrl).toMatch(new RegExp(`^${server.url}/b/[\\w-]+$`))
    expect(facilitatorUrl).toMatch(/#facilitator=[\w-]+$/)
    await expect.poll(() => page.getByRole('button', { name: 'Copy participant link' }).isVisible()).toBe(true)

    await page.getByRole('link', { name: 'Open the board' }).click()
    await page.locator('.stage').first().waitFor()
    // The key went to localStorage and out of the address bar.
    expect(page.url()).toBe(participantUrl)
    const id = participantUrl.split('/').pop()
    expect(await page.evaluate((id) => localStorage.getItem(`touchpoint:facilitator:${id}`), id)).toBe(facilitatorUrl.split('=')[1])
    expect(await page.locator('.stage h2').allTextContents()).toEqual(['Awareness', 'Research', 'Decision', 'Experience'])
    expect(await page.locator('.board-title').textContent()).toBe('Marketplace clients')
    await expect.poll(() => page.getByLabel('Name of stage 1').isVisible()).toBe(true)

    // A participant is asked their name once, then sees the board without stage tools.
    const guest = await newParticipant(browser, { name: null })
    await guest.page.goto(participantUrl)
    await guest.page.getByLabel('Your name').fill('Karim')
    await guest.page.getByRole('button', { name: 'Join' }).click()
    await guest.page.locator('.stage').first().waitFor()
    expect(await guest.page.getByLabel('Name of stage 1').count()).toBe(0)
    expect(await guest.page.locator('.stage-tools').count()).toBe(0)
    await guest.page.reload()
    await guest.page.locator('.stage').first().waitFor()
    expect(await guest.page.getByLabel('Your name').count()).toBe(0)

    // The facilitator sees the participant arrive.
    await expect.poll(() => page.locator('.people-count').textContent()).toBe('2 people here')

    // Stage editing reaches the participant live.
    await page.getByLabel('Name of stage 4').fill('Use and impression')
    await page.getByRole('button', { name: 'Move stage “Use and impression” earlier' }).click()
    await expect.poll(() => guest.page.locator('.stage h2').allTextContents()).toEqual([
      'Awareness',
      'Research',
      'Use and impression',
      'Decision',
    ])
    await host.context.close()
    await guest.context.close()
  })

  it('asks before removing a stage that has notes', async () => {
    const { facilitatorUrl } = await createOpenBoard(server.url)
    const p = await newParticipant(browser)
    await openBoard(p, facilitatorUrl)
    await p.page.getByLabel('New note in Decision').fill('Signs up with a coupon')
    await p.page.getByLabel('New note in Decision').press('Enter')
    await p.page.getByRole('button', { name: 'Remove stage “Decision”' }).click()
    const dialog = p.page.getByRole('dialog', { name: 'Remove the stage “Decision”?' })
    await expect.poll(() => dialog.textContent()).toContain('Its 1 note will be deleted too.')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await p.page.locator('.stage').count()).toBe(5)
    await p.page.getByRole('button', { name: 'Remove stage “Decision”' }).click()
    await p.page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click()
    await expect.poll(() => p.page.locator('.stage h2').allTextContents()).toEqual(['Awareness', 'Consideration', 'Experience', 'Loyalty'])
    await p.page.getByRole('button', { name: 'Add a stage' }).click()
    await expect.poll(() => p.page.locator('.stage').count()).toBe(5)
    await p.context.close()
  })

  it('says so when the board does not exist, and stops trying', async () => {
    const p = await newParticipant(browser)
    let sockets = 0
    p.page.on('websocket', () => sockets++)
    await p.page.goto(`${server.url}/b/no-such-board`)
    await p.page.getByTestId('not-found').waitFor()
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toBe('Board not found')
    // Found out by joining or by the socket's 4404; either way no retries follow.
    await p.page.waitForTimeout(1500)
    expect(sockets).toBeLessThanOrEqual(1)
    await p.context.close()
  })
})
