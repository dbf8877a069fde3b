// Two server processes on PostgreSQL and Redis: forgeries and updates with missing dependencies are
// refused on the process that receives them, nothing of them reaches the other, and both show the same
// board afterwards, with the victim's later edits.
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { NOTE, addNote, noteText, readBoard, roots } from '../../shared/schema.js'
import { member, synced, until, type StockClient } from '../helpers/clients.js'
import { closeCode, deleteRange, sendUpdate } from '../helpers/crafted.js'
import { sharingProcesses } from '../helpers/process.js'
import { act, createBoard } from '../helpers/server.js'

const { reason, start: sharingProcess } = await sharingProcesses()
const clients: StockClient[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

const notes = (c: StockClient) => readBoard(c.doc).notes.map((n) => `${n.id}:${n.authorId}:${n.text}`)

describe.skipIf(reason)(`forgeries across processes on PostgreSQL and Redis${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('are refused where they arrive, and both processes show the same board', async () => {
    const a = await sharingProcess()
    const b = await sharingProcess()
    const { id, facilitatorKey } = await createBoard(a.url, { title: 'دو سرور' })
    const fac = await member(a.url, id, { name: 'Facilitator', facilitatorKey })
    const sara = await member(a.url, id, { name: 'Sara' })
    const omid = await member(b.url, id, { name: 'Omid' })
    clients.push(fac, sara, omid)
    await Promise.all([fac, sara, omid].map(synced))
    for (const action of [{ type: 'setPhase', phase: 'ideate' }, { type: 'setPrivateWriting', on: false }] as const) {
      expect((await act(a.url, id, fac.token, action)).status).toBe(200)
    }
    await until(() => sara.doc.getMap('session').get('privateWriting') === false && omid.doc.getMap('session').get('privateWriting') === false, 'open writing')
    const stageId = readBoard(omid.doc).stages[0]!.id
    addNote(omid.doc, { id: 'omid-1', stageId, kind: 'pain', text: 'صف طويل', authorId: omid.me })
    await until(() => sara.doc.getMap('notes').has('omid-1'), 'the note on A')

    let closed = closeCode(sara)
    roots(sara.doc).notes.get('omid-1')!.set(NOTE.fixed, [sara.me, 1])
    expect(await closed).toBe(CloseCode.forbidden)
    sara.destroy()
    const eve = await member(a.url, id, { name: 'Eve' })
    clients.push(eve)
    await synced(eve)
    closed = closeCode(eve)
    sendUpdate(eve, deleteRange(omid.doc.clientID, Y.getState(omid.doc.store, omid.doc.clientID), 200))
    expect(await closed).toBe(CloseCode.resync)

    noteText(omid.doc, 'omid-1')!.insert(0, 'هنوز ')
    addNote(omid.doc, { id: 'omid-2', stageId, kind: 'idea', text: 'نوبت آنلاین', authorId: omid.me })
    const onA = await member(a.url, id, { observer: true })
    const onB = await member(b.url, id, { observer: true })
    clients.push(onA, onB)
    await Promise.all([synced(onA), synced(onB)])
    const expected = [`omid-1:${omid.me}:هنوز صف طويل`, `omid-2:${omid.me}:نوبت آنلاین`]
    // The same notes, and in the end the same document: a server write (joining people) may still be on the bus.
    const same = () => Buffer.from(Y.encodeStateVector(onA.doc)).equals(Buffer.from(Y.encodeStateVector(onB.doc)))
    await until(() => notes(onA).join() === expected.join() && notes(onB).join() === expected.join() && same(), 'both processes to agree', 10_000)
    expect(Y.encodeStateVector(onA.doc)).toEqual(Y.encodeStateVector(onB.doc))
  })
})
