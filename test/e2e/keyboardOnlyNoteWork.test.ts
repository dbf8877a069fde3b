// Everything about a note can be done from the keyboard alone: write it, edit it, move it across and
// within stages (Alt+arrows, mirrored in RTL), delete it; each move is announced to screen readers.
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOpenBoard } from '../helpers/boards.js'
import { newParticipant, openBoard, stage } from '../helpers/browser.js'
import type { TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const active = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName)
const texts = (page: Page, name: string) => stage(page, name).locator('.note-text').allTextContents()
const announced = (page: Page) => page.getByTestId('announcer').textContent().then((t) => t?.replace(/\u200b/g, ''))

async function tabTo(page: Page, label: string) {
  for (let i = 0; i < 60; i++) {
    if ((await active(page)) === label) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached "${label}"`)
}

describe('keyboard only', () => {
  it('creates, edits, moves and deletes notes', async () => {
    const board = await createOpenBoard(server.url, { stages: ['Awareness', 'Consideration', 'Decision'] })
    const { page, context } = await newParticipant(browser, { name: 'Keyboard' })
    await openBoard({ page, context }, board.participantUrl)
    const kb = page.keyboard

    // Create: Tab to the first stage's composer, pick a kind with the arrow keys, type, Enter.
    await tabTo(page, 'New note in Awareness')
    await kb.type('Searches for a freelancer')
    await kb.press('Tab') // to the kind radio group
    await kb.press('ArrowRight') // next kind: touchpoint
    await kb.press('Shift+Tab')
    await kb.press('Enter')
    expect(await texts(page, 'Awareness')).toEqual(['Searches for a freelancer'])
    // The author may change the kind later: the badge is a button saying the kind picked in the composer, and
    // no card holds a select until one is wanted.
    expect(await stage(page, 'Awareness').locator('.note .kind-select button').innerText()).toBe('Touchpoint')
    expect(await page.locator('.note select').count()).toBe(0)
    expect(await announced(page)).toBe('Note added to Awareness.')
    await kb.type('Asks a colleague')
    await kb.press('Enter')
    expect(await texts(page, 'Awareness')).toEqual(['Searches for a freelancer', 'Asks a colleague'])

    // Edit: Shift+Tab back onto the last note, Enter opens its text, Escape closes it.
    await tabTo(page, 'Touchpoint: Asks a colleague')
    await kb.press('Enter')
    await kb.press('End')
    await kb.type(' at work')
    await kb.press('Escape')
    expect(await active(page)).toBe('Touchpoint: Asks a colleague at work')

    // Move within the stage, then across stages; focus stays on the note.
    await kb.press('Alt+ArrowUp')
    expect(await texts(page, 'Awareness')).toEqual(['Asks a colleague at work', 'Searches for a freelancer'])
    expect(await announced(page)).toBe('Moved to Awareness, position 1 of 2.')
    await kb.press('Alt+ArrowRight')
    await kb.press('Alt+ArrowRight')
    expect(await texts(page, 'Decision')).toEqual(['Asks a colleague at work'])
    expect(await active(page)).toBe('Touchpoint: Asks a colleague at work')
    expect(await announced(page)).toBe('Moved to Decision, position 1 of 1.')
    await kb.press('Alt+ArrowRight')
    expect(await announced(page)).toBe('The note is already at the edge.')
    await kb.press('Alt+ArrowLeft')
    expect(await texts(page, 'Consideration')).toEqual(['Asks a colleague at work'])

    // Kind: Tab onto the note's kind, which becomes a select with the focus; an arrow key picks the next kind.
    await kb.press('Tab')
    expect(await active(page)).toBe('Kind of this note')
    await kb.press('ArrowDown')
    await expect.poll(() => stage(page, 'Consideration').locator('.note').getAttribute('class')).toContain('kind-question')
    expect(await announced(page)).toBe('The note is now: Question')
    await kb.press('Shift+Tab')
    expect(await active(page)).toBe('Question: Asks a colleague at work')
    expect(await page.locator('.note select').count()).toBe(0)

    // Delete: the Delete key on one's own note; focus moves to the stage's composer.
    await kb.press('Delete')
    expect(await texts(page, 'Consideration')).toEqual([])
    expect(await announced(page)).toBe('Note deleted. To bring it back: Ctrl+Z, or Undo in the notice.')
    expect(await active(page)).toBe('New note in Consideration')
    await page.waitForTimeout(500)
    expect(await texts(page, 'Consideration')).toEqual([])
    await context.close()
  })

  it('mirrors the arrow keys in an RTL interface', async () => {
    const board = await createOpenBoard(server.url, { stages: ['الوعي', 'القرار'] })
    const { page, context } = await newParticipant(browser, { name: 'مريم', lang: 'ar' })
    await openBoard({ page, context }, board.participantUrl)
    await tabTo(page, 'ملاحظة جديدة في الوعي')
    await page.keyboard.type('تبحث عن مستقل')
    await page.keyboard.press('Enter')
    await tabTo(page, 'إجراء: تبحث عن مستقل')
    // Stages run right to left, so the next stage is to the left.
    await page.keyboard.press('Alt+ArrowLeft')
    expect(await texts(page, 'القرار')).toEqual(['تبحث عن مستقل'])
    await context.close()
  })

  it('shows every focused control with a visible outline', async () => {
    const board = await createOpenBoard(server.url)
    const { page, context } = await newParticipant(browser, { name: 'Focus' })
    await openBoard({ page, context }, board.participantUrl)
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab')
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const s = getComputedStyle(el)
        const chip = el.closest('.kind-chip')
        return { style: s.outlineStyle, width: s.outlineWidth, chip: chip ? getComputedStyle(chip).outlineStyle : null, name: el.getAttribute('aria-label') ?? el.textContent }
      })
      expect(outline.style === 'solid' || outline.chip === 'solid', `no focus outline on ${outline.name}`).toBe(true)
    }
    await context.close()
  })
})
