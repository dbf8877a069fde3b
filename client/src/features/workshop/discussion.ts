// Reactions and comments as Solid state, bridged one way from the board's `reactions` and `comments` roots
// (shared/discussion.ts). Every write goes through the shared mutators, and only when the rule table
// (shared/rules.ts) takes it from this person now. Everything is hidden while notes are written privately.
// A comment the server takes back after all (the board locked while it was on its way) is not lost: its text
// goes back into the comment field of its thread, kept in this browser until it is posted.
import { nanoid } from 'nanoid'
import { createSignal } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import * as Y from 'yjs'
import {
  addComment, deleteComment, editComment, reactionKey, reactionsByTarget, readComments, readReactions, toggleReaction,
  type Comment, type Reaction, type ReactionsByTarget,
} from '../../../../shared/discussion.js'
import { BOARD_RULES, fieldRefusal, judgeWrite, recordRefusal, type Refusal, type Writer } from '../../../../shared/rules.js'
import { writesArePrivate } from '../../../../shared/workshop.js'
import { createYStore } from '../../lib/yStore.js'
import { load, remove, save } from '../../lib/storage.js'
import { t } from '../../i18n/i18n.js'

export type Discussion = ReturnType<typeof createDiscussion>

const byTarget = (list: Comment[]) => {
  const out: Record<string, Comment[]> = {}
  for (const c of list) (out[c.targetId] ??= []).push(c)
  return out
}

/** Why a reaction or a comment is refused now, in the reader's words. */
export function discussionReason(r: Refusal, what: 'reaction' | 'comment'): string {
  if (r.code === 'locked') return t('rule.locked')
  if (r.code === 'observer') return t('rule.observer')
  if (r.code === 'not_author') return t('comment.notAuthor')
  return t(what === 'reaction' ? 'reaction.closed' : 'comment.closed')
}

export function createDiscussion(d: {
  boardId: string
  doc: Y.Doc
  writer: () => Writer
  /** Told when a comment of this person's was taken back, with why. */
  onKept: (r: Refusal) => void
  newId?: () => string
}) {
  const newId = d.newId ?? nanoid
  const commentsRoot = d.doc.getMap('comments')
  const { state, dispose } = createYStore<{ reactions: ReactionsByTarget; comments: Record<string, Comment[]> }>(
    d.doc,
    { reactions: reactionsByTarget(readReactions(d.doc)), comments: byTarget(readComments(d.doc)) },
    [
      { types: [d.doc.getMap('reactions')], refresh: (s) => s('reactions', reconcile(reactionsByTarget(readReactions(d.doc)))) },
      { types: [commentsRoot], refresh: (s) => s('comments', reconcile(byTarget(readComments(d.doc)), { key: 'id' })) },
    ],
  )

  /** While notes are written privately, nobody sees reactions or comments, as nobody sees the notes. */
  const hidden = () => writesArePrivate(d.writer().session)
  const me = () => d.writer().personId

  const reactionRefusal = (targetId: string, r: Reaction): Refusal | null =>
    judgeWrite(BOARD_RULES, d.writer(), { op: 'create', root: 'reactions', key: reactionKey(me(), targetId, r), fields: {} })
  const addRefusal = (): Refusal | null => recordRefusal(d.writer(), 'comments', 'create')
  const editRefusal = (c: Comment): Refusal | null => fieldRefusal(d.writer(), 'comments', c.authorId, 'text')
  const deleteRefusal = (c: Comment): Refusal | null => recordRefusal(d.writer(), 'comments', 'delete', c.authorId)

  // ---- what is being written in each thread's field, kept in this browser until posted ----
  const draftKey = (targetId: string) => `comment:${d.boardId}:${targetId}`
  const [fields, setFields] = createStore<Record<string, string>>({})
  const field = (targetId: string) => fields[targetId] ?? load(draftKey(targetId)) ?? ''
  function setField(targetId: string, text: string) {
    setFields(targetId, text)
    if (text.trim()) save(draftKey(targetId), text)
    else remove(draftKey(targetId))
  }

  // Comments this screen posted, until the server has had its say: one taken back goes back into its field.
  const posted = new Map<string, { targetId: string; text: string }>()
  const onComments = (e: Y.YMapEvent<unknown>) => {
    if (e.transaction.local) return
    for (const [id, change] of e.changes.keys) {
      const mine = posted.get(id)
      if (!mine || change.action !== 'delete') continue
      posted.delete(id)
      const refusal = addRefusal()
      if (!refusal) continue // deleted by the facilitator while comments are open: theirs to decide
      const before = field(mine.targetId).trim()
      setField(mine.targetId, before ? `${before}\n${mine.text}` : mine.text)
      d.onKept(refusal)
    }
  }
  commentsRoot.observe(onComments)

  const [thread, setThread] = createSignal<{ targetId: string; name: string } | null>(null)

  return {
    state,
    hidden,
    reactionRefusal,
    addRefusal,
    editRefusal,
    deleteRefusal,
    /** Who gave reaction `r` to the target, in the order they did. */
    who: (targetId: string, r: Reaction): string[] => state.reactions[targetId]?.[r] ?? [],
    commentsOn: (targetId: string): Comment[] => state.comments[targetId] ?? [],
    /** Gives or takes back this person's reaction; false when the rule table does not take it now. */
    toggle(targetId: string, r: Reaction): boolean {
      if (hidden() || reactionRefusal(targetId, r)) return false
      toggleReaction(d.doc, me(), targetId, r)
      return true
    },
    field,
    setField,
    /** Posts what the target's field holds; false when there is nothing to post or it may not be posted now. */
    post(targetId: string): boolean {
      const text = field(targetId).trim()
      if (!text || hidden() || addRefusal()) return false
      const id = newId()
      addComment(d.doc, { id, targetId, authorId: me(), text })
      posted.set(id, { targetId, text })
      setField(targetId, '')
      return true
    },
    edit(c: Comment, text: string): boolean {
      if (!text.trim() || editRefusal(c)) return false
      editComment(d.doc, c.id, text)
      return true
    },
    remove(c: Comment): boolean {
      if (deleteRefusal(c)) return false
      posted.delete(c.id)
      deleteComment(d.doc, c.id)
      return true
    },
    /** The thread open on this screen, if any. */
    thread: () => (hidden() ? null : thread()),
    openThread: (targetId: string, name: string) => setThread({ targetId, name }),
    closeThread: () => setThread(null),
    dispose() {
      commentsRoot.unobserve(onComments)
      dispose()
    },
  }
}
