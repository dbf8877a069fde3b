// Other people's pointers over the board. Only the people pointing at the board have a cursor in the page (of
// 200 present, the few moving). Positions are computed in one animation frame for all the cursors that moved
// (layout reads first, then writes), at most every FRAME_MS, so that many moving pointers cost one layout a
// few times a second rather than work in every frame, and nothing for each awareness change but marking.
import { For, Show, createEffect, createMemo, onCleanup, onMount } from 'solid-js'
import type { PresenceCursor } from '../../../../shared/presence.js'
import { useBoard } from './context.js'
import { cursorPoint, type Peer } from '../presence/index.js'
import './CursorLayer.css'

/** Cursors are drawn at most this often (~20 times a second, the rate people send them at). */
const FRAME_MS = 50

export function CursorLayer() {
  const { presence, board } = useBoard()
  let layer!: HTMLDivElement
  /** Every cursor in the page, and those whose place changed since the frame that last drew them. */
  const all = new Map<HTMLElement, () => PresenceCursor | null>()
  const dirty = new Set<HTMLElement>()
  const placed = new WeakMap<HTMLElement, string>()
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush() {
    frame = 0
    timer = undefined
    const box = layer.getBoundingClientRect()
    const rtl = getComputedStyle(layer).direction === 'rtl'
    const moves = [...dirty].map((el) => {
      const c = all.get(el)?.()
      return [el, c && cursorPoint(c, layer, box, rtl)] as const
    })
    dirty.clear()
    for (const [el, p] of moves) {
      // Only what moved is written: a board that merely grew (a note typed into) moves no cursor.
      const at = p ? `translate(${p.x}px, ${p.y}px)` : ''
      if (placed.get(el) === at) continue
      placed.set(el, at)
      el.hidden = !p
      if (p) el.style.transform = at
    }
  }
  const schedule = (el: HTMLElement) => {
    dirty.add(el)
    timer ??= setTimeout(() => (frame = requestAnimationFrame(flush)), FRAME_MS)
  }
  // Notes arriving, leaving or growing move whatever a cursor is anchored to.
  const relayout = () => all.forEach((_, el) => schedule(el))
  createEffect(() => {
    for (const s of board.state.stages) void board.state.stageNotes[s.id]?.length
    relayout()
  })
  onMount(() => {
    const ro = new ResizeObserver(relayout)
    ro.observe(layer.parentElement!)
    // A group of cards drawn again (scrolled near) or skipped: its cursors were placed on the group as a whole.
    layer.parentElement!.addEventListener('contentvisibilityautostatechange', relayout, true)
    onCleanup(() => {
      ro.disconnect()
      layer.parentElement?.removeEventListener('contentvisibilityautostatechange', relayout, true)
    })
  })
  onCleanup(() => {
    clearTimeout(timer)
    cancelAnimationFrame(frame)
  })

  const others = createMemo(() =>
    Object.values(presence.state.peers)
      .filter((p) => !p.self)
      .map((p) => p.clientId),
  )

  /** One person's cursor, while they point at the board; hidden until a frame has placed it. */
  function Pointer(props: { peer: Peer }) {
    let el!: HTMLDivElement
    const cursor = () => props.peer.cursor
    onMount(() => all.set(el, cursor))
    onCleanup(() => (all.delete(el), dirty.delete(el)))
    createEffect(() => {
      const c = cursor()
      void (c && [c.stageId, c.noteId, c.x, c.y])
      schedule(el)
    })
    return (
      <div ref={el} class="cursor" hidden style={{ '--person': props.peer.user.color }} data-client-id={props.peer.clientId}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M1 1l5.5 13 2-5.5L14 6.5z" />
        </svg>
        <span class="cursor-name" dir="auto">
          {props.peer.user.name}
        </span>
      </div>
    )
  }

  return (
    <div ref={layer} class="cursor-layer" aria-hidden="true">
      <For each={others()}>
        {(id) => (
          <Show when={presence.state.peers[id]?.cursor}>
            <Pointer peer={presence.state.peers[id]!} />
          </Show>
        )}
      </For>
    </div>
  )
}
