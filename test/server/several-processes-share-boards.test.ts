import { afterAll, describe, expect, it } from 'vitest'
import { addNote, readBoard } from '../../shared/schema.js'
import { balancer } from '../helpers/balancer.js'
import { member, stockClient, synced, until, type StockClient } from '../helpers/clients.js'
import { sharingProcesses } from '../helpers/process.js'
import { createBoard, joinBoard } from '../helpers/server.js'

const { reason, start: sharingProcess } = await sharingProcesses()
const clients: StockClient[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

describe.skipIf(reason)(`several server processes on PostgreSQL and Redis${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('share a board live, and lose nothing anyone has seen when one is killed with SIGKILL', async () => {
    const a = await sharingProcess()
    const b = await sharingProcess()
    const lb = await balancer([a.port, b.port])
    const { id, facilitatorKey } = await createBoard(a.url, { title: 'چند سرور' })

    // One writer on each process, pinned, so every update crosses processes.
    const onA = await member(a.url, id, { name: 'On A', facilitatorKey })
    const onB = await member(b.url, id, { name: 'On B', facilitatorKey })
    clients.push(onA, onB)
    await Promise.all([synced(onA), synced(onB)])
    const stageId = readBoard(onA.doc).stages[0]!.id
    addNote(onA.doc, { id: 'from-a', stageId, kind: 'idea', text: 'از سرور الف', authorId: onA.me })
    addNote(onB.doc, { id: 'from-b', stageId, kind: 'idea', text: 'من الخادم ب', authorId: onB.me })
    await until(() => onA.doc.getMap('notes').has('from-b') && onB.doc.getMap('notes').has('from-a'), 'updates across processes')
    onA.provider.awareness.setLocalStateField('cursor', { x: 0.1, y: 0.2 })
    await until(() => (onB.provider.awareness.getStates().get(onA.doc.clientID) as any)?.user?.name === 'On A', 'presence across processes')

    // Writers behind the load balancer: the first lands on A (round robin), then A dies mid-stream.
    const w = await joinBoard(a.url, id, { name: 'Writer', facilitatorKey })
    const writer = stockClient(`ws://127.0.0.1:${lb.port}/ws`, id, { token: w.token })
    clients.push(writer)
    await synced(writer)
    let writerDropped = false
    writer.provider.on('connection-close', () => (writerDropped = true))
    const { token } = await joinBoard(b.url, id, { observer: true })
    for (let i = 0; i < 100; i++) addNote(writer.doc, { id: `w${i}`, stageId, kind: 'action', text: `یادداشت ${i}`, authorId: w.participantId })
    await until(() => onB.doc.getMap('notes').size >= 30, 'some writes to have reached B')
    const seenOnB = new Set(onB.doc.getMap('notes').keys())
    a.proc.kill('SIGKILL')
    await a.exited
    for (let i = 100; i < 120; i++) addNote(writer.doc, { id: `w${i}`, stageId, kind: 'action', text: `بعد ${i}`, authorId: w.participantId })

    // The writer reconnects through the balancer to B and converges; a fresh reader on B has everything.
    await until(() => onB.doc.getMap('notes').size === 122, 'B to hold every note after the writer reconnects', 15_000)
    expect(writerDropped).toBe(true) // it really was on the process that died
    const fresh = stockClient(`ws://127.0.0.1:${b.port}/ws`, id, { token })
    clients.push(fresh)
    await synced(fresh)
    const all = new Set(fresh.doc.getMap('notes').keys())
    for (const seen of seenOnB) expect(all.has(seen)).toBe(true)
    expect(all.size).toBe(122)
    await lb.close()
  })
})
