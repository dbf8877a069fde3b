// Reactions and comments in Chromium: while everyone writes privately they are neither shown nor offered, not
// even on a note already on the board; once the notes are revealed, a participant's reaction and comment reach
// another participant's screen (who reacted is in the button's label), the other answers from a phone in Arabic,
// a comment is edited by its author, a comment being typed survives the board locking, and the JSON and
// Markdown exports carry both. A cluster has its reactions too, and a map item its comments.
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readComments } from '../../shared/discussion.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { createCluster } from '../../shared/clusters.js'
import { promote } from '../../shared/mapItems.js'
import { member, synced, until } from '../helpers/clients.js'
import { addNote as writeNote, newParticipant, note, openBoard, screenshotPath } from '../helpers/browser.js'
import { withServerAndBrowser } from '../helpers/e2e.js'
import { act, createBoard, type TestServer } from '../helpers/server.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
const ON_BOARD = 'Delivery fee only shows at checkout'
const SARAS = 'پیامک پیگیری سفارش دو روز دیر رسید'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Serious and critical accessibility violations on the page (axe-core), by rule and where. */
async function axeProblems(page: Page) {
  await page.addScriptTag({ path: AXE })
  return page.evaluate(async () => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] }
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Result[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)
  })
}

const reaction = (page: Page, text: string, r: string) => note(page, text).locator(`.reaction[data-reaction="${r}"]`)
const commentsOf = (page: Page, text: string) => note(page, text).locator('.comments-button')

describe('reactions and comments', () => {
  it('are hidden while writing privately, then reach everyone and the exports', { timeout: 150_000 }, async () => {
    const board = await createBoard(server.url, { title: 'Kitchenware shop: first purchase' })
    const fac = await member(server.url, board.id, { name: 'Rana', facilitatorKey: board.facilitatorKey })
    await synced(fac)
    const run = async (a: Parameters<typeof act>[3]) => expect((await act(server.url, board.id, fac.token, a)).status).toBe(200)
    // The facilitator's note from setting up is on the board while the others write privately.
    addNote(fac.doc, { id: 'n-setup', stageId: readBoard(fac.doc).stages[0]!.id, kind: 'pain', text: ON_BOARD, authorId: fac.me })
    await run({ type: 'setPhase', phase: 'ideate' })

    const sara = await newParticipant(browser, { name: 'Sara', viewport: { width: 1280, height: 800 } })
    const omid = await newParticipant(browser, { name: 'عمر', lang: 'ar', ...PHONE })
    try {
      await openBoard(sara, board.participantUrl)
      await openBoard(omid, board.participantUrl)
      await writeNote(sara.page, 'Experience', SARAS, 'pain')
      await note(sara.page, SARAS).waitFor()
      // Writing privately: no reactions and no comments, on her private note nor on the note on the board.
      await note(sara.page, ON_BOARD).waitFor()
      for (const p of [sara, omid]) {
        expect(await p.page.locator('.discussion-row, .reaction, .comments-button').count()).toBe(0)
      }

      await run({ type: 'revealNotes' })
      await note(omid.page, SARAS).waitFor()
      await reaction(sara.page, SARAS, 'agree').waitFor()

      // Sara agrees with her own note's point and comments on the note on the board.
      await reaction(sara.page, SARAS, 'agree').click()
      await expect.poll(() => reaction(sara.page, SARAS, 'agree').getAttribute('aria-pressed')).toBe('true')
      await commentsOf(sara.page, ON_BOARD).click()
      const thread = sara.page.getByRole('dialog', { name: 'Comments' })
      await thread.getByLabel('Your comment').fill('Show it on the product page, before the cart')
      await thread.getByRole('button', { name: 'Post' }).click()
      await expect.poll(() => thread.getByTestId('comments').locator('.comment-text').allTextContents())
        .toEqual(['Show it on the product page, before the cart'])
      await sara.page.keyboard.press('Escape')
      await expect.poll(() => thread.count()).toBe(0)

      // Omid, on his phone in Arabic, sees both: who agreed is in the button's label.
      await expect.poll(() => reaction(omid.page, SARAS, 'agree').getAttribute('aria-label')).toBe('موافقة: 1 — Sara')
      expect(await reaction(omid.page, SARAS, 'agree').getAttribute('aria-pressed')).toBe('false')
      await expect.poll(() => commentsOf(omid.page, ON_BOARD).getAttribute('data-comments')).toBe('1')
      await reaction(omid.page, SARAS, 'agree').click()
      await reaction(omid.page, SARAS, 'insight').click()
      await expect.poll(() => reaction(sara.page, SARAS, 'agree').locator('.reaction-count').textContent()).toBe('2')
      expect(await reaction(sara.page, SARAS, 'agree').getAttribute('aria-label')).toBe('Agree: 2 — you and عمر')
      await note(sara.page, SARAS).scrollIntoViewIfNeeded()
      await sara.page.screenshot({ path: screenshotPath('reactions-on-cards-1280') })
      expect(await axeProblems(sara.page)).toEqual([])

      await commentsOf(omid.page, ON_BOARD).click()
      const omidThread = omid.page.getByRole('dialog', { name: 'التعليقات' })
      await expect.poll(() => omidThread.locator('.comment-author').allTextContents()).toEqual(['Sara'])
      await omidThread.getByLabel('التعليق', { exact: true }).fill('والأفضل ذكر الرسوم في صفحة المنتج 👍')
      await omidThread.getByRole('button', { name: 'نشر' }).click()
      await expect.poll(() => omidThread.locator('.comment-text').count()).toBe(2)
      // Only his own comment offers him edit and delete.
      expect(await omidThread.getByRole('button', { name: 'تعديل تعليق Sara' }).count()).toBe(0)
      expect(await omidThread.getByRole('button', { name: 'تعديل تعليق عمر' }).count()).toBe(1)
      await omid.page.screenshot({ path: screenshotPath('comment-thread-phone-ar') })
      expect(await axeProblems(omid.page)).toEqual([])

      // Sara edits hers; Omid's screen shows the new text, marked as edited.
      await commentsOf(sara.page, ON_BOARD).click()
      await thread.getByRole('button', { name: 'Edit the comment by Sara' }).click()
      await thread.getByLabel('The comment by Sara').fill('Show the delivery fee on the product page')
      await thread.getByRole('button', { name: 'Save' }).click()
      await expect.poll(() => omidThread.locator('.comment-text').first().textContent()).toBe('Show the delivery fee on the product page')
      expect(await omidThread.locator('.comment-edited').count()).toBe(1)
      await sara.page.screenshot({ path: screenshotPath('comment-thread-1280') })

      // A comment being typed when the board locks is kept: the field gives way to the reason, and comes back with it.
      await omidThread.getByLabel('التعليق', { exact: true }).fill('سؤال: هل الرسوم ثابتة؟')
      await run({ type: 'setLocked', locked: true })
      await expect.poll(() => omidThread.locator('.comment-form').count()).toBe(0)
      expect(await omidThread.getByRole('status').textContent()).toContain('مقفلة')
      await expect.poll(() => reaction(omid.page, SARAS, 'agree').getAttribute('aria-disabled')).toBe('true')
      await run({ type: 'setLocked', locked: false })
      await expect.poll(() => omidThread.getByLabel('التعليق', { exact: true }).inputValue()).toBe('سؤال: هل الرسوم ثابتة؟')
      await omid.page.keyboard.press('Escape')

      // Both reach the exports, with names and counts in the Markdown.
      await until(() => readComments(fac.doc).length === 2, 'both comments at the facilitator')
      const exported = async (format: string) => {
        const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}&lang=en`, { headers: { authorization: `Bearer ${fac.token}` } })
        expect(res.status).toBe(200)
        return res.text()
      }
      const json = JSON.parse(await exported('json'))
      const saraId = readBoard(fac.doc).notes.find((n) => n.text === SARAS)!.id
      expect(Object.keys(json.reactions).map((k) => k.split(':').slice(1).join(':')).sort())
        .toEqual([`${saraId}:agree`, `${saraId}:agree`, `${saraId}:insight`])
      expect(json.comments.map((c: { targetId: string; text: string }) => [c.targetId, c.text])).toEqual([
        ['n-setup', 'Show the delivery fee on the product page'], ['n-setup', 'والأفضل ذكر الرسوم في صفحة المنتج 👍'],
      ])
      const md = await exported('md')
      const section = md.slice(md.indexOf('## Reactions and comments'))
      expect(section).toMatch(new RegExp(`### Awareness\\n\\n- \\*\\*${ON_BOARD}\\*\\*\\n  - 💬 \\*\\*Sara\\*\\* \\([0-9-]+ [0-9:]+ UTC, edited\\): Show the delivery fee on the product page\\n`
        + '  - 💬 \\*\\*عمر\\*\\* \\([^)]+\\): والأفضل ذكر الرسوم في صفحة المنتج 👍\\n'))
      expect(section).toContain(`### Experience\n\n- **${SARAS}**\n  - Reactions: 👍 2 · 💡 1\n`)
      await omid.page.evaluate(() => scrollTo(0, 0))
      await omid.page.screenshot({ path: screenshotPath('reactions-on-cards-phone-ar') })

      // A cluster carries reactions of its own; on the map, its item takes comments.
      await run({ type: 'setPhase', phase: 'cluster' })
      createCluster(fac.doc, 'k-fees', ['n-setup', saraId], 'رسوم التوصيل')
      const cluster = omid.page.locator('.cluster[data-cluster-id="k-fees"]')
      await cluster.locator(':scope > .discussion-row .reaction[data-reaction="love"]').click()
      await expect.poll(() => sara.page.locator('.cluster[data-cluster-id="k-fees"] > .discussion-row .reaction[data-reaction="love"]').getAttribute('aria-label'))
        .toBe('Love it: 1 — عمر')
      await cluster.scrollIntoViewIfNeeded()
      await omid.page.screenshot({ path: screenshotPath('cluster-reactions-phone-ar') })
      await run({ type: 'setPhase', phase: 'map' })
      promote(fac.doc, { kind: 'cluster', id: 'k-fees' })
      const item = omid.page.locator('.map-item[data-item-id="cluster:k-fees"]')
      await item.locator('.comments-button').click()
      await omidThread.getByLabel('التعليق', { exact: true }).fill('للفريق المالي')
      await omidThread.getByRole('button', { name: 'نشر' }).click()
      await expect.poll(() => sara.page.locator('.map-item[data-item-id="cluster:k-fees"] .comments-button').getAttribute('data-comments')).toBe('1')
      await omid.page.screenshot({ path: screenshotPath('map-item-thread-phone-ar') })
      await omid.page.keyboard.press('Escape')
      await item.screenshot({ path: screenshotPath('map-item-comment-phone-ar') })
      await until(() => readComments(fac.doc).some((c) => c.targetId === 'cluster:k-fees'), 'the map item comment at the facilitator')
      const after = await exported('md')
      expect(after).toMatch(/\*\*رسوم التوصيل\*\*\n(  - [^\n]+\n)*  - Reactions: ❤️ 1\n(  - [^\n]+\n)*  - 💬 \*\*عمر\*\* \([^)]+\): للفريق المالي\n/)
    } finally {
      await sara.context.close()
      await omid.context.close()
      fac.destroy()
    }
  })
})
