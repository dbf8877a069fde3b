// Joining from the room: the share dialog shows the participant link as a QR code that decodes to that
// very link (read from a screenshot with jsQR, as a phone camera would), and opens a join screen for a
// projector, whose count of people who joined goes up live when someone joins; Escape closes it. In
// Arabic and Persian it mirrors, and the link stays readable left to right.
import jsQR from 'jsqr'
import type { Browser, Locator } from 'playwright-core'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { newParticipant, openBoard, screenshotPath } from '../helpers/browser.js'
import { createBoard, joinBoard, type TestServer } from '../helpers/server.js'
import { withServerAndBrowser } from '../helpers/e2e.js'

let server: TestServer
let browser: Browser

withServerAndBrowser((s, b) => {
  server = s
  browser = b
})

/** What a QR code on screen says, decoded from a screenshot of it. */
async function decodeQr(qr: Locator): Promise<string | null> {
  const png = PNG.sync.read(await qr.screenshot())
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null
}

describe('joining from the room', () => {
  it('shows a QR code of the participant link and a live join screen for a projector', async () => {
    const board = await createBoard(server.url, { title: 'Marketplace clients: first-time buyers' })
    const rana = await newParticipant(browser, { name: 'Rana', viewport: { width: 1366, height: 768 } })
    const leila = await newParticipant(browser, { name: 'Leila' })
    const omid = await newParticipant(browser, { name: 'Omid' })
    await openBoard(rana, board.facilitatorUrl)
    await openBoard(leila, board.participantUrl)
    await openBoard(omid, board.participantUrl)

    await rana.page.getByRole('button', { name: 'Share' }).click()
    const dialog = rana.page.getByRole('dialog', { name: 'Invite people' })
    const qr = dialog.getByRole('img', { name: 'QR code of the participant link' })
    expect(await decodeQr(qr)).toBe(board.participantUrl)
    await rana.page.screenshot({ path: screenshotPath('share-dialog-qr') })

    await dialog.getByRole('button', { name: 'Show on a projector' }).click()
    const screen = rana.page.getByRole('dialog', { name: 'Marketplace clients: first-time buyers' })
    await screen.waitFor()
    const count = screen.getByTestId('joined-count')
    await expect.poll(() => count.textContent()).toBe('2 people have joined')
    expect(await screen.getByTestId('join-screen-link').textContent()).toBe(board.participantUrl.replace(/^https?:\/\//, ''))
    const big = screen.getByTestId('join-screen-qr')
    expect(await decodeQr(big)).toBe(board.participantUrl)
    // Big enough to scan from the back of a room: over half the screen's height.
    expect((await big.boundingBox())!.height).toBeGreaterThan(768 / 2)

    // A third person joins (an observer does not count): the screen says so at once.
    await joinBoard(server.url, board.id, { observer: true })
    const karim = await newParticipant(browser, { name: 'Karim' })
    await openBoard(karim, board.participantUrl)
    await expect.poll(() => count.textContent()).toBe('3 people have joined')
    await rana.page.screenshot({ path: screenshotPath('join-screen-1366-en') })

    // Escape closes the join screen, back to the share dialog.
    await rana.page.keyboard.press('Escape')
    await expect.poll(() => screen.count()).toBe(0)
    expect(await dialog.isVisible()).toBe(true)
    // And the button closes it too.
    await dialog.getByRole('button', { name: 'Show on a projector' }).click()
    await screen.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => screen.count()).toBe(0)
    for (const p of [rana, leila, omid, karim]) await p.context.close()
  })

  it('mirrors in Arabic and Persian, on a projector and on a phone', async () => {
    const board = await createBoard(server.url, { title: 'رحلة عميل منصة العمل الحر', stages: ['الوعي', 'القرار'] })
    const host = await newParticipant(browser, { name: 'رنا', lang: 'ar', viewport: { width: 1280, height: 720 } })
    await openBoard(host, board.facilitatorUrl)
    await joinBoard(server.url, board.id, { name: 'سارا' })
    await host.page.getByRole('button', { name: 'دعوة', exact: true }).click()
    await host.page.getByRole('button', { name: 'العرض على الشاشة الكبيرة' }).click()
    const screen = host.page.locator('.join-screen')
    await expect.poll(() => screen.getByTestId('joined-count').textContent()).toBe('عدد المنضمّين: واحد')
    expect(await host.page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    // The code sits at the start of the line, which is the right in Arabic.
    const qr = (await screen.getByTestId('join-screen-qr').boundingBox())!
    const title = (await screen.locator('h2').boundingBox())!
    expect(qr.x).toBeGreaterThan(title.x)
    expect(await decodeQr(screen.getByTestId('join-screen-qr'))).toBe(board.participantUrl)
    await host.page.screenshot({ path: screenshotPath('join-screen-1280-ar') })

    const phone = await newParticipant(browser, { name: 'سارا', lang: 'fa', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await openBoard(phone, board.participantUrl)
    await phone.page.getByRole('button', { name: 'اشتراک‌گذاری' }).click()
    await phone.page.getByRole('button', { name: 'نمایش روی پرده' }).click()
    const small = phone.page.locator('.join-screen')
    await expect.poll(() => small.getByTestId('joined-count').textContent()).toBe('۲ نفر پیوسته‌اند')
    expect(await decodeQr(small.getByTestId('join-screen-qr'))).toBe(board.participantUrl)
    const box = (await small.getByTestId('join-screen-qr').boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    await phone.page.screenshot({ path: screenshotPath('join-screen-phone-fa') })
    for (const p of [host, phone]) await p.context.close()
  })
})
