// Other people's pointers over the board. Positions are computed in one animation frame for all the
// cursors that moved (layout reads first, then writes), at most every FRAME_MS, so that 200 moving
// pointers cost one layout a few times a second rather than work in every frame.
import { For, createEffect, createMemo, onCleanup, onMount } from 'solid-js'
import type { PresenceCursor } from '../../../../shared/presence.js'
import { useBoard } from './context.js'
import { cursorPoint, type Peer } from '../presence/index.js'
import './CursorLayer.css'

/** Cursors are drawn at most this often (~20 times a second, the rate people send them at). */
const FRAME_MS = 50

export function CursorLayer() {
  const { presence, board } = useBoard()
  let layer!: HTMLDivElement
  const dirty = new Map<HTMLElement, () => PresenceCursor | null>()
  const all = new Map<HTMLElement, () => PresenceCursor | null>()
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush() {
    frame = 0
    timer = undefined
    const moves = [...dirty].map(([el, cursor]) => {
      const c = cursor()
      return [el, c && cursorPoint(c, layer)] as const
    })
    dirty.clear()
    for (const [el, p] of moves) {
      el.hidden = !p
      if (p) el.style.transform = `translate(${p.x}px, ${p.y}px)`
    }
  }
  const schedule = (el: HTMLElement, cursor: () => PresenceCursor | null) => {
    dirty.set(el, cursor)
    timer ??= setTimeout(() => (frame = requestAnimationFrame(flush)), FRAME_MS)
  }
  // Notes arriving, leaving or growing move whatever a cursor is anchored to.
  const relayout = () => all.forEach((c, el) => schedule(el, c))
  createEffect(() => {
    for (const s of board.state.stages) void board.state.stageNotes[s.id]?.length
    relayout()
  })
  onMount(() => {
    const ro = new ResizeObserver(relayout)
    ro.observe(layer.parentElement!)
    onCleanup(() => ro.disconnect())
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

  function RemoteCursor(props: { peer: Peer }) {
    let el!: HTMLDivElement
    const cursor = () => props.peer.cursor
    onMount(() => all.set(el, cursor))
    onCleanup(() => (all.delete(el), dirty.delete(el)))
    createEffect(() => {
      const c = cursor()
      void (c && [c.stageId, c.noteId, c.x, c.y])
      schedule(el, cursor)
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
      <For each={others()}>{(id) => <RemoteCursor peer={presence.state.peers[id]!} />}</For>
    </div>
  )
}
