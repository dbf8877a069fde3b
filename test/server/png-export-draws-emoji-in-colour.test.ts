// Emoji in a note are drawn in colour in the PNG export (and so in the PDF, rendered by the same Chromium from
// the same page), not as empty boxes: that needs an emoji font on the machine (Debian's fonts-noto-color-emoji,
// installed by .ci/run). The PNG is decoded by Chromium itself: drawn into a canvas, whose pixels over the
// emoji, located on the same print page laid out at the renderer's size, must hold colour, not only grey.
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { promote } from '../../shared/mapItems.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { launchBrowser } from '../helpers/browser.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.js'

const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'
const fontMissing = !existsSync(EMOJI_FONT)
const skip = fontMissing && process.env.CI !== 'true'
if (skip) console.warn(`SKIPPED: emoji in PNG exports: ${EMOJI_FONT} is missing (apt-get install fonts-noto-color-emoji); CI=true never skips`)

const EMOJI = '🎉'
const TEXT = `Paid in one tap ${EMOJI}`

let srv: TestServer
let browser: Browser
const clients: Member[] = []
beforeAll(async () => {
  if (skip) return
  srv = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  clients.forEach((c) => c.destroy())
  await browser?.close()
  await srv?.close()
})

it.skipIf(skip)('draws an emoji of a note in colour in the PNG export', { timeout: 60_000 }, async () => {
  const board = await createBoard(srv.url, { title: 'Checkout', stages: ['Decision'], lang: 'en' })
  const fac = await member(srv.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  clients.push(fac)
  await synced(fac)
  const stageId = readBoard(fac.doc).stages[0]!.id
  addNote(fac.doc, { id: 'n1', stageId, kind: 'feeling', text: TEXT, authorId: fac.me })
  expect(promote(fac.doc, { kind: 'note', id: 'n1' })).toBe('note:n1')
  const reader = await member(srv.url, board.id, { name: 'Reader' })
  clients.push(reader)
  await synced(reader)
  await until(() => reader.doc.getMap('mapItems').size === 1, 'the map item on the server')

  const get = async (format: string) => {
    const res = await fetch(`${srv.url}/api/boards/${board.id}/export?format=${format}`, { headers: { authorization: `Bearer ${fac.token}` } })
    expect(res.status).toBe(200)
    return Buffer.from(await res.arrayBuffer())
  }
  const png = await get('png')
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  const html = (await get('html')).toString()

  // The emoji's box on the print page, laid out as the renderer lays it out (server/render.ts: 1400 × 990).
  const page = await browser.newPage({ viewport: { width: 1400, height: 990 } })
  try {
    await page.setContent(html, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    const box = await page.evaluate((emoji) => {
      const title = [...document.querySelectorAll('.items .title')].find((el) => el.textContent?.includes(emoji))
      const text = title?.firstChild
      if (!text || text.nodeType !== Node.TEXT_NODE) return null
      const at = text.textContent!.indexOf(emoji)
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + emoji.length)
      const r = range.getBoundingClientRect()
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }
    }, EMOJI)
    expect(box, 'the emoji on the print page').not.toBeNull()
    expect(box!.width).toBeGreaterThan(4)

    // The PNG, decoded by Chromium into a canvas: how many pixels of the emoji's box are coloured (clearly
    // more of one channel than another), against all of them being white, grey or black (an empty box).
    const { coloured, total } = await page.evaluate(
      async ({ src, box }) => {
        const img = new Image()
        img.src = src
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.naturalWidth
        canvas.height = img.naturalHeight
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        const { data } = ctx.getImageData(Math.floor(box.x), Math.floor(box.y), Math.ceil(box.width), Math.ceil(box.height))
        let coloured = 0
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!]
          if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++
        }
        return { coloured, total: data.length / 4 }
      },
      { src: `data:image/png;base64,${png.toString('base64')}`, box: box! },
    )
    expect(total).toBeGreaterThan(16)
    expect(coloured, `coloured pixels in the emoji's ${total}: is fonts-noto-color-emoji installed (${EMOJI_FONT})?`).toBeGreaterThan(total * 0.05)
  } finally {
    await page.close()
  }
})
