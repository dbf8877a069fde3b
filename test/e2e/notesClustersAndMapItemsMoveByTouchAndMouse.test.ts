// One drag engine for everything that moves by hand. On a 390 px phone a finger drags a note by its handle
// to the next stage (the strip scrolls under it at the edge), a swipe elsewhere on a note scrolls the strip
// instead, and a long press drags from anywhere on a note; the other participant and the server see each
// move; in Arabic the same drag goes leftwards. While clustering a cluster is dragged, its notes with it (Escape
// puts it back), and moved with Alt and the arrow keys. On the journey map the facilitator drags an item to
// another cell by mouse, then by touch on a phone.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMapItems } from '../../shared/journeyMap.js'
import { promoteTopN } from '../../shared/mapItems.js'
import { createCluster } from '../../shared/clusters.js'
import { addNote as writeNote, readBoard } from '../../shared/schema.js'
import { readSession } from '../../shared/sessionDoc.js'
import { createOpenBoard } from '../helpers/boards.js'
import { addNote, launchBrowser, newParticipant, note, openBoard, screenshotPath, stage, type Participant } from '../helpers/browser.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { act, createBoard, startTestServer, type TestServer } from '../helpers/server.js'
import { Finger, middleOf } from '../helpers/touch.js'
import { votedWorkshop } from '../helpers/votedWorkshop.js'

let server: TestServer
let browser: Browser
const closing: { destroy(): void }[] = []

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  closing.forEach((c) => c.destroy())
  await browser?.close()
  await server?.close()
})

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
const texts = (page: Page, stageName: string) => stage(page, stageName).locator('.note-text').allTextContents()
const announced = (page: Page) => page.getByTestId('announcer').textContent()
const scrollLeft = (page: Page) => page.locator('main.board').evaluate((el) => el.scrollLeft)
const stageOf = (m: Member, text: string) => {
  const b = readBoard(m.doc)
  const n = b.notes.find((x) => x.text === text)
  return n && b.stages.find((s) => s.id === n.stageId)?.name
}

describe('moving by hand', () => {
  it('on a phone, a finger drags a note to the next stage by its handle, or after a long press; a swipe scrolls', { timeout: 90_000 }, async () => {
    const board = await createOpenBoard(server.url, { title: 'Paying by phone', stages: ['Awareness', 'Consideration', 'Decision'] })
    const watcher = await member(server.url, board.id, { name: 'Watcher' })
    closing.push(watcher)
    await synced(watcher)
    const phone = await newParticipant(browser, { name: 'Nadia', ...PHONE })
    const desk = await newParticipant(browser, { name: 'Karim' })
    await Promise.all([openBoard(phone, board.participantUrl), openBoard(desk, board.participantUrl)])
    const page = phone.page

    await addNote(page, 'Awareness', 'Pays with a card on the phone', 'action')
    await expect.poll(() => texts(desk.page, 'Awareness')).toEqual(['Pays with a card on the phone'])
    await page.evaluate(() => scrollTo(0, 0))
    expect(await scrollLeft(page)).toBe(0)

    // By the handle: to the right edge, where the strip scrolls until the next stage is under the finger.
    const finger = await Finger.on(page)
    const handle = middleOf(await note(page, 'Pays with a card').locator('.drag-handle').boundingBox())
    await finger.down(handle)
    await finger.move({ x: 372, y: handle.y + 30 }, 12)
    await page.waitForFunction(() => {
      const s = [...document.querySelectorAll('.stage')].find((el) => el.querySelector('h2')?.textContent === 'Consideration')
      return s && s.getBoundingClientRect().left < 120
    })
    await finger.move({ x: 200, y: handle.y + 30 }, 6)
    expect(await page.locator('.drag-ghost').count()).toBe(1)
    expect(await stage(page, 'Consideration').locator('.notes.drop-end').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('touch-drag-note-on-phone') })
    await finger.up()

    await expect.poll(() => texts(page, 'Consideration')).toEqual(['Pays with a card on the phone'])
    expect(await texts(page, 'Awareness')).toEqual([])
    expect(await page.locator('.drag-ghost').count()).toBe(0)
    expect(await announced(page)).toContain('Moved to Consideration, position 1 of 1.')
    await expect.poll(() => texts(desk.page, 'Consideration')).toEqual(['Pays with a card on the phone'])
    await until(() => stageOf(watcher, 'Pays with a card on the phone') === 'Consideration', 'the move on the server')

    // A swipe across a note's text scrolls the strip and moves nothing.
    await addNote(page, 'Consideration', 'Gets a receipt by email', 'touchpoint')
    await expect.poll(() => texts(page, 'Consideration')).toHaveLength(2)
    const before = await scrollLeft(page)
    const text = middleOf(await note(page, 'Gets a receipt').locator('.note-text').boundingBox())
    await finger.down(text)
    await finger.move({ x: text.x - 220, y: text.y }, 8)
    await finger.up()
    await expect.poll(() => scrollLeft(page)).toBeGreaterThan(before + 50)
    expect(await texts(page, 'Consideration')).toEqual(['Pays with a card on the phone', 'Gets a receipt by email'])
    expect(await page.locator('textarea.note-editor').count()).toBe(0)

    // A long press anywhere on a note picks it up: here to the top of its stage.
    await stage(page, 'Consideration').scrollIntoViewIfNeeded()
    await page.locator('main.board').evaluate((el) => {
      const s = [...el.querySelectorAll('.stage')].find((x) => x.querySelector('h2')?.textContent === 'Consideration')!
      el.scrollLeft += s.getBoundingClientRect().left - 12
    })
    const first = await note(page, 'Pays with a card').boundingBox()
    const held = middleOf(await note(page, 'Gets a receipt').locator('.note-text').boundingBox())
    await finger.down(held)
    await page.waitForTimeout(700)
    expect(await page.locator('.drag-ghost').count()).toBe(1)
    await finger.move({ x: held.x, y: first!.y + 8 }, 8)
    await finger.up()
    await expect.poll(() => texts(page, 'Consideration')).toEqual(['Gets a receipt by email', 'Pays with a card on the phone'])
    await expect.poll(() => texts(desk.page, 'Consideration')).toEqual(['Gets a receipt by email', 'Pays with a card on the phone'])
    await finger.detach()
    await phone.context.close()
    await desk.context.close()
  })

  it('in Arabic the strip runs right to left: a finger takes a note to the next stage at the left edge', { timeout: 60_000 }, async () => {
    const board = await createOpenBoard(server.url, { title: 'الدفع بالهاتف', stages: ['الوعي', 'المقارنة', 'القرار'] })
    const phone = await newParticipant(browser, { name: 'سلمى', lang: 'ar', ...PHONE })
    await openBoard(phone, board.participantUrl)
    const page = phone.page
    await addNote(page, 'الوعي', 'يدفع بالبطاقة من الهاتف', 'action')
    await page.evaluate(() => scrollTo(0, 0))
    const next = () => stage(page, 'المقارنة').evaluate((el) => el.getBoundingClientRect().right)
    expect(await next()).toBeLessThan(10) // off screen, to the left

    const finger = await Finger.on(page)
    const handle = middleOf(await note(page, 'يدفع بالبطاقة').locator('.drag-handle').boundingBox())
    await finger.down(handle)
    await finger.move({ x: 18, y: handle.y + 30 }, 12)
    await page.waitForFunction(() => {
      const s = [...document.querySelectorAll('.stage')].find((el) => el.querySelector('h2')?.textContent === 'المقارنة')
      return s && s.getBoundingClientRect().right > 270
    })
    await finger.move({ x: 190, y: handle.y + 30 }, 6)
    await page.screenshot({ path: screenshotPath('touch-drag-note-on-phone-rtl') })
    await finger.up()
    await finger.detach()
    await expect.poll(() => texts(page, 'المقارنة')).toEqual(['يدفع بالبطاقة من الهاتف'])
    expect(await texts(page, 'الوعي')).toEqual([])
    expect(await announced(page)).toContain('المقارنة')
    await phone.context.close()
  })

  it('while clustering, a cluster is dragged to another stage with its notes, and moved by Alt and the arrows', { timeout: 60_000 }, async () => {
    const board = await createBoard(server.url, { title: 'Clusters on the move', stages: ['Awareness', 'Consideration', 'Decision'] })
    const fac = await member(server.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
    const writer = await member(server.url, board.id, { name: 'Writer' })
    closing.push(fac, writer)
    await Promise.all([synced(fac), synced(writer)])
    const run = async (action: Parameters<typeof act>[3]) => expect((await act(server.url, board.id, fac.token, action)).status).toBe(200)
    await run({ type: 'setPhase', phase: 'ideate' })
    await run({ type: 'setPrivateWriting', on: false })
    await until(() => readSession(writer.doc).phase === 'ideate', 'ideate')
    const [aware, consider] = readBoard(writer.doc).stages.map((s) => s.id) as [string, string]
    writeNote(writer.doc, { id: 'n1', stageId: aware, kind: 'pain', text: 'Fees appear late', authorId: writer.me })
    writeNote(writer.doc, { id: 'n2', stageId: aware, kind: 'pain', text: 'Shipping costs are a surprise', authorId: writer.me })
    writeNote(writer.doc, { id: 'n3', stageId: aware, kind: 'idea', text: 'Show the total first', authorId: writer.me })
    await run({ type: 'setPhase', phase: 'cluster' })
    await until(() => readSession(writer.doc).phase === 'cluster', 'cluster')
    createCluster(writer.doc, 'k-costs', ['n1', 'n2'], 'Hidden costs')
    await until(() => readBoard(fac.doc).clusters.length === 1, 'the cluster on the server')

    const p = await newParticipant(browser, { name: 'Leila', viewport: { width: 1300, height: 900 } })
    await openBoard(p, board.participantUrl)
    const page = p.page
    const cluster = page.locator('.cluster[data-cluster-id="k-costs"]')
    await cluster.waitFor()

    // By mouse, from its handle to the empty stage next door; Escape first puts it back.
    const from = middleOf(await cluster.locator('.cluster-head .drag-handle').boundingBox())
    const to = middleOf(await stage(page, 'Consideration').locator('.notes').boundingBox())
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 6 })
    expect(await page.locator('.drag-ghost').count()).toBe(1)
    await page.keyboard.press('Escape')
    expect(await page.locator('.drag-ghost, .dragging, .drop-before, .drop-end').count()).toBe(0)
    await page.mouse.up()
    expect(await texts(page, 'Awareness')).toHaveLength(3)
    expect(await texts(page, 'Consideration')).toEqual([])
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10)
    await page.mouse.up()
    await expect.poll(() => stage(page, 'Consideration').locator('.cluster .note-text').allTextContents())
      .toEqual(['Fees appear late', 'Shipping costs are a surprise'])
    expect(await texts(page, 'Awareness')).toEqual(['Show the total first'])
    expect(await announced(page)).toContain('Cluster “Hidden costs” moved to Consideration, position 1 of 1.')
    await until(() => {
      const b = readBoard(fac.doc)
      return b.clusters[0]?.id === 'k-costs' && b.clusters[0].stageId === consider && b.clusters[0].name === 'Hidden costs' &&
        b.notes.filter((n) => n.clusterId === 'k-costs').every((n) => n.stageId === consider)
    }, 'the cluster and its notes in Consideration on the server')

    // By keyboard: Alt+Left takes it back to the first stage, and it keeps the focus.
    await page.locator('.cluster[data-cluster-id="k-costs"]').focus()
    await page.keyboard.press('Alt+ArrowLeft')
    await expect.poll(() => stage(page, 'Awareness').locator('.cluster .note-text').allTextContents())
      .toEqual(['Fees appear late', 'Shipping costs are a surprise'])
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cluster-id'))).toBe('k-costs')
    expect(await announced(page)).toContain('Cluster “Hidden costs” moved to Awareness, position 1 of 1.')
    await page.keyboard.press('Alt+ArrowLeft')
    expect(await announced(page)).toContain('The cluster stays where it was.')
    await until(() => readBoard(fac.doc).notes.filter((n) => n.clusterId === 'k-costs').every((n) => n.stageId === aware), 'back on the server')
    await p.context.close()
  })

  it('on the map, the facilitator drags an item to another cell by mouse, and on a phone by touch', { timeout: 120_000 }, async () => {
    const w = await votedWorkshop(server, {
      title: 'Home internet',
      stages: ['Awareness', 'Decision', 'Experience'],
      people: ['Salma', 'Khaled'],
      notes: [
        ['a1', 0, 'touchpoint', 'Saw a TV advert', 0],
        ['d1', 1, 'pain', 'Few ways to pay', 0],
        ['d2', 1, 'pain', 'Payment is confusing', 1],
        ['e1', 2, 'question', 'How long does installing take?', 1],
      ],
      clusters: [['k-pay', ['d1', 'd2'], 'Paying is hard']],
      votes: [[0, 'k-pay'], [1, 'k-pay'], [0, 'a1'], [1, 'e1']],
    })
    closing.push(w)
    promoteTopN(w.facilitator.doc, 3)
    const [aware, decide] = w.stageIds as [string, string]
    await until(() => readMapItems(w.facilitator.doc).length === 3, 'three items on the map')
    const itemAt = (id: string) => readMapItems(w.facilitator.doc).find((i) => i.id === id)
    const item = (page: Page, id: string) => page.locator(`.map-item[data-item-id="${id}"]`)
    const cell = (page: Page, stageId: string, laneId: string) => page.locator(`td.map-cell[data-stage="${stageId}"][data-lane="${laneId}"]`)
    const openMap = async (p: Participant) => {
      await p.page.goto(w.board.facilitatorUrl)
      await p.page.locator('.map-view').waitFor()
      await p.page.locator('[data-status="connected"]').waitFor()
      await expect.poll(() => p.page.locator('.map-item').count()).toBe(3)
    }

    // By mouse, from the grip of the payment cluster (in the pain lane of the second stage) to the first stage.
    const desk = await newParticipant(browser, { name: 'Facilitator', viewport: { width: 1440, height: 1000 } })
    await openMap(desk)
    await item(desk.page, 'cluster:k-pay').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    const grip = middleOf(await item(desk.page, 'cluster:k-pay').locator('.item-grip').boundingBox())
    const target = middleOf(await cell(desk.page, aware, 'pain').boundingBox())
    await desk.page.mouse.move(grip.x, grip.y)
    await desk.page.mouse.down()
    for (let i = 1; i <= 10; i++) await desk.page.mouse.move(grip.x + ((target.x - grip.x) * i) / 10, grip.y + ((target.y - grip.y) * i) / 10)
    expect(await cell(desk.page, aware, 'pain').getAttribute('class')).toContain('drop-target')
    await desk.page.mouse.up()
    await expect.poll(() => cell(desk.page, aware, 'pain').locator('.map-item').count()).toBe(1)
    expect(await cell(desk.page, decide, 'pain').locator('.map-item').count()).toBe(0)
    expect(await announced(desk.page)).toMatch(/^Moved to Awareness, Pain points, position 1 of 1\./)
    await until(() => itemAt('cluster:k-pay')?.stageId === aware && itemAt('cluster:k-pay')?.laneId === 'pain', 'the mouse move on the server')
    await desk.context.close()

    // By touch on a phone: the same item by its grip, a row down to the motivation lane.
    const phone = await newParticipant(browser, { name: 'Facilitator', ...PHONE })
    await openMap(phone)
    const page = phone.page
    await item(page, 'cluster:k-pay').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    const dest = cell(page, aware, 'motivation')
    const start = middleOf(await item(page, 'cluster:k-pay').locator('.item-grip').boundingBox())
    const end = middleOf(await dest.boundingBox())
    expect(end.y).toBeLessThan(PHONE.viewport.height - 60)
    const finger = await Finger.on(page)
    await finger.down(start)
    await finger.move(end, 12)
    expect(await dest.getAttribute('class')).toContain('drop-target')
    await page.screenshot({ path: screenshotPath('touch-drag-map-item-on-phone') })
    await finger.up()
    await finger.detach()
    await expect.poll(() => dest.locator('.map-item').count()).toBe(1)
    await until(() => itemAt('cluster:k-pay')?.laneId === 'motivation' && itemAt('cluster:k-pay')?.stageId === aware, 'the touch move on the server')
    await phone.context.close()
  })
})
