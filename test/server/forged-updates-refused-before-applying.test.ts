// A participant with a real token crafts Yjs updates on the standard protocol. Each forgery is refused
// with 4403 before it touches the board, each update that builds on what the server lacks with 4509,
// nothing of either is relayed or stored, and the victims' later edits are kept.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { readDrafts } from '../../shared/drafts.js'
import { NOTE, addNote, noteRecord, noteText, readBoard, roots } from '../../shared/schema.js'
import { member, stockClient, synced, until, type Member, type StockClient } from '../helpers/clients.js'
import { changesSince, closeCode, copyAs, deleteRange, sendUpdate, settle } from '../helpers/crafted.js'
import { startTestServer } from '../helpers/server.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest()

const stage = (m: StockClient) => readBoard(m.doc).stages[0]!.id
const notesOf = (m: StockClient) => readBoard(m.doc).notes.map((n) => ({ id: n.id, text: n.text, authorId: n.authorId }))

/** An open board (ideate, writing on the board) where Omid has written one note. */
async function openBoard(names = ['Sara', 'Omid']) {
  t.w = await workshop(t.srv, names)
  await t.w.run({ type: 'setPhase', phase: 'ideate' })
  await t.w.run({ type: 'setPrivateWriting', on: false })
  const [sara, omid] = t.w.people as [Member, Member]
  await until(() => !sara.doc.getMap('session').get('privateWriting'), 'open writing')
  addNote(omid.doc, { id: 'omid-1', stageId: stage(omid), kind: 'pain', text: 'الدفع فشل مرتين', authorId: omid.me })
  await until(() => sara.doc.getMap('notes').has('omid-1') && t.w.facilitator.doc.getMap('notes').has('omid-1'), 'the note everywhere')
  return { sara, omid }
}

/** After a refusal: the honest people still see `expected`, and so does a fresh joiner after a restart. */
async function boardStays(expected: ReturnType<typeof notesOf>) {
  await settle()
  expect(notesOf(t.w.facilitator)).toEqual(expected)
  await t.srv.close()
  t.srv = await startTestServer({ dataDir: t.srv.dataDir })
  const late = await member(t.srv.url, t.w.id, { name: 'Late' })
  t.extra.push(late)
  await synced(late)
  expect(notesOf(late)).toEqual(expected)
}

describe('forgeries are refused with 4403 and kept nowhere', () => {
  it.each([
    ['replaces it with a new record under its key', (sara: Member) => {
      const m = noteRecord({ stageId: stage(sara), order: 'a0', clusterId: null, kind: 'idea', text: 'مكتوب فوقه', authorId: sara.me, createdAt: 1 })
      roots(sara.doc).notes.set('omid-1', m)
    }],
    ['takes it over by rewriting its author', (sara: Member) => roots(sara.doc).notes.get('omid-1')!.set(NOTE.fixed, [sara.me, 1])],
    ['edits its text', (sara: Member) => noteText(sara.doc, 'omid-1')!.insert(0, 'لا ')],
    ['deletes it', (sara: Member) => roots(sara.doc).notes.delete('omid-1')],
  ])("someone else's note: a participant who %s", async (_what, cheat) => {
    const { sara } = await openBoard()
    const before = notesOf(t.w.facilitator)
    const closed = closeCode(sara)
    cheat(sara)
    expect(await closed).toBe(CloseCode.forbidden)
    await boardStays(before)
  })

  it('re-attributing your own note to someone else', async () => {
    const { sara, omid } = await openBoard()
    addNote(sara.doc, { id: 'sara-1', stageId: stage(sara), kind: 'idea', text: 'فكرتي', authorId: sara.me })
    await until(() => t.w.facilitator.doc.getMap('notes').has('sara-1'), 'her note')
    const before = notesOf(t.w.facilitator)
    const closed = closeCode(sara)
    roots(sara.doc).notes.get('sara-1')!.set(NOTE.fixed, [omid.me, 1])
    expect(await closed).toBe(CloseCode.forbidden)
    await boardStays(before)
  })

  it("structs under another person's client id", async () => {
    const { sara, omid } = await openBoard()
    const before = notesOf(t.w.facilitator)
    // What Omid would type next, sent by Sara ahead of him.
    const asOmid = copyAs(omid.doc, omid.doc.clientID)
    noteText(asOmid, 'omid-1')!.insert(0, 'مزوّر ')
    const closed = closeCode(sara)
    sendUpdate(sara, changesSince(asOmid, omid.doc))
    expect(await closed).toBe(CloseCode.forbidden)
    // Omid's real next keystrokes, at those very clocks, are kept.
    noteText(omid.doc, 'omid-1')!.insert(0, 'حقًا ')
    await until(() => noteText(t.w.facilitator.doc, 'omid-1')?.toString() === 'حقًا الدفع فشل مرتين', "Omid's edit")
    await boardStays(notesOf(t.w.facilitator))
    expect(before[0]!.text).toBe('الدفع فشل مرتين')
  })
})

describe('updates that build on what the server lacks are refused with 4509, never kept pending', () => {
  it("a delete range ahead of another person's clock: their next note and keystrokes are kept", async () => {
    const { sara, omid } = await openBoard()
    const clock = Y.getState(omid.doc.store, omid.doc.clientID)
    const closed = closeCode(sara)
    sendUpdate(sara, deleteRange(omid.doc.clientID, clock, 500))
    expect(await closed).toBe(CloseCode.resync)
    addNote(omid.doc, { id: 'omid-2', stageId: stage(omid), kind: 'idea', text: 'ما زلت هنا', authorId: omid.me })
    noteText(omid.doc, 'omid-1')!.insert(0, '!')
    await until(() => noteText(t.w.facilitator.doc, 'omid-2')?.toString() === 'ما زلت هنا', "Omid's next note")
    await boardStays(notesOf(t.w.facilitator))
    expect(notesOf(t.w.facilitator).map((n) => n.text)).toEqual(['!الدفع فشل مرتين', 'ما زلت هنا'])
  })

  it("a struct of one's own that builds on another person's future clock", async () => {
    const { sara, omid } = await openBoard()
    const future = copyAs(omid.doc, omid.doc.clientID)
    noteText(future, 'omid-1')!.insert(0, 'abc')
    const asSara = copyAs(future, sara.doc.clientID)
    noteText(asSara, 'omid-1')!.insert(3, 'X') // right after Omid's future characters
    const closed = closeCode(sara)
    sendUpdate(sara, changesSince(asSara, future))
    expect(await closed).toBe(CloseCode.resync)
    noteText(omid.doc, 'omid-1')!.insert(0, 'xyz')
    await until(() => noteText(t.w.facilitator.doc, 'omid-1')?.toString().startsWith('xyz') === true, "Omid's edit")
    await settle()
    expect(noteText(t.w.facilitator.doc, 'omid-1')!.toString()).toBe('xyzالدفع فشل مرتين')
  })

  it("a delete of the server's future items: the facilitator's next actions still land", async () => {
    const { sara } = await openBoard()
    const serverIds = [...t.w.facilitator.doc.getMap<string>('clients')].filter(([, who]) => who === '#server').map(([id]) => Number(id))
    expect(serverIds.length).toBeGreaterThan(0)
    for (const id of serverIds) {
      const closed = closeCode(sara)
      sendUpdate(sara, deleteRange(id, Y.getState(t.w.facilitator.doc.store, id), 1000))
      expect(await closed).toBe(CloseCode.resync)
    }
    await t.w.run({ type: 'setPhase', phase: 'cluster' })
    await t.w.run({ type: 'setLocked', locked: true })
    await until(() => t.w.facilitator.doc.getMap('session').get('locked') === true, 'the lock')
    expect(t.w.facilitator.doc.getMap('session').get('phase')).toBe('cluster')
  })

  it("a facilitator-only change hung on the facilitator's next edit never lands", async () => {
    const { sara } = await openBoard()
    const fac = t.w.facilitator
    roots(fac.doc).meta.set('title', 'الرحلة')
    await until(() => sara.doc.getMap('meta').get('title') === 'الرحلة', 'the title')
    const future = copyAs(fac.doc, fac.doc.clientID)
    future.getMap('frame').set('goal', 'goal by the facilitator')
    const asSara = copyAs(future, sara.doc.clientID)
    asSara.getMap('frame').set('goal', 'goal by Sara')
    const closed = closeCode(sara)
    sendUpdate(sara, changesSince(asSara, future))
    expect(await closed).toBe(CloseCode.resync)
    fac.doc.getMap('frame').set('goal', 'the real goal')
    const watcher = await member(t.srv.url, t.w.id, { observer: true })
    t.extra.push(watcher)
    await synced(watcher)
    await until(() => watcher.doc.getMap('frame').get('goal') === 'the real goal', 'the real goal')
    await settle()
    expect(watcher.doc.getMap('frame').get('goal')).toBe('the real goal')
  })
})

describe('the reveal keeps keys', () => {
  it('a private note lands under its own key; one under a key the board uses goes to its writer\'s drafts', async () => {
    t.w = await workshop(t.srv, ['Sara', 'Omid'])
    const [sara, omid] = t.w.people as [Member, Member]
    await t.w.run({ type: 'setPhase', phase: 'ideate' })
    const sOwn = stockClient(t.srv.wsUrl, `${t.w.id}/private`, { token: sara.token })
    const oOwn = stockClient(t.srv.wsUrl, `${t.w.id}/private`, { token: omid.token })
    t.extra.push(sOwn, oOwn)
    await Promise.all([synced(sOwn), synced(oOwn)])
    addNote(oOwn.doc, { id: 'omid-1', stageId: stage(omid), kind: 'pain', text: 'ملاحظة عُمید', authorId: omid.me })
    await until(() => t.w.facilitator.doc.getMap('hidden').size === 1, 'the face-down count')

    // A private note in another person's name is a forgery: the reveal would put it on the board as theirs.
    const closed = closeCode(sOwn)
    const m = noteRecord({ stageId: stage(sara), order: 'a0', clusterId: null, kind: 'idea', text: 'بدل', authorId: omid.me, createdAt: 1 })
    roots(sOwn.doc).notes.set('sara-key', m)
    expect(await closed).toBe(CloseCode.forbidden)

    await t.w.run({ type: 'revealNotes' })
    await until(() => t.w.facilitator.doc.getMap('notes').has('omid-1'), 'the reveal')
    // After the reveal, a late private note under a key the board already uses replaces nothing.
    const again = stockClient(t.srv.wsUrl, `${t.w.id}/private`, { token: sara.token })
    t.extra.push(again)
    await synced(again)
    addNote(again.doc, { id: 'omid-1', stageId: stage(sara), kind: 'idea', text: 'متأخرة', authorId: sara.me })
    await until(() => readDrafts(again.doc).length === 1, "Sara's draft")
    expect(readDrafts(again.doc)[0]).toMatchObject({ id: 'omid-1', text: 'متأخرة', code: 'taken' })
    await settle()
    expect(notesOf(t.w.facilitator)).toEqual([{ id: 'omid-1', text: 'ملاحظة عُمید', authorId: omid.me }])
  })
})
