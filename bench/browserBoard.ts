// Browser benchmark of the live board (issue #3, item 7), not part of `npm test`:
//   npx vite build && npx tsx bench/browserBoard.ts [notes=1000] [people=200]
// Opens a board of 1,000 notes in Chromium while 200 simulated participants (stock y-websocket clients
// in this process) are present, 20 of them moving their pointers and 3 typing, then measures: load time,
// adding a note until it is in the DOM (and the next frame), keystroke to next frame while editing, a
// remote note until it is in the DOM, and long tasks. Bounded: gives up after 3 minutes.
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { addNote, readBoard, setNoteText } from '../shared/schema.js'
import { createOpenBoard, fillBoard } from '../test/helpers/boards.js'
import { launchBrowser, newParticipant } from '../test/helpers/browser.js'
import { stockClient, synced, type StockClient } from '../test/helpers/clients.js'
import { startTestServer } from '../test/helpers/server.js'
import { CrowdMember } from './crowd.js'
import { printProfile, printTrace } from './traceSummary.js'

const NOTES = Number(process.argv[2] ?? 1000)
const PEOPLE = Number(process.argv[3] ?? 200)
const MOVERS = Math.min(Number(process.env.BENCH_MOVERS ?? 20), PEOPLE)
const TYPISTS = Math.min(Number(process.env.BENCH_TYPISTS ?? 3), PEOPLE)
const deadline = setTimeout(() => {
  console.error('bench: gave up after 3 minutes')
  process.exit(2)
}, 180_000)

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? NaN }
}
const row = (label: string, xs: number[]) => {
  const { n, median, p95, max } = stats(xs)
  console.log(`${label.padEnd(44)} n=${String(n).padStart(3)}  median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${max.toFixed(1).padStart(6)} ms`)
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const started = performance.now()
const step = (what: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${what}`)

/** A facilitator's token (writers may write in any phase), or no params on a server without tokens. */
async function seatToken(url: string, board: { id: string; facilitatorKey: string }, name: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/boards/${board.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, facilitatorKey: board.facilitatorKey }),
  })
  return res.ok ? { token: ((await res.json()) as { token: string }).token } : {}
}

const server = await startTestServer()
const browser = await launchBrowser()
const crowd: CrowdMember[] = []
const typists: StockClient[] = []
const timers: ReturnType<typeof setInterval>[] = []
try {
  const t0 = performance.now()
  const board = await createOpenBoard(server.url, { title: 'Bench: 1,000 notes' })
  await fillBoard(server.url, board, NOTES)
  console.log(`board with ${NOTES} notes ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  // The crowd: everyone joins as a participant and shows up in presence.
  const wsUrl = server.url.replace('http', 'ws') + '/ws'
  const seat = async (i: number) => {
    const joined = await fetch(`${server.url}/api/boards/${board.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Person ${i + 1}` }),
    })
    const token = joined.ok ? ((await joined.json()) as { token: string }).token : undefined
    const c = new CrowdMember(wsUrl, board.id, token, { id: `p${i}`, name: `Person ${i + 1}`, color: '#1f6feb', role: 'participant' })
    crowd.push(c)
    await c.opened
  }
  for (let i = 0; i < PEOPLE; i += 20) await Promise.all(Array.from({ length: Math.min(20, PEOPLE - i) }, (_, j) => seat(i + j)))
  console.log(`${PEOPLE} participants connected in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const reader = stockClient(wsUrl, board.id, await seatToken(server.url, board, 'Reader'))
  await synced(reader)
  const notes = readBoard(reader.doc).notes
  const stageId = readBoard(reader.doc).stages[2]!.id
  reader.destroy()

  // Pointers moving at ~10/s, anchored to random notes, as the client sends them.
  for (const c of crowd.slice(0, MOVERS)) {
    timers.push(
      setInterval(() => {
        const n = notes[Math.floor(Math.random() * notes.length)]!
        c.set('cursor', { stageId: n.stageId, noteId: n.id, x: Math.random(), y: Math.random() })
      }, 100),
    )
  }

  // The facilitator's browser, with long tasks recorded from the first byte.
  const p = await newParticipant(browser, { name: 'Facilitator', viewport: { width: 1600, height: 1000 } })
  await p.context.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] }
    w.__long = []
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true })
  })
  step('opening the board in Chromium')
  const loadStart = performance.now()
  await p.page.goto(board.facilitatorUrl)
  await p.page.waitForFunction((n) => document.querySelectorAll('.note').length >= n, NOTES, { timeout: 60_000, polling: 50 })
  const loadMs = performance.now() - loadStart
  await p.page.locator('[data-status="connected"]').waitFor()
  if (process.env.BENCH_NO_CURSORS) await p.page.addStyleTag({ content: '.cursor-layer { display: none }' })
  await p.page
    .waitForFunction((n) => parseInt(document.querySelector('.people-count')?.textContent ?? '0') > n && document.querySelectorAll('.cursor:not([hidden])').length > 0, PEOPLE, { timeout: 30_000 })
    .catch(() => step('not everyone showed up within 30 s'))
  const present = await p.page.locator('.people-count').textContent()
  step('loaded; measuring')
  const afterLoad = await p.page.evaluate(() => performance.now())

  // Typists editing notes remotely while we work (full clients: they write into the doc).
  for (const [i, n] of notes.slice(0, TYPISTS).entries()) {
    const c = stockClient(wsUrl, board.id, await seatToken(server.url, board, `Typist ${i + 1}`))
    typists.push(c)
    await synced(c)
    c.provider.awareness.setLocalState({ user: { id: `t${i}`, name: `Typist ${i + 1}`, color: '#be123c', role: 'facilitator' }, cursor: null, typing: n.id })
    let text = n.text
    timers.push(setInterval(() => setNoteText(c.doc, n.id, (text += 'x').slice(-60)), 200))
  }

  // Where the renderer's main thread spends its time (Chrome's own counters, in seconds).
  const metricsSession = await p.context.newCDPSession(p.page)
  await metricsSession.send('Performance.enable')
  const metrics = async () =>
    Object.fromEntries((await metricsSession.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const before = await metrics()
  const workStart = performance.now()

  // BENCH_TRACE=1 prints the renderer's busiest trace events while working.
  if (process.env.BENCH_TRACE) await browser.startTracing(p.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })

  // BENCH_PROFILE=1 prints where the page spends its time while working (Chrome's CPU profiler).
  const cdp = process.env.BENCH_PROFILE ? await p.context.newCDPSession(p.page) : null
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.start')
  }

  // 1. Adding a note: synchronous time until it is in the DOM, and until the next frame.
  const adds: { sync: number; frame: number }[] = []
  for (let i = 0; i < 20; i++) {
    adds.push(
      await p.page.evaluate(
        (i) =>
          new Promise<{ sync: number; frame: number }>((resolve) => {
            const composer = document.querySelector<HTMLTextAreaElement>('.stage .composer-text')!
            composer.value = `Bench note ${i}`
            composer.dispatchEvent(new Event('input', { bubbles: true }))
            const t = performance.now()
            composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
            const inDom = [...document.querySelectorAll('.stage:first-child .note-text')].some((n) => n.textContent === `Bench note ${i}`)
            const sync = performance.now() - t
            requestAnimationFrame(() => resolve({ sync: inDom ? sync : Infinity, frame: performance.now() - t }))
          }),
        i,
      ),
    )
    await sleep(50)
  }

  // 2. Typing: keydown (as the browser stamped it) to the next animation frame after the input.
  await p.page.evaluate(() => {
    const w = window as unknown as { __keys: number[] }
    w.__keys = []
    let down = 0
    addEventListener('keydown', (e) => (down = e.timeStamp), true)
    addEventListener('input', () => {
      const d = down
      requestAnimationFrame(() => w.__keys.push(performance.now() - d))
    }, true)
  })
  const target = p.page.locator('.note').nth(7).locator('.note-text')
  await target.click()
  await p.page.keyboard.press('End')
  await p.page.keyboard.type(' and the customer writes a long comment about support', { delay: 35 })
  await p.page.keyboard.press('Escape')
  const keys = await p.page.evaluate(() => (window as unknown as { __keys: number[] }).__keys)

  step('adds and keystrokes measured')
  if (process.env.BENCH_TRACE) printTrace(JSON.parse((await browser.stopTracing()).toString()))
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile)
  // 3. A remote note: written by a participant in Node, until it is in the browser's DOM.
  const remote: number[] = []
  const me = await fetch(`${server.url}/api/boards/${board.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Remote writer', facilitatorKey: board.facilitatorKey }),
  }).then((r) => (r.ok ? (r.json() as Promise<{ token: string; participantId: string }>) : null))
  const remoteClient = stockClient(wsUrl, board.id, me ? { token: me.token } : {})
  await synced(remoteClient)
  for (let i = 0; i < 10; i++) {
    const id = `remote-${i}`
    const arrived = p.page.evaluate(
      (id) =>
        new Promise<number>((resolve) => {
          // No named functions in here: tsx would wrap them in a helper the page does not have.
          const mo = new MutationObserver(() => {
            if (document.getElementById(`note-${id}`)) {
              mo.disconnect()
              resolve(Date.now())
            }
          })
          mo.observe(document.body, { childList: true, subtree: true })
        }),
      id,
    )
    await sleep(30)
    const sent = Date.now()
    addNote(remoteClient.doc, { id, stageId, kind: 'idea', text: `Remote idea ${i}`, authorId: me?.participantId ?? 'bench' })
    remote.push((await arrived) - sent)
    await sleep(100)
  }
  remoteClient.destroy()

  const after = await metrics()
  const workSeconds = (performance.now() - workStart) / 1000
  const busy = (k: string) => `${(((after[k] ?? 0) - (before[k] ?? 0)) * 1000).toFixed(0)} ms`
  const longTasks = await p.page.evaluate(() => (window as unknown as { __long: { start: number; duration: number }[] }).__long)
  const duringLoad = longTasks.filter((l) => l.start < afterLoad)
  const duringWork = longTasks.filter((l) => l.start >= afterLoad)

  console.log('')
  console.log(`Chromium, ${NOTES} notes, ${PEOPLE} participants (${MOVERS} moving pointers at 10/s, ${TYPISTS} typing); people shown: "${present}"`)
  console.log(`${'load: navigation to all notes in the DOM'.padEnd(44)} ${loadMs.toFixed(0)} ms`)
  row('add note: Enter to note in DOM (same task)', adds.map((a) => a.sync))
  row('add note: Enter to next animation frame', adds.map((a) => a.frame))
  row('keystroke: keydown to next animation frame', keys)
  row('remote note: sent in Node to in the DOM', remote)
  console.log(`${'long tasks during load'.padEnd(44)} ${duringLoad.length}, total ${duringLoad.reduce((a, l) => a + l.duration, 0).toFixed(0)} ms, max ${Math.max(0, ...duringLoad.map((l) => l.duration)).toFixed(0)} ms`)
  console.log(`${'long tasks while working (after load)'.padEnd(44)} ${duringWork.length}, total ${duringWork.reduce((a, l) => a + l.duration, 0).toFixed(0)} ms, max ${Math.max(0, ...duringWork.map((l) => l.duration)).toFixed(0)} ms`)
  console.log(
    `${'renderer main thread while working'.padEnd(44)} ${workSeconds.toFixed(1)} s wall: tasks ${busy('TaskDuration')}, script ${busy('ScriptDuration')}, style ${busy('RecalcStyleDuration')}, layout ${busy('LayoutDuration')}`,
  )
  // For bench/boardVsQuiet.ts, which runs this twice and compares against a quiet board.
  if (process.env.BENCH_JSON) {
    const median = (xs: number[]) => stats(xs).median
    const results = {
      notes: NOTES, people: PEOPLE, loadMs,
      addSameTaskMs: median(adds.map((a) => a.sync)), addFrameMs: median(adds.map((a) => a.frame)),
      keystrokeFrameMs: median(keys), keystrokeFrameP95Ms: stats(keys).p95, remoteNoteMs: median(remote),
      longTasksWhileWorking: duringWork.length,
    }
    writeFileSync(process.env.BENCH_JSON, JSON.stringify(results))
  }
  await p.context.close()
} finally {
  timers.forEach(clearInterval)
  crowd.forEach((c) => c.close())
  typists.forEach((c) => c.destroy())
  await browser.close()
  await server.close()
  clearTimeout(deadline)
}
