// Reactions and comments are written by clients and judged like notes (shared/rules.ts): anyone but observers
// reacts and comments in their own name while the notes are public; a reaction in someone else's name, a change
// to someone else's comment, or anything but a plain value among reactions is a forgery (4403, nothing kept);
// while writing privately, on a locked board, or in a phase that takes none, an honest one is taken back and the
// socket is kept (the client keeps the comment's text in its composer).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import {
  addComment, deleteComment, editComment, reactionKey, readComments, readReactions, toggleReaction,
} from '../../shared/discussion.js'
import { addNote, readBoard } from '../../shared/schema.js'
import { readSession } from '../../shared/sessionDoc.js'
import { member, synced, until, type Member } from '../helpers/clients.js'
import { closeCode, settle } from '../helpers/crafted.js'
import { serverPerTest, workshop } from '../helpers/workshop.js'

const t = serverPerTest<Member>()

/** Ideate with private writing off, and one note of Sara's on the board. */
async function openIdeate() {
  t.w = await workshop(t.srv, ['Sara', 'Omid'])
  await t.w.run({ type: 'setPhase', phase: 'ideate' })
  await t.w.run({ type: 'setPrivateWriting', on: false })
  const [sara, omid] = t.w.people as [Member, Member]
  await until(() => !readSession(omid.doc).privateWriting && readSession(omid.doc).phase === 'ideate', 'open ideate')
  addNote(sara.doc, { id: 'n1', stageId: readBoard(sara.doc).stages[0]!.id, kind: 'pain', text: 'الدفع عند الاستلام غير متاح', authorId: sara.me })
  await until(() => omid.doc.getMap('notes').has('n1'), 'the note at Omid')
  return { sara, omid }
}

const comment = (m: Member, id: string, authorId = m.me) => addComment(m.doc, { id, targetId: 'n1', authorId, text: 'نفس المشكلة عندي' })

/** Whether `m`'s socket stayed open from now on. */
function staysOpen(m: Member) {
  let closed = false
  m.provider.on('connection-close', () => (closed = true))
  return () => !closed && m.provider.wsconnected
}

/** Runs `forge` as `m` and checks it closed the socket with 4403 and left the board as it was. */
async function refusedAsForged(m: Member, forge: () => void) {
  const before = Y.encodeStateVector(t.w.facilitator.doc)
  const closed = closeCode(m)
  forge()
  expect(await closed).toBe(CloseCode.forbidden)
  await settle()
  expect(Y.encodeStateVector(t.w.facilitator.doc)).toEqual(before)
}

describe('reactions and comments while the notes are public', () => {
  it('reach everyone; a reaction is taken back and a comment changed or deleted by its author', async () => {
    const { sara, omid } = await openIdeate()
    toggleReaction(omid.doc, omid.me, 'n1', 'agree')
    comment(omid, 'k1')
    await until(() => readComments(sara.doc).length === 1 && !!readReactions(sara.doc)[reactionKey(omid.me, 'n1', 'agree')], 'both at Sara')
    editComment(omid.doc, 'k1', 'وأنا أيضًا')
    await until(() => readComments(t.w.facilitator.doc)[0]?.text === 'وأنا أيضًا', 'the edit on the board')
    expect(readComments(t.w.facilitator.doc)[0]!.editedAt).toBeGreaterThan(0)
    toggleReaction(omid.doc, omid.me, 'n1', 'agree')
    deleteComment(omid.doc, 'k1')
    await until(() => readComments(sara.doc).length === 0 && Object.keys(readReactions(sara.doc)).length === 0, 'both gone at Sara')
  })

  it('the facilitator deletes anyone\'s comment', async () => {
    const { sara } = await openIdeate()
    comment(sara, 'k1')
    await until(() => readComments(t.w.facilitator.doc).length === 1, 'the comment at the facilitator')
    deleteComment(t.w.facilitator.doc, 'k1')
    await until(() => readComments(sara.doc).length === 0, 'the comment gone at Sara')
  })
})

describe('forgeries close the socket and leave nothing', () => {
  it('a reaction in someone else\'s name', async () => {
    const { sara, omid } = await openIdeate()
    await refusedAsForged(omid, () => toggleReaction(omid.doc, sara.me, 'n1', 'love'))
    expect(readReactions(t.w.facilitator.doc)).toEqual({})
  })

  it('a reaction that is not a plain value, or whose key names no reaction', async () => {
    const { omid } = await openIdeate()
    await refusedAsForged(omid, () => omid.doc.getMap('reactions').set(reactionKey(omid.me, 'n1', 'love'), new Y.Map()))
    const again = await member(t.srv.url, t.w.id, { name: 'Omid' })
    t.extra.push(again)
    await synced(again)
    await refusedAsForged(again, () => again.doc.getMap('reactions').set(`${again.me}:n1:laugh`, Date.now()))
  })

  it("a comment in someone else's name, or a change to someone else's", async () => {
    const { sara, omid } = await openIdeate()
    comment(sara, 'k1')
    await until(() => readComments(omid.doc).length === 1, "Sara's comment at Omid")
    await refusedAsForged(omid, () => editComment(omid.doc, 'k1', 'ليس كلامها'))
    const again = await member(t.srv.url, t.w.id, { name: 'Omid' })
    t.extra.push(again)
    await synced(again)
    await refusedAsForged(again, () => comment(again, 'k2', sara.me))
    expect(readComments(t.w.facilitator.doc).map((c) => [c.id, c.text])).toEqual([['k1', 'نفس المشكلة عندي']])
  })

  it("an observer's reaction", async () => {
    await openIdeate()
    const observer = await member(t.srv.url, t.w.id, { observer: true })
    t.extra.push(observer)
    await synced(observer)
    await refusedAsForged(observer, () => toggleReaction(observer.doc, observer.me, 'n1', 'agree'))
  })
})

describe('honest ones a rule of the moment does not take', () => {
  it('while writing privately: taken back, the socket kept', async () => {
    t.w = await workshop(t.srv, ['Sara'])
    await t.w.run({ type: 'setPhase', phase: 'ideate' }) // private writing is on by default, until the reveal
    const [sara] = t.w.people as [Member]
    await t.w.seesPhase(sara, 'ideate')
    expect(readSession(sara.doc)).toMatchObject({ privateWriting: true, notesRevealed: false })
    const open = staysOpen(sara)
    comment(sara, 'k-private')
    toggleReaction(sara.doc, sara.me, 'n1', 'insight')
    await until(() => readComments(sara.doc).length === 0 && Object.keys(readReactions(sara.doc)).length === 0, 'both taken back')
    await settle()
    expect(readComments(t.w.facilitator.doc)).toEqual([])
    expect(open()).toBe(true)
  })

  it('on a locked board: taken back, the socket kept; open again once unlocked', async () => {
    const { sara } = await openIdeate()
    await t.w.run({ type: 'setLocked', locked: true })
    await until(() => readSession(sara.doc).locked, 'the lock')
    const open = staysOpen(sara)
    comment(sara, 'k-locked')
    await until(() => !sara.doc.getMap('comments').has('k-locked'), 'the comment taken back')
    expect(open()).toBe(true)
    await t.w.run({ type: 'setLocked', locked: false })
    await until(() => !readSession(sara.doc).locked, 'unlocked')
    comment(sara, 'k-later')
    await until(() => readComments(t.w.facilitator.doc).length === 1, 'the comment on the board')
  })

  it('in the map phase comments are taken on map items, reactions are not', async () => {
    const { sara } = await openIdeate()
    await t.w.run({ type: 'setPhase', phase: 'map' })
    await t.w.seesPhase(sara, 'map')
    const open = staysOpen(sara)
    addComment(sara.doc, { id: 'k-map', targetId: 'cluster:c1', authorId: sara.me, text: 'Ask support about this' })
    toggleReaction(sara.doc, sara.me, 'n1', 'love')
    await until(() => readComments(t.w.facilitator.doc).length === 1, 'the comment on the board')
    await until(() => Object.keys(readReactions(sara.doc)).length === 0, 'the reaction taken back')
    expect(readReactions(t.w.facilitator.doc)).toEqual({})
    expect(open()).toBe(true)
  })
})
