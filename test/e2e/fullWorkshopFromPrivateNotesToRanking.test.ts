// A facilitator and two participants run a whole workshop in Chromium: they write privately (the others
// see only face-down counts), the facilitator reveals, they cluster by dragging and from the keyboard,
// vote within their budget (a sixth vote is explained, not sent), and after the reveal all three screens
// show the same ranking.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNote, newParticipant, note, openBoard, screenshotPath, stage, type Participant } from '../helpers/browser.js'
import { createBoard, type TestServer } from '../helpers/server.js'
import { currentPhase, dragOnto, nextPhase } from '../helpers/workshopUi.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser
let rana: Participant // facilitator
let leila: Participant
let omid: Participant

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const texts = (p: Participant, stageName: string) => stage(p.page, stageName).locator('.note-text').allTextContents()
const message = (p: Participant) => p.page.getByTestId('workshop-message').textContent()

describe('a full workshop', () => {
  it('goes from private notes through clusters and dot voting to one shared ranking', async () => {
    const board = await createBoard(server.url, {
      title: 'Freelance marketplace: first-time clients',
      stages: ['Awareness', 'Consideration', 'Decision'],
    })
    const viewport = { width: 1400, height: 900 }
    rana = await newParticipant(browser, { name: 'Rana', viewport })
    leila = await newParticipant(browser, { name: 'Leila', viewport })
    omid = await newParticipant(browser, { name: 'Omid', viewport })
    await openBoard(rana, board.facilitatorUrl)
    await Promise.all([openBoard(leila, board.participantUrl), openBoard(omid, board.participantUrl)])
    const everyone = [rana, leila, omid]

    // Setup: participants wait, without a composer; the facilitator starts ideation.
    for (const p of everyone) await expect.poll(() => currentPhase(p.page)).toBe('Set up')
    expect(await leila.page.locator('.composer').count()).toBe(0)
    await nextPhase(rana.page, 'Ideate')
    for (const p of everyone) await expect.poll(() => currentPhase(p.page)).toBe('Ideate')
    await expect.poll(() => leila.page.getByTestId('phase-hint').textContent()).toContain('Nobody sees your notes')

    // Private writing: the writer sees the note in full, the others a face-down count only.
    await addNote(leila.page, 'Awareness', 'Sees an Instagram ad for the marketplace', 'touchpoint')
    await addNote(leila.page, 'Decision', 'Abandons the cart when fees appear at checkout', 'pain')
    await addNote(omid.page, 'Awareness', 'A friend recommends the platform', 'touchpoint')
    await addNote(omid.page, 'Awareness', 'يبحث في جوجل عن منصة عمل حر', 'action')
    const mine = note(leila.page, 'Instagram ad')
    await expect.poll(() => mine.locator('.private-tag').textContent()).toBe('Only you see this')
    const faceDown = stage(omid.page, 'Awareness').getByTestId('face-down')
    await expect.poll(() => faceDown.textContent()).toBe('1 note from others, face down')
    expect(await omid.page.locator('body').textContent()).not.toContain('Instagram')
    expect(await texts(omid, 'Awareness')).toEqual(['A friend recommends the platform', 'يبحث في جوجل عن منصة عمل حر'])
    await expect.poll(() => stage(rana.page, 'Awareness').getByTestId('face-down').getAttribute('data-count')).toBe('3')
    await expect.poll(() => stage(rana.page, 'Decision').getByTestId('face-down').textContent()).toBe('1 note from others, face down')
    await omid.page.screenshot({ path: screenshotPath('workshop-phase-bar-face-down') })
    await rana.page.screenshot({ path: screenshotPath('workshop-facilitator-ideate') })

    // The facilitator reveals everything at once; the notes are on everyone's board.
    await rana.page.getByRole('button', { name: 'Reveal notes (4)' }).click()
    for (const p of everyone) {
      await expect.poll(() => texts(p, 'Awareness').then((t) => t.sort())).toEqual(
        ['A friend recommends the platform', 'Sees an Instagram ad for the marketplace', 'يبحث في جوجل عن منصة عمل حر'].sort(),
      )
      await expect.poll(() => p.page.getByTestId('face-down').count()).toBe(0)
      expect(await p.page.locator('.private-tag').count()).toBe(0)
    }

    // Cluster: Leila drags Omid's note onto her own; anyone can name the new cluster.
    await nextPhase(rana.page, 'Cluster')
    for (const p of everyone) await expect.poll(() => currentPhase(p.page)).toBe('Cluster')
    await expect.poll(() => leila.page.getByTestId('announcer').textContent()).toContain('The workshop is now in the Cluster phase.')
    await dragOnto(leila.page, note(leila.page, 'A friend recommends'), note(leila.page, 'Instagram ad'))
    for (const p of everyone) await expect.poll(() => p.page.locator('.cluster .note').count()).toBe(2)
    await omid.page.getByRole('textbox', { name: /Name of the cluster/ }).fill('Word of mouth and ads')
    await expect.poll(() => leila.page.locator('.cluster-name-input').inputValue()).toBe('Word of mouth and ads')

    await leila.page.screenshot({ path: screenshotPath('workshop-cluster-phase') })

    // Locked, the board stops taking changes from participants; unlocked, it takes them again.
    await rana.page.getByRole('button', { name: 'Lock the board' }).click()
    await expect.poll(() => leila.page.locator('.cluster-name').textContent()).toBe('Word of mouth and ads')
    expect(await leila.page.locator('.composer').count()).toBe(0)
    expect(await leila.page.getByTestId('phase-hint').textContent()).toContain('The board is locked')
    expect(await rana.page.getByRole('button', { name: 'Lock the board' }).getAttribute('aria-pressed')).toBe('true')
    await rana.page.getByRole('button', { name: 'Lock the board' }).click()
    await expect.poll(() => omid.page.locator('.composer').count()).toBe(3)

    // The keyboard way: each note has a "Group with…" button, and G on a focused note opens the same menu.
    expect(await omid.page.getByRole('button', { name: 'Group “Abandons the cart when fees appear at checkout” with another note or cluster' }).count()).toBe(1)
    await note(omid.page, 'جوجل').focus()
    await omid.page.keyboard.press('g')
    const menu = omid.page.getByRole('dialog', { name: 'Group this note with…' })
    await menu.getByRole('button', { name: 'Into the cluster “Word of mouth and ads”' }).click()
    for (const p of everyone) await expect.poll(() => p.page.locator('.cluster .note').count()).toBe(3)
    await expect.poll(() => omid.page.evaluate(() => document.activeElement?.textContent)).toContain('جوجل')

    // Vote: five votes each, at most three on one item.
    await nextPhase(rana.page, 'Vote')
    for (const p of everyone) await expect.poll(() => currentPhase(p.page)).toBe('Vote')
    expect(await leila.page.locator('.cluster-name').textContent()).toBe('Word of mouth and ads')
    expect(await leila.page.locator('.composer').count()).toBe(0)
    const votesLeft = (p: Participant) => p.page.getByTestId('votes-left').textContent()
    await expect.poll(() => votesLeft(leila)).toContain('5 of 5 votes left')
    const more = (p: Participant, name: string) => p.page.getByRole('button', { name: `Add a vote to “${name}”` })
    const cart = 'Abandons the cart when fees appear at checkout'
    for (let i = 0; i < 3; i++) {
      await more(leila, 'Word of mouth and ads').click()
      await expect.poll(() => votesLeft(leila)).toContain(`${4 - i} of 5 votes left`)
    }
    // A button whose vote would be refused stays focusable and says why when pressed.
    await more(leila, 'Word of mouth and ads').press('Enter') // a fourth on one item
    await expect.poll(() => message(leila)).toBe('At most 3 of your votes can go to one item.')
    await more(leila, cart).click()
    await more(leila, cart).click()
    await expect.poll(() => votesLeft(leila)).toContain('0 of 5 votes left')
    expect(await more(leila, cart).getAttribute('aria-disabled')).toBe('true')
    await more(leila, cart).press('Enter') // the sixth vote: refused here with the reason, never sent
    await expect.poll(() => message(leila)).toBe('You have used all 5 of your votes. Take one back to vote elsewhere.')
    await leila.page.getByRole('button', { name: `Take back a vote from “${cart}”` }).click()
    await expect.poll(() => votesLeft(leila)).toContain('1 of 5 votes left')
    await more(leila, cart).click()
    await expect.poll(() => votesLeft(leila)).toContain('0 of 5 votes left')

    for (let i = 0; i < 3; i++) await more(omid, cart).click()
    await more(omid, 'Word of mouth and ads').click()
    await expect.poll(() => votesLeft(omid)).toContain('1 of 5 votes left')
    // Until the reveal nobody sees totals, only their own dots.
    expect(await rana.page.locator('.tally').count()).toBe(0)
    expect(await leila.page.locator('.cluster .my-votes .dot').count()).toBe(3)

    await rana.page.getByRole('button', { name: 'Reveal the votes' }).click()
    const ranking = (p: Participant) => p.page.locator('.results-list').innerText()
    for (const p of everyone) await expect.poll(() => p.page.locator('.results-list li').count()).toBe(2)
    const shown = await Promise.all(everyone.map(ranking))
    expect(shown[0]).toContain(cart)
    expect(shown[0]!.indexOf(cart)).toBeLessThan(shown[0]!.indexOf('Word of mouth and ads'))
    expect(shown[1]).toBe(shown[0])
    expect(shown[2]).toBe(shown[0])
    await expect.poll(() => rana.page.locator('.cluster .tally').textContent()).toBe('4 votes')
    await rana.page.evaluate(() => scrollTo(0, 0))
    await rana.page.screenshot({ path: screenshotPath('workshop-clusters-votes-revealed') })
    for (const p of everyone) await p.context.close()
  }, 120_000)
})
