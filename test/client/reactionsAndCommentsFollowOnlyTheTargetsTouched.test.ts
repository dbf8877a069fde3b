// The client's reactions and comments (features/workshop/discussion.ts) follow the doc target by target: on a
// board of a thousand notes, a reaction or a comment re-runs only what reads its own note, and a comment moved,
// edited or deleted leaves each thread as the whole board read afresh would.
import { createComputed, createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addComment, deleteComment, editComment, reactionsByTarget, readComments, readReactions, toggleReaction, writeReactions } from '../../shared/discussion.js'
import { readSession, writeSession } from '../../shared/sessionDoc.js'
import { createDiscussion } from '../../client/src/features/workshop/discussion.js'

describe('reactions and comments, target by target', () => {
  it('re-runs only the cards a change touched, and agrees with the whole board read afresh', () => {
    const doc = new Y.Doc()
    writeSession(doc, { phase: 'cluster' })
    // A thousand notes, each with someone's reaction already.
    writeReactions(doc, Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`p${i % 7}:n${i}:agree`, 1000 + i])))
    addComment(doc, { id: 'c1', targetId: 'n1', authorId: 'sara', text: 'الرسوم تظهر متأخرة' }, 1)
    createRoot((dispose) => {
      const d = createDiscussion({ boardId: 'b1', doc, onKept: () => {}, writer: () => ({ personId: 'sara', role: 'participant', session: readSession(doc) }) })
      const runs = new Map<string, number>()
      for (const id of ['n1', 'n2', 'n999']) {
        createComputed(() => {
          void d.who(id, 'agree').length
          void d.who(id, 'love').length
          void d.commentsOn(id).map((c) => c.text)
          runs.set(id, (runs.get(id) ?? 0) + 1)
        })
      }
      const agrees = () => reactionsByTarget(readReactions(doc))
      const threadOf = (id: string) => readComments(doc).filter((c) => c.targetId === id)

      toggleReaction(doc, 'sara', 'n2', 'love', 5000)
      expect(d.who('n2', 'love')).toEqual(['sara'])
      expect([runs.get('n1'), runs.get('n2'), runs.get('n999')]).toEqual([1, 2, 1])

      // Several people on two notes in one change, then a reaction taken back.
      doc.transact(() => {
        toggleReaction(doc, 'omid', 'n999', 'agree', 6000)
        toggleReaction(doc, 'lee', 'n2', 'love', 6001)
      })
      toggleReaction(doc, 'sara', 'n2', 'love')
      expect(d.who('n2', 'love')).toEqual(['lee'])
      expect(d.who('n999', 'agree')).toEqual(agrees().n999!.agree)
      expect(runs.get('n1')).toBe(1)

      // A comment edited, another added to a second note, then the first deleted: only their threads change.
      editComment(doc, 'c1', 'الرسوم تظهر في آخر خطوة', 2)
      addComment(doc, { id: 'c2', targetId: 'n999', authorId: 'omid', text: 'کارمزد دیر نمایش داده می‌شود' }, 3)
      expect(d.commentsOn('n1').map((c) => c.text)).toEqual(['الرسوم تظهر في آخر خطوة'])
      expect(d.commentsOn('n999')).toEqual(threadOf('n999'))
      expect(runs.get('n2')).toBe(4)
      deleteComment(doc, 'c1')
      expect(d.commentsOn('n1')).toEqual([])
      expect(d.state.comments.n1).toBeUndefined()
      expect(runs.get('n2')).toBe(4)
      expect(Object.keys(d.state.reactions)).toHaveLength(1000)
      // What the cards show is judged once for all of them: open to this participant in the cluster phase.
      expect(d.forCards()).toEqual({ hidden: false, reaction: { agree: null, love: null, insight: null, surprise: null }, comment: null })
      d.dispose()
      dispose()
    })
  })
})
