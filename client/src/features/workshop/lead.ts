// The facilitator leading the room, on each screen (shared/lead.ts holds what the server writes):
// - the facilitator brings everyone to where they look, or has everyone follow them: while they lead, where
//   they look goes to the server at most a few times a second, and only when it changed;
// - everyone else is brought there, follows until they leave it (Stop, or scrolling or moving away
//   themselves), and sees the note or cluster in the spotlight, brought into view and announced.
import { createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js'
import { placeOf, samePlace, type Place, type SpotlightKind } from '../../../../shared/lead.js'
import type { Action, Person, Session } from '../../../../shared/workshop.js'
import { announce } from '../../lib/announce.js'
import { throttle } from '../../lib/throttle.js'
import { t } from '../../i18n/i18n.js'
import { placeInView, showItem, showPlace, trackPlace, viewOf, viewShown, type View } from './viewPlace.js'

/** How often at most a leader's moves go to the server. */
export const FOLLOW_EVERY_MS = 300

export interface LeadDeps {
  session: () => Session
  people: () => Record<string, Person>
  me: () => string
  isFacilitator: () => boolean
  /** The board has arrived from the server (what a session says before then is stale). */
  synced: Accessor<boolean>
  act: (a: Action) => Promise<boolean>
  /** A place's name in the reader's words: a stage, or a lane of a stage. */
  placeName: (p: Place) => string
  /** What a spotlit note or cluster is called. */
  itemName: (kind: SpotlightKind, id: string) => string
}

export type Lead = ReturnType<typeof createLead>

/** Keys that scroll or move the focus elsewhere: pressed outside a text field, this person is looking around. */
const MOVING_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '])
const inField = (e: Event) => (e.target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable="true"]')

export function createLead(d: LeadDeps) {
  const s = () => d.session()
  const nameOf = (id: string | undefined) => (id && d.people()[id]?.name) || t('lead.someone')

  // ---- the view to show: asked of the page (features/map BoardViews), which says when the person chose one ----
  const [wanted, setWanted] = createSignal<{ view: View; seq: number } | null>(null)
  let wantSeq = 0
  const want = (view: View) => {
    if (viewShown() !== view) setWanted({ view, seq: ++wantSeq })
  }
  const go = (p: Place) => {
    want(viewOf(p))
    void showPlace(p)
  }

  // ---- following someone ----
  /** The `since` of the "follow me" this person left: the next one they follow again. */
  const [left, setLeft] = createSignal<number | null>(null)
  const following = createMemo(() => {
    const f = s().follow
    return !!f && f.by !== d.me() && left() !== f.since && d.synced()
  })
  const leaderName = () => nameOf(s().follow?.by)

  function stopFollowing() {
    const f = untrack(() => s().follow)
    if (!f || !untrack(following)) return
    setLeft(f.since)
    announce(t('follow.stopped', { name: untrack(leaderName) }))
  }

  createEffect(on(following, (on) => on && announce(t('follow.started', { name: untrack(leaderName) })), { defer: true }))
  // Each move of the leader, while following.
  const followedPlace = createMemo(() => (following() ? placeOf(s().follow!) : null), null, { equals: samePlace })
  createEffect(on(followedPlace, (p) => p && (p.stageId || p.cell) && go(p)))

  // Looking around oneself leaves: the wheel, a swipe, the keys that scroll, the scroll bar, the stage strip.
  createEffect(() => {
    if (!following()) return
    const leave = () => stopFollowing()
    const onKey = (e: KeyboardEvent) => MOVING_KEYS.has(e.key) && !inField(e) && leave()
    const onPointer = (e: PointerEvent) => {
      const el = e.target as HTMLElement
      // On a scroll bar, the target is the scrolling element itself; in the stage strip, its buttons move the view.
      if (el.closest?.('[data-moves-view]') || el.matches?.('main.board, .map-scroll, html')) leave()
    }
    addEventListener('wheel', leave, { passive: true, capture: true })
    addEventListener('touchmove', leave, { passive: true, capture: true })
    addEventListener('keydown', onKey, { capture: true })
    addEventListener('pointerdown', onPointer, { capture: true })
    onCleanup(() => {
      removeEventListener('wheel', leave, { capture: true })
      removeEventListener('touchmove', leave, { capture: true })
      removeEventListener('keydown', onKey, { capture: true })
      removeEventListener('pointerdown', onPointer, { capture: true })
    })
  })

  // ---- brought somewhere: each new summon, from the first seen with the server's board on ----
  let seenSummon: number | null = null
  createEffect(() => {
    const summon = s().summon
    if (!d.synced()) return
    const seq = summon?.seq ?? 0
    if (seenSummon === null || seq === seenSummon) return void (seenSummon = seq)
    seenSummon = seq
    if (!summon || summon.by === untrack(d.me)) return
    untrack(() => {
      go(placeOf(summon))
      announce(t('lead.broughtHere', { name: nameOf(summon.by), place: d.placeName(summon) }))
    })
  })

  // ---- the spotlight: brought into view on every screen (also on opening a board while it is on) ----
  const spotlight = () => s().spotlight
  const spotKey = createMemo(() => {
    const sp = spotlight()
    return sp && d.synced() ? `${sp.kind}:${sp.id}:${sp.seq}` : null
  })
  createEffect(
    on(spotKey, (key, before) => {
      const sp = untrack(spotlight)
      if (!key || !sp) {
        if (before) announce(t('spotlight.released'))
        return
      }
      want('board')
      void showItem(sp.kind, sp.id)
      announce(t('spotlight.announce', { title: untrack(() => d.itemName(sp.kind, sp.id)) }))
    }),
  )
  const isSpotlit = (kind: SpotlightKind, id: string) => spotlight()?.kind === kind && spotlight()?.id === id

  // ---- leading: the facilitator's side ----
  const leading = () => d.isFacilitator() && s().follow?.by === d.me()
  let lastSent: Place | null = null
  const send = throttle(() => {
    if (!untrack(leading)) return
    const p = placeInView()
    if (!p || samePlace(p, lastSent)) return
    lastSent = p
    void d.act({ type: 'follow', on: true, ...p })
  }, FOLLOW_EVERY_MS)
  createEffect(() => {
    if (!leading()) return
    const moved = () => send()
    addEventListener('scroll', moved, { passive: true, capture: true })
    addEventListener('resize', moved, { passive: true })
    // Switching between the board and the map changes the place without a scroll.
    const views = new MutationObserver(moved)
    const page = document.querySelector('.board-page')
    if (page) views.observe(page, { childList: true })
    onCleanup(() => {
      removeEventListener('scroll', moved, { capture: true })
      removeEventListener('resize', moved)
      views.disconnect()
      send.cancel()
    })
  })
  onCleanup(() => send.cancel())
  // Where the facilitator goes, points or focuses says where they are (viewPlace.ts).
  createEffect(() => {
    if (d.isFacilitator()) onCleanup(trackPlace(() => untrack(leading) && send()))
  })

  /** Brings everyone's view to where this screen looks. */
  async function summon(): Promise<boolean> {
    const p = placeInView()
    if (!p) return false
    const ok = await d.act({ type: 'summon', ...p })
    if (ok) announce(t('lead.summoned', { place: d.placeName(p) }))
    return ok
  }

  /** Starts or ends "follow me". */
  async function setFollowing(on: boolean): Promise<boolean> {
    const p = on ? placeInView() : null
    lastSent = p
    const ok = await d.act(on ? { type: 'follow', on: true, ...(p ?? {}) } : { type: 'follow', on: false })
    if (ok) announce(t(on ? 'lead.follow.on' : 'lead.follow.off'))
    return ok
  }

  /** Spotlights a note or a cluster, or releases the spotlight (null); `timerMs` starts the timer for it. */
  const spotlightItem = (item: { kind: SpotlightKind; id: string } | null, timerMs?: number) =>
    d.act({ type: 'spotlight', item, ...(timerMs ? { timerMs } : {}) })

  return {
    /** The view the page should switch to, asked anew each time (seq). */
    wantedView: wanted,
    /** The person chose a view, or moved the view themselves: they stop following. */
    movedAway: stopFollowing,
    following,
    leaderName,
    stopFollowing,
    leading,
    summon,
    setFollowing,
    spotlight,
    isSpotlit,
    spotlightItem,
  }
}
