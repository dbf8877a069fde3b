// From the people list the facilitator hands the role to a participant (who gets the controls at once)
// and removes someone, after confirming; the removed person is told so, and stays out after a reload.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newParticipant, openBoard, type Participant } from '../helpers/browser.js'
import { createBoard, type TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const roleTag = (p: Participant) => p.page.locator('.bar-end > .role-tag').textContent()
async function openPeople(p: Participant) {
  if (!(await p.page.locator('.people').evaluate((d) => (d as HTMLDetailsElement).open))) await p.page.locator('.people summary').click()
}

describe('people management', () => {
  it('hands over the facilitator role and removes a participant', async () => {
    const board = await createBoard(server.url, { stages: ['الوعي', 'القرار'] })
    const rana = await newParticipant(browser, { name: 'Rana' })
    const leila = await newParticipant(browser, { name: 'Leila' })
    const omid = await newParticipant(browser, { name: 'Omid' })
    await openBoard(rana, board.facilitatorUrl)
    await openBoard(leila, board.participantUrl)
    await openBoard(omid, board.participantUrl)
    expect(await leila.page.getByRole('button', { name: 'Next: Ideate' }).count()).toBe(0)
    // Participants see no tools on other people.
    await openPeople(leila)
    expect(await leila.page.locator('.person-tools').count()).toBe(0)

    await openPeople(rana)
    await rana.page.getByRole('button', { name: 'Make Leila the facilitator' }).click()
    const ask = rana.page.getByRole('dialog', { name: 'Hand the facilitator role to Leila?' })
    await ask.getByRole('button', { name: 'Cancel' }).click()
    expect(await roleTag(rana)).toBe('Facilitator')
    await rana.page.getByRole('button', { name: 'Make Leila the facilitator' }).click()
    await ask.getByRole('button', { name: 'Make facilitator' }).click()

    await expect.poll(() => roleTag(leila)).toBe('Facilitator')
    await expect.poll(() => roleTag(rana)).toBe('Participant')
    await leila.page.getByRole('button', { name: 'Next: Ideate' }).waitFor()
    await expect.poll(() => rana.page.getByRole('button', { name: 'Next: Ideate' }).count()).toBe(0)
    // The new facilitator may rename stages straight away.
    await leila.page.getByLabel('Name of stage 1').waitFor()

    // The new facilitator removes Omid.
    await openPeople(leila)
    await leila.page.getByRole('button', { name: 'Remove Omid from the board' }).click()
    await leila.page.getByRole('dialog', { name: 'Remove Omid from the board?' }).getByRole('button', { name: 'Remove' }).click()
    await omid.page.getByTestId('removed').waitFor()
    expect(await omid.page.getByRole('heading', { level: 1 }).textContent()).toBe('You were removed from this board')
    await omid.page.reload()
    await omid.page.getByTestId('removed').waitFor()
    await expect.poll(() => leila.page.locator('.people-count').textContent()).toBe('2 people here')
    for (const p of [rana, leila, omid]) await p.context.close()
  }, 60_000)
})
