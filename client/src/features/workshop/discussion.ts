// Reactions and comments as Solid state, bridged one way from the board's `reactions` and `comments` roots
// (shared/discussion.ts). Every write goes through the shared mutators, and only when the rule table
// (shared/rules.ts) takes it from this person now. Everything is hidden while notes are written privately.
// A comment the server takes back after all (the board locked while it was on its way) is not lost: its text
// goes back into the comment field of its thread, kept in this browser until it is posted.
import { nanoid } from 'nanoid'
import { createMemo, createSignal } from 'solid-js'
import { createStore, produce, reconcile, type SetStoreFunction } from 'solid-js/store'
import * as Y from 'yjs'
import {
  addComment, byTime, deleteComment, editComment, parseReactionKey, REACTIONS, reactionKey, reactionsByTarget, readComment,
  readComments, readReactions, toggleReaction, type Comment, type Reaction, type ReactionsByTarget,
} from '../../../../shared/discussion.js'
import { BOARD_RULES, fieldRefusal, judgeWrite, recordRefusal, type Refusal, type Writer } from '../../../../shared/rules.js'
import { writesArePrivate } from '../../../../shared/workshop.js'
import { changedKeys, createYStore } from '../../lib/yStore.js'
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
  const reactionsRoot = d.doc.getMap<unknown>('reactions')
  const commentsRoot = d.doc.getMap<unknown>('comments')
  // Each target's reaction keys and comment ids, so that a change re-reads only the targets it touched:
  // a thousand cards each look up their own, and one reaction costs one card's worth of work.
  const reactionKeys = new Map<string, Set<string>>()
  const commentIds = new Map<string, Set<string>>()
  const commentTarget = new Map<string, string>()
  const index = (idx: Map<string, Set<string>>, targetId: string, id: string, on: boolean) => {
    const ids = idx.get(targetId) ?? new Set<string>()
    if (on) idx.set(targetId, ids.add(id))
    else if (ids.delete(id) && !ids.size) idx.delete(targetId)
  }
  for (const k of Object.keys(readReactions(d.doc))) index(reactionKeys, parseReactionKey(k)!.targetId, k, true)
  const comments = readComments(d.doc)
  for (const c of comments) {
    index(commentIds, c.targetId, c.id, true)
    commentTarget.set(c.id, c.targetId)
  }
  const reactionsOf = (targetId: string) => {
    const given: { [key: string]: number } = {}
    for (const k of reactionKeys.get(targetId) ?? []) given[k] = reactionsRoot.get(k) as number
    return reactionsByTarget(given)[targetId]
  }
  const commentsOf = (targetId: string) => {
    const list = [...(commentIds.get(targetId) ?? [])].map((id) => readComment(commentsRoot.get(id) as Y.Map<unknown>)).sort(byTime)
    return list.length ? list : undefined
  }
  type View = { reactions: ReactionsByTarget; comments: Record<string, Comment[]> }
  /** Takes a target's entry out of the store once it has none left. */
  const drop = (s: SetStoreFunction<View>, part: keyof View, targetId: string) =>
    s(produce((v: View) => void delete v[part][targetId]))

  const { state, dispose } = createYStore<View>(
    d.doc,
    { reactions: reactionsByTarget(readReactions(d.doc)), comments: byTarget(comments) },
    [
      {
        types: [reactionsRoot],
        refresh(s, tr) {
          const touched = new Set<string>()
          for (const k of changedKeys(tr, reactionsRoot)) {
            const target = parseReactionKey(k)?.targetId
            if (target === undefined) continue
            index(reactionKeys, target, k, typeof reactionsRoot.get(k) === 'number')
            touched.add(target)
          }
          for (const target of touched) {
            const given = reactionsOf(target)
            if (given) s('reactions', target, reconcile(given))
            else drop(s, 'reactions', target)
          }
        },
      },
      {
        types: [commentsRoot],
        refresh(s, tr) {
          const touched = new Set<string>()
          for (const id of changedKeys(tr, commentsRoot)) {
            const before = commentTarget.get(id)
            const m = commentsRoot.get(id)
            const after = m instanceof Y.Map ? readComment(m).targetId : undefined
            if (before !== undefined) index(commentIds, before, id, false), touched.add(before)
            if (after !== undefined) index(commentIds, after, id, true), touched.add(after)
            if (after !== undefined) commentTarget.set(id, after)
            else commentTarget.delete(id)
          }
          for (const target of touched) {
            const list = commentsOf(target)
            if (list) s('comments', target, reconcile(list, { key: 'id' }))
            else drop(s, 'comments', target)
          }
        },
      },
    ],
  )

  /** While notes are written privately, nobody sees reactions or comments, as nobody sees the notes. */
  const hidden = () => writesArePrivate(d.writer().session)
  const me = () => d.writer().personId

  const reactionRefusal = (targetId: string, r: Reaction): Refusal | null =>
    judgeWrite(BOARD_RULES, d.writer(), { op: 'create', root: 'reactions', key: reactionKey(me(), targetId, r), fields: {} })
  const addRefusal = (): Refusal | null => recordRefusal(d.writer(), 'comments', 'create')
  // What every card's reactions and comments button shows now. The rule table judges a reaction by who gives
  // it, their own key and the session, never by the card, so this is judged once for a thousand cards when
  // those change (`writer` is reactive in the app), not on each card.
  const forCards = createMemo(() => ({
    hidden: hidden(),
    reaction: Object.fromEntries(REACTIONS.map((r) => [r, reactionRefusal('any-card', r)])) as Record<Reaction, Refusal | null>,
    comment: addRefusal(),
  }))
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
    forCards,
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
