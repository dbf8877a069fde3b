// Browser benchmark of the live board (issue #16, point 4), not part of `npm test`:
//   npx vite build && npx tsx bench/browserBoard.ts [notes=1000] [people=200]
// Opens a board of 1,000 notes in Chromium while 200 simulated participants (cheap awareness-only clients
// in this process) are present, 20 of them moving their pointers and 3 typing, then measures: load time and
// the longest task while loading, adding a note (in the DOM in the same task as the Enter, and until the
// frame after it is drawn), keystroke to the next frame (its animation frame callbacks) and to that frame
// drawn while editing, a remote note until it is in the DOM, long tasks, and the page's memory. Bounded:
// gives up after 3 minutes. bench/boardVsQuiet.ts runs it against a quiet board, in rounds.
// BENCH_PROFILE=load|work prints the page's busiest functions (Chrome's CPU profiler) while loading or
// while working; BENCH_TRACE=load|work the renderer's busiest trace events; both keep what they recorded
// in .tmp/ (browser-profile-<window>.cpuprofile, browser-trace-<window>.json) for DevTools.
// BENCH_SCREENSHOT=<file.png> saves the loaded board; BENCH_CSS='<rules>' adds a style sheet to the page,
// to try a change of style without a rebuild.
import { mkdirSync, writeFileSync } from 'node:fs'
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

mkdirSync('.tmp', { recursive: true })
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
  if (process.env.BENCH_CSS) {
    await p.context.addInitScript((css) => addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: css }))), process.env.BENCH_CSS)
  }
  const cdp = await p.context.newCDPSession(p.page)
  await cdp.send('Performance.enable')
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  /** BENCH_PROFILE / BENCH_TRACE for one window ('load' or 'work'; '1' is 'work'): returns what stops it. */
  const watch = async (window: 'load' | 'work') => {
    const wanted = (v: string | undefined) => v === window || (window === 'work' && v === '1')
    const profiling = wanted(process.env.BENCH_PROFILE)
    const tracing = wanted(process.env.BENCH_TRACE)
    if (profiling) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    if (tracing) await browser.startTracing(p.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
    return async () => {
      if (tracing) {
        const trace = (await browser.stopTracing()).toString()
        writeFileSync(`.tmp/browser-trace-${window}.json`, trace) // for chrome://tracing or DevTools
        printTrace(JSON.parse(trace))
      }
      if (profiling) {
        const { profile } = await cdp.send('Profiler.stop')
        writeFileSync(`.tmp/browser-profile-${window}.cpuprofile`, JSON.stringify(profile))
        printProfile(profile)
      }
    }
  }
  /** The page's JavaScript heap after a full collection, and its DOM nodes. */
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    const m = await metrics()
    return { heapMB: (m.JSHeapUsedSize ?? NaN) / 2 ** 20, nodes: m.Nodes ?? NaN }
  }

  step('opening the board in Chromium')
  const stopLoadWatch = await watch('load')
  const loadStart = performance.now()
  await p.page.goto(board.facilitatorUrl)
  await p.page.waitForFunction((n) => document.querySelectorAll('.note').length >= n, NOTES, { timeout: 60_000, polling: 50 })
  const loadMs = performance.now() - loadStart
  await p.page.locator('[data-status="connected"]').waitFor()
  if (process.env.BENCH_NO_CURSORS) await p.page.addStyleTag({ content: '.cursor-layer { display: none }' })
  if (PEOPLE > 0) {
    await p.page
      .waitForFunction((n) => parseInt(document.querySelector('.people-count')?.textContent ?? '0') > n && document.querySelectorAll('.cursor:not([hidden])').length > 0, PEOPLE, { timeout: 30_000 })
      .catch(() => step('not everyone showed up within 30 s'))
  }
  const present = await p.page.locator('.people-count').textContent()
  await sleep(500) // what the load left for idle time
  await stopLoadWatch()
  const afterLoad = await p.page.evaluate(() => performance.now())
  const loaded = await memory()
  if (process.env.BENCH_SCREENSHOT) await p.page.screenshot({ path: process.env.BENCH_SCREENSHOT })
  step('loaded; measuring')

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
  const before = await metrics()
  const workStart = performance.now()
  const stopWorkWatch = await watch('work')

  // The next frame after an event: when its animation frame callbacks run (what the figures measure:
  // the event, and whatever work was ahead of it, done), and when it is drawn, i.e. its style, layout and
  // paint done too, which is when a task posted from that callback runs.
  await p.page.evaluate(() => {
    const w = window as unknown as { __frame: (then: (frameAt: number, drawnAt: number) => void) => void }
    w.__frame = (then) =>
      requestAnimationFrame(() => {
        const frameAt = performance.now()
        const ch = new MessageChannel()
        ch.port1.onmessage = () => then(frameAt, performance.now())
        ch.port2.postMessage(null)
      })
  })

  // 1. Adding a note: is it in the DOM in the same task as the Enter (so in the frame that follows), the
  // time that task took, and the time until that frame is drawn.
  const adds: { sync: number; frame: number }[] = []
  for (let i = 0; i < 20; i++) {
    adds.push(
      await p.page.evaluate(
        (i) =>
          new Promise<{ sync: number; frame: number }>((resolve) => {
            const w = window as unknown as { __frame: (then: (frameAt: number, drawnAt: number) => void) => void }
            const composer = document.querySelector<HTMLTextAreaElement>('.stage .composer-text')!
            composer.value = `Bench note ${i}`
            composer.dispatchEvent(new Event('input', { bubbles: true }))
            const t = performance.now()
            composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
            const inDom = [...document.querySelectorAll('.stage:first-child .note-text')].some((n) => n.textContent === `Bench note ${i}`)
            const sync = performance.now() - t
            w.__frame((_, drawnAt) => resolve({ sync: inDom ? sync : Infinity, frame: drawnAt - t }))
          }),
        i,
      ),
    )
    await sleep(50)
  }

  // 2. Typing: keydown (as the browser stamped it) until the next frame, and until that frame is drawn.
  await p.page.evaluate(() => {
    const w = window as unknown as { __keys: [number, number][]; __frame: (then: (frameAt: number, drawnAt: number) => void) => void }
    w.__keys = []
    let down = 0
    addEventListener('keydown', (e) => (down = e.timeStamp), true)
    addEventListener('input', () => {
      const d = down
      w.__frame((frameAt, drawnAt) => w.__keys.push([frameAt - d, drawnAt - d]))
    }, true)
  })
  const target = p.page.locator('.note').nth(7).locator('.note-text')
  await target.click()
  await p.page.keyboard.press('End')
  await p.page.keyboard.type(' and the customer writes a long comment about support', { delay: 35 })
  await p.page.keyboard.press('Escape')
  const [keys, keysDrawn] = await p.page.evaluate(() => {
    const k = (window as unknown as { __keys: [number, number][] }).__keys
    return [k.map((x) => x[0]), k.map((x) => x[1])]
  })

  step('adds and keystrokes measured')
  await stopWorkWatch()
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
  const worked = await memory()
  const longTasks = await p.page.evaluate(() => (window as unknown as { __long: { start: number; duration: number }[] }).__long)
  const duringLoad = longTasks.filter((l) => l.start < afterLoad)
  const duringWork = longTasks.filter((l) => l.start >= afterLoad)
  const longest = (ls: { duration: number }[]) => Math.max(0, ...ls.map((l) => l.duration))

  console.log('')
  console.log(`Chromium, ${NOTES} notes, ${PEOPLE} participants (${MOVERS} moving pointers at 10/s, ${TYPISTS} typing); people shown: "${present}"`)
  console.log(`${'load: navigation to all notes in the DOM'.padEnd(44)} ${loadMs.toFixed(0)} ms`)
  row('add note: Enter to note in DOM (same task)', adds.map((a) => a.sync))
  row('add note: Enter to its frame drawn', adds.map((a) => a.frame))
  row('keystroke: keydown to next frame', keys)
  row('keystroke: keydown to that frame drawn', keysDrawn)
  row('remote note: sent in Node to in the DOM', remote)
  console.log(`${'long tasks during load'.padEnd(44)} ${duringLoad.length}, total ${duringLoad.reduce((a, l) => a + l.duration, 0).toFixed(0)} ms, max ${longest(duringLoad).toFixed(0)} ms`)
  console.log(`${'long tasks while working (after load)'.padEnd(44)} ${duringWork.length}, total ${duringWork.reduce((a, l) => a + l.duration, 0).toFixed(0)} ms, max ${longest(duringWork).toFixed(0)} ms`)
  console.log(
    `${'renderer main thread while working'.padEnd(44)} ${workSeconds.toFixed(1)} s wall: tasks ${busy('TaskDuration')}, script ${busy('ScriptDuration')}, style ${busy('RecalcStyleDuration')}, layout ${busy('LayoutDuration')}`,
  )
  console.log(`${'memory: JS heap after a collection'.padEnd(44)} loaded ${loaded.heapMB.toFixed(1)} MB, after working ${worked.heapMB.toFixed(1)} MB; DOM nodes ${loaded.nodes} → ${worked.nodes}`)
  // For bench/boardVsQuiet.ts, which runs this on a quiet board and on the crowded one, in rounds.
  if (process.env.BENCH_JSON) {
    const results = {
      notes: NOTES, people: PEOPLE, loadMs,
      loadLongestTaskMs: longest(duringLoad),
      addsNotInSameTask: adds.filter((a) => !Number.isFinite(a.sync)).length,
      addSameTaskMs: stats(adds.map((a) => a.sync)).median, addFrameMs: stats(adds.map((a) => a.frame)).median,
      addFrameP95Ms: stats(adds.map((a) => a.frame)).p95,
      keystrokeFrameMs: stats(keys).median, keystrokeFrameP95Ms: stats(keys).p95,
      keystrokeDrawnMs: stats(keysDrawn).median, keystrokeDrawnP95Ms: stats(keysDrawn).p95, remoteNoteMs: stats(remote).median,
      longTasksWhileWorking: duringWork.length, workLongestTaskMs: longest(duringWork),
      heapMB: loaded.heapMB, heapAfterWorkMB: worked.heapMB, domNodes: loaded.nodes,
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
