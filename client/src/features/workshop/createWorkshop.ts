// Composes the workshop of an open board: the store bridged from the board, this person's private document
// (notes and ballot) once they have a token, the server clock, the actions over HTTP with their refusals
// turned into messages, and what happens when the facilitator removes this person.
import { createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js'
import { clusterTitle } from '../../../../shared/clusters.js'
import { byOrder } from '../../../../shared/schema.js'
import type { Action, Role } from '../../../../shared/workshop.js'
import { type Connection, connectPrivate, createServerClock, type Membership } from '../session/index.js'
import { type BoardRules, type BoardStore, createBoardStore, createUndo, type GroupTarget, type NoteDragOptions } from '../board/index.js'
import { ruleReason } from '../../i18n/ruleMessages.js'
import { announce } from '../../lib/announce.js'
import { ApiCallError } from '../../lib/api.js'
import { load, save } from '../../lib/storage.js'
import { t } from '../../i18n/i18n.js'
import { postAction, refusalMessage } from './actions.js'
import { createClusterActions, groupTargetAt } from './clustering.js'
import { createDrafts, type ShownDraft } from './drafts.js'
import { createWorkshopStore } from './workshopStore.js'
import { createLead } from './lead.js'
import { createOutcomeStore } from './outcomes.js'
import { createDiscussion, discussionReason } from './discussion.js'
import { shortText } from './NoteExtras.js'
import { labelsFor } from '../../../../shared/export/labels.js'
import { laneLabel, readLanes } from '../../../../shared/lanes.js'
import type { Place, SpotlightKind } from '../../../../shared/lead.js'
import { locale } from '../../i18n/i18n.js'

export type Workshop = ReturnType<typeof createWorkshop>

export interface WorkshopDeps {
  boardId: string
  conn: Connection
  membership: Membership
  board: BoardStore
  me: () => string
  /** Opened with the view-only link. */
  observer: boolean
  /** The role to assume before the server has said (e.g. from a facilitator key in this browser). */
  assumedRole: () => Role
}

const MESSAGE_MS = 8000
const removedKey = (boardId: string) => `removed:${boardId}`

export function createWorkshop(d: WorkshopDeps) {
  const store = createWorkshopStore(d.conn.doc, d.me, () => (d.observer ? 'observer' : (d.membership.session()?.role ?? d.assumedRole())))
  // Undo and redo of this person's own changes (board/undo.ts): on the board while the rule table lets them
  // write it, and on their private notes (below). A hand-over changes what they may write: steps are forgotten.
  const undo = createUndo()
  onCleanup(undo.track(d.conn.doc, store.createRefusal))
  createEffect(on(createMemo(store.role), () => undo.clear(), { defer: true }))
  // The reveal moves private notes onto the board: steps taken on them in the private document undo nothing now.
  createEffect(on(createMemo(store.writesPrivately), (now, before) => before && !now && undo.clear(), { defer: true }))
  const clock = createServerClock()
  void clock.sync()
  // Observers watch without being listed among the people (the server would stamp them "Observer").
  if (d.observer) d.conn.awareness.setLocalState(null)

  // The private document follows the person: a new one if this browser joins again under a new id.
  const privateKey = createMemo(() => {
    const s = d.membership.session()
    return s?.token && !d.observer && s.role !== 'observer' ? `${s.participantId} ${s.token}` : ''
  })
  const priv = createMemo(() => {
    const key = privateKey()
    if (!key) return null
    const [personId, token] = key.split(' ') as [string, string]
    return untrack(() => {
      const conn = connectPrivate(d.boardId, personId, token)
      const notes = createBoardStore(conn.doc, personId, { stagesOf: d.board })
      // Always theirs to change while private; once revealed, what an undo brings back goes to the board.
      const untrackUndo = undo.track(conn.doc, () => (store.writesPrivately() ? null : store.createRefusal()))
      const unbind = store.bindPrivate(conn.doc)
      onCleanup(() => {
        untrackUndo()
        unbind()
        notes.dispose()
        conn.destroy()
      })
      return { conn, notes }
    })
  })
  const privateNotes = () => priv()?.notes

  // ---- drafts: what the board did not take, kept for this person ("Kept for you") ----
  const drafts = createDrafts({
    boardId: d.boardId,
    me: d.me,
    boardDoc: d.conn.doc,
    boardSynced: d.conn.synced,
    priv: () => {
      const p = priv()
      return p ? { doc: p.conn.doc, synced: p.conn.synced } : null
    },
  })
  /** Why a draft cannot be posted again now (the rule table, as for a new note), or null. */
  function draftRefusal(draft: ShownDraft): { code: string } | null {
    if (!d.board.state.stages.some((s) => s.id === draft.stageId)) return { code: 'stage_gone' }
    if (store.writesPrivately() && privateNotes()) return null
    return store.createRefusal()
  }
  /** Posts a draft again as a new note (where new notes go now: the board, or the private document), then
   *  throws the draft away. */
  function postDraft(draft: ShownDraft): boolean {
    if (draftRefusal(draft)) return false
    const privately = store.writesPrivately()
    noteTarget().actions.addNote(draft.stageId, draft.kind, draft.text)
    drafts.discard(draft)
    const stage = d.board.state.stages.find((s) => s.id === draft.stageId)?.name ?? ''
    announce(t(privately ? 'private.added' : 'drafts.posted', { stage }))
    return true
  }

  // ---- removal by the facilitator ----
  const [removedHere, setRemovedHere] = createSignal(load(removedKey(d.boardId)) === 'true')
  // Who this browser was before joining again: if that person shows removed, so is this browser (it was
  // removed while away, and the server only said "unknown token").
  const [formerId, setFormerId] = createSignal<string | null>(null)
  const removed = () => {
    const former = formerId()
    return removedHere() || store.removed() || (!!former && !!store.state.people[former]?.removed)
  }
  function markRemoved() {
    save(removedKey(d.boardId), 'true')
    setRemovedHere(true)
  }
  /** The server stopped accepting our token: removed (say so) or merely unknown (join again). */
  function onUnauthorized(reason: string) {
    if (/removed/i.test(reason) || removed()) return markRemoved()
    setFormerId(d.membership.session()?.participantId ?? null)
    d.membership.rejoin()
  }
  // Remembered for the next visit, and gone from the people list at once.
  createEffect(() => {
    if (!removed()) return
    save(removedKey(d.boardId), 'true')
    d.conn.awareness.setLocalState(null)
  })

  // ---- messages: refusals and other things to say once ----
  const [message, setMessage] = createSignal<{ text: string; tone: 'error' | 'info' } | null>(null)
  let messageTimer: ReturnType<typeof setTimeout> | undefined
  function say(text: string, tone: 'error' | 'info' = 'error') {
    clearTimeout(messageTimer)
    setMessage({ text, tone })
    messageTimer = setTimeout(() => setMessage(null), MESSAGE_MS)
  }
  onCleanup(() => clearTimeout(messageTimer))
  const limits = () => ({ budget: store.state.session.budget, max: store.state.session.maxPerItem })
  /** The limits a refusal of a vote on `itemId` may name: with its kind's budget in this round, if it has one. */
  const voteLimits = (itemId: string) => {
    const kind = store.kindOf(itemId)
    const left = kind && store.kindVotesLeft().find((k) => k.kind === kind)
    return left ? { ...limits(), count: left.budget, kind: t(`kind.${left.kind}`) } : limits()
  }

  /** Runs an action on the server; a refusal is explained in the message line. Resolves to success. */
  async function act(action: Action): Promise<boolean> {
    const token = d.membership.session()?.token
    if (!token) {
      say(t('refused.network'))
      return false
    }
    try {
      await postAction(d.boardId, token, action)
      return true
    } catch (err) {
      say(t(refusalMessage(err instanceof ApiCallError ? err.code : 'other'), action.type === 'vote' ? voteLimits(action.itemId) : limits()))
      return false
    }
  }

  /** A vote or take-back, checked here first so that an honest click is never refused for a known reason. */
  function vote(itemId: string, delta: 1 | -1) {
    const check = store.checkVote(itemId, delta)
    if (!check.ok) {
      say(t(refusalMessage(check.reason), voteLimits(itemId)))
      return Promise.resolve(false)
    }
    // The round this screen shows: if it ended before the click arrives, the vote is refused, not counted in the next.
    return act({ type: 'vote', itemId, delta, roundId: store.state.session.round.id })
  }

  // ---- clustering; the keyboard way is a note's "Group with…" menu ----
  const clusters = createClusterActions(d.conn.doc, store.mayCluster)
  const [grouping, setGrouping] = createSignal<string | null>(null)

  const isPrivateNote = (id: string) => !d.board.state.notes[id] && !!privateNotes()?.state.notes[id]

  /** A cluster's name, or its first note's text while it has none. */
  function clusterName(clusterId: string): string {
    const cluster = store.state.clusters[clusterId]
    const notes = Object.values(d.board.state.notes).filter((n) => n.clusterId === clusterId).sort(byOrder)
    return cluster ? clusterTitle(cluster, notes) : ''
  }

  /** Groups a note with a note or into a cluster, and says what happened. */
  function groupNote(noteId: string, target: GroupTarget): boolean {
    const other = target.noteId ? d.board.state.notes[target.noteId]?.text.trim() : undefined
    if (!clusters.group(noteId, target)) return false
    const clusterId = d.board.state.notes[noteId]?.clusterId
    announce(
      target.clusterId
        ? t('cluster.added', { name: clusterId ? clusterName(clusterId) : '' })
        : t('cluster.created', { text: other ?? '' }),
    )
    queueMicrotask(() => document.getElementById(`note-${noteId}`)?.focus())
    return true
  }

  /** Moves a cluster, its notes with it, to `index` among the clusters of a stage, and says where it went. */
  function moveCluster(clusterId: string, stageId: string, index: number): boolean {
    const to = clusters.move(clusterId, stageId, index)
    const stage = d.board.state.stages.find((s) => s.id === stageId)?.name ?? ''
    announce(to ? t('cluster.moved', { name: clusterName(clusterId), stage, position: to.index + 1, count: to.count }) : t('cluster.notMoved'))
    return !!to
  }

  /** The store in which a dropped note moves, or none when it may not move now. Dropped away from its
   *  cluster while clustering, a note leaves the cluster. */
  function storeForMove(noteId: string): BoardStore | undefined {
    if (isPrivateNote(noteId)) return privateNotes()
    if (store.noteRefusal(d.board.state.notes[noteId]?.authorId ?? '', 'stageId')) return undefined
    if (store.mayCluster()) clusters.takeOut(noteId)
    return d.board
  }

  const dragOptions: Omit<NoteDragOptions, 'onDrop'> = {
    canDrag: (id) =>
      isPrivateNote(id)
        ? !store.noteRefusal(privateNotes()?.state.notes[id]?.authorId ?? '', 'stageId', true)
        : !store.noteRefusal(d.board.state.notes[id]?.authorId ?? '', 'stageId'),
    groupTargetAt: (x, y, id) => (store.mayCluster() && !isPrivateNote(id) ? groupTargetAt(x, y, id) : undefined),
    onGroup: (id, target) => void groupNote(id, target),
    canDragCluster: () => store.mayCluster(),
    onMoveCluster: (id, to) => void moveCluster(id, to.stageId, to.index),
  }

  /** May this person add notes now (and where do they go)? */
  const mayCompose = () => {
    if (!store.mayWrite()) return false
    const phase = store.state.session.phase
    if (phase !== 'ideate' && phase !== 'cluster' && !(phase === 'setup' && store.isFacilitator())) return false
    return !store.writesPrivately() || !!privateNotes()
  }
  /** The store new notes go to: the private one while writing privately. */
  const noteTarget = () => (store.writesPrivately() ? privateNotes() : undefined) ?? d.board

  /** The note as the rule table sees it: its author, and whether it is in this person's private document. */
  const noteOf = (id: string) => {
    const isPrivate = isPrivateNote(id)
    const note = (isPrivate ? privateNotes()?.state.notes[id] : d.board.state.notes[id])
    return { author: note?.authorId ?? '', isPrivate }
  }
  // ---- leading the room: bring everyone here, follow me, the spotlight (lead.ts) ----
  const stageName = (id: string | undefined) => d.board.state.stages.find((s) => s.id === id)?.name ?? ''
  function placeName(p: Place): string {
    if (!p.cell) return stageName(p.stageId)
    const lane = readLanes(d.conn.doc).find((l) => l.id === p.cell!.laneId)
    const laneName = lane ? laneLabel(lane, labelsFor(locale().code).lanes) : ''
    return t('lead.place.cell', { lane: laneName, stage: stageName(p.cell.stageId) })
  }
  const itemName = (kind: SpotlightKind, id: string) =>
    (kind === 'cluster' ? clusterName(id) : shortText(d.board.state.notes[id]?.text.trim() ?? '')) || t('note.empty')
  const lead = createLead({
    session: () => store.state.session,
    people: () => store.state.people,
    me: d.me,
    isFacilitator: store.isFacilitator,
    synced: d.conn.synced,
    act,
    placeName,
    itemName,
  })

  // ---- the discuss phase's decisions and next steps (outcomes.ts) ----
  const outcomes = createOutcomeStore(d.conn.doc, store.writer)
  onCleanup(outcomes.dispose)

  // ---- reactions and comments on notes, clusters and map items (discussion.ts) ----
  const discussion = createDiscussion({
    boardId: d.boardId,
    doc: d.conn.doc,
    writer: store.writer,
    onKept: (r) => say(t('comment.kept', { reason: discussionReason(r, 'comment') })),
  })
  onCleanup(discussion.dispose)

  /** What the board asks of the workshop (features/board/context.ts). */
  const boardRules: BoardRules = {
    isSpotlit: (id) => lead.isSpotlit('note', id),
    noteRefusal(id, field) {
      const n = noteOf(id)
      return store.noteRefusal(n.author, field, n.isPrivate)
    },
    deleteRefusal(id) {
      const n = noteOf(id)
      return store.deleteRefusal(n.author, n.isPrivate)
    },
    reason: (r, what) => ruleReason(r, store.state.session.phase, what),
    isPrivate: isPrivateNote,
    mayCompose,
    writesPrivately: store.writesPrivately,
    noteTarget,
    storeForMove,
    get drag() {
      return dragOptions
    },
    moreNotes: (stageId) => ({
      private: (privateNotes()?.state.stageNotes[stageId] ?? []).filter((id) => !d.board.state.notes[id]).length,
      faceDown: store.hiddenCounts()[stageId] ?? 0,
    }),
    onNoteKey(id, e) {
      if (e.key.toLowerCase() !== 'g' || e.altKey || e.ctrlKey || e.metaKey) return false
      if (!store.mayCluster() || isPrivateNote(id)) return false
      setGrouping(id)
      return true
    },
  }

  // Named parts rather than one flat object: a component takes the part it needs.
  return {
    /** The session, the people, and what this person may do now (workshopStore). */
    store,
    /** True once the server's board has arrived on this connection (until it drops). */
    synced: d.conn.synced,
    clock,
    observer: d.observer,
    privateNotes,
    isPrivateNote,
    /** What the board asks of the workshop. */
    boardRules,
    /** The message line, and actions that may be refused. */
    messages: { message, say, act },
    vote,
    clustering: { ...clusters, name: clusterName, group: groupNote, move: moveCluster, grouping, setGrouping },
    drafts: { ...drafts, refusal: draftRefusal, post: postDraft },
    removal: { removed, onUnauthorized },
    /** Bringing everyone here, following the facilitator, the spotlight. */
    lead: { ...lead, itemName, placeName },
    /** The discuss phase's decisions and next steps. */
    outcomes,
    /** Undo and redo of this person's own changes. */
    undo,
    /** Reactions and comments. */
    discussion,
  }
}
