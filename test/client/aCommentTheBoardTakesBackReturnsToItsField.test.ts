// The client's reactions and comments (features/workshop/discussion.ts): nothing is shown or written while notes
// are written privately; a comment the server takes back (the board locked while it was on its way) returns to
// its thread's field with the reason, while one the facilitator deletes on an open board stays deleted.
import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readComments } from '../../shared/discussion.js'
import type { Refusal } from '../../shared/rules.js'
import { readSession, writeSession } from '../../shared/sessionDoc.js'
import { createDiscussion } from '../../client/src/features/workshop/discussion.js'

/** Sara's screen and the server's copy of the board, each update of one applied to the other as a remote one. */
function boards() {
  const sara = new Y.Doc()
  const server = new Y.Doc()
  sara.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(server, u, 'remote'))
  server.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(sara, u, 'remote'))
  writeSession(server, { phase: 'cluster' })
  return { sara, server }
}

function withDiscussion(doc: Y.Doc, fn: (d: ReturnType<typeof createDiscussion>, kept: Refusal[]) => void) {
  createRoot((dispose) => {
    const kept: Refusal[] = []
    let n = 0
    const d = createDiscussion({
      boardId: 'b1', doc, onKept: (r) => kept.push(r), newId: () => `k${++n}`,
      writer: () => ({ personId: 'sara', role: 'participant', session: readSession(doc) }),
    })
    try {
      fn(d, kept)
    } finally {
      d.dispose()
      dispose()
    }
  })
}

describe('reactions and comments on the client', () => {
  it('are neither shown nor written while notes are written privately', () => {
    const { sara, server } = boards()
    writeSession(server, { phase: 'ideate', privateWriting: true, notesRevealed: false })
    withDiscussion(sara, (d) => {
      expect(d.hidden()).toBe(true)
      expect(d.toggle('n1', 'agree')).toBe(false)
      d.setField('n1', 'كلنا نعاني من هذا')
      expect(d.post('n1')).toBe(false)
      d.openThread('n1', 'x')
      expect(d.thread()).toBeNull()
      expect(readComments(server)).toEqual([])
      writeSession(server, { notesRevealed: true })
      expect(d.hidden()).toBe(false)
      expect(d.toggle('n1', 'agree')).toBe(true)
      expect(d.who('n1', 'agree')).toEqual(['sara'])
    })
  })

  it('puts a comment the server takes back into its field again, and says why', () => {
    const { sara, server } = boards()
    withDiscussion(sara, (d, kept) => {
      d.setField('n1', 'الرسوم تظهر متأخرة')
      expect(d.post('n1')).toBe(true)
      expect(d.field('n1')).toBe('')
      expect(d.commentsOn('n1').map((c) => c.text)).toEqual(['الرسوم تظهر متأخرة'])
      // The server: the board locked before the comment arrived, so it is reverted.
      server.transact(() => {
        writeSession(server, { locked: true })
        server.getMap('comments').delete('k1')
      })
      expect(d.commentsOn('n1')).toEqual([])
      expect(d.field('n1')).toBe('الرسوم تظهر متأخرة')
      expect(kept.map((r) => r.code)).toEqual(['locked'])
    })
  })

  it('leaves a comment the facilitator deleted on an open board deleted', () => {
    const { sara, server } = boards()
    withDiscussion(sara, (d, kept) => {
      d.setField('n1', 'تعليق')
      d.post('n1')
      server.getMap('comments').delete('k1')
      expect(d.field('n1')).toBe('')
      expect(kept).toEqual([])
    })
  })
})
