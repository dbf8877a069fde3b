// Issue 12, part 7: the renderer (Chromium behind PDF and PNG exports) opens no connection of any kind.
// Note text is escaped in the print page, so no note can run markup; this probes the renderer's own guard
// with a page that tries everything itself: WebSocket, fetch, XHR, image, style sheet, frame, beacon, event source, worker.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { Renderer } from '../../server/render.js'

let http: Server
let wss: WebSocketServer
let port = 0
const connections: string[] = []
const renderer = new Renderer(process.env.CHROMIUM_PATH || '/usr/bin/chromium')

beforeAll(async () => {
  http = createServer((req, res) => {
    connections.push(`http ${req.url}`)
    res.end('ok')
  })
  wss = new WebSocketServer({ server: http })
  wss.on('connection', (_ws, req) => connections.push(`ws ${req.url}`))
  http.on('connection', () => connections.push('tcp'))
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r))
  port = (http.address() as AddressInfo).port
})
afterAll(async () => {
  await renderer.close()
  wss.close()
  await new Promise((r) => http.close(r))
})

const probe = () => {
  const at = `127.0.0.1:${port}`
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="http://${at}/style.css"><title>probe</title></head><body>
<img src="http://${at}/img.png"><iframe src="http://${at}/frame"></iframe>
<script>
  try { new WebSocket('ws://${at}/socket') } catch (e) {}
  try { new WebSocket('ws://localhost:${port}/socket2') } catch (e) {}
  try { fetch('http://${at}/fetch').catch(function () {}) } catch (e) {}
  try { var x = new XMLHttpRequest(); x.open('GET', 'http://${at}/xhr'); x.send() } catch (e) {}
  try { navigator.sendBeacon('http://${at}/beacon', 'x') } catch (e) {}
  try { new EventSource('http://${at}/events') } catch (e) {}
  try { new Worker('http://${at}/worker.js') } catch (e) {}
</script><p>نقشه سفر</p></body></html>`
}

it('renders a page that tries every kind of connection, and none reaches the server', async () => {
  const pdf = await renderer.pdf(probe())
  const png = await renderer.png(probe())
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  await new Promise((r) => setTimeout(r, 500)) // anything late would have arrived by now
  expect(connections).toEqual([])
  // The probe server itself answers, so a connection would have been seen.
  await fetch(`http://127.0.0.1:${port}/self`)
  expect(connections).toContain('http /self')
})
