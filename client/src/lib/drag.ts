// One drag engine for everything that moves by hand: notes, clusters and map items. Pointer events, so
// mouse, touch and pen alike:
//   - a mouse drags a draggable from anywhere on it that is not a control, once it has moved a few pixels
//     (a click, a double click or a short text selection still work);
//   - a finger or pen drags from the draggable's handle at once (the handle has touch-action: none), or from
//     anywhere on it after holding still for a moment; a swipe elsewhere still scrolls the page;
//   - a floating copy follows the pointer, the caller's drop indicator marks where it would land, the
//     scrollers scroll when the pointer nears their edges, and Escape (or a cancelled pointer) drops nothing.
// The caller says what a press picks up, what is under a point and what a drop does, so the engine knows
// nothing of notes or maps. Moving by keyboard is each feature's own (see noteKeys.ts, MapItemCard.tsx).
import './drag.css'

export interface DragSource {
  /** The element that is dragged: it is dimmed while its copy follows the pointer. */
  el: HTMLElement
}

/** A class put on an element while the pointer is over a target: a line before a card, a highlighted cell. */
export interface DropIndicator {
  el: Element
  className: string
}

export interface DropHit<T> {
  target: T
  indicators?: DropIndicator[]
}

export interface DragSpec<S extends DragSource, T> {
  /** What a press on `target` picks up, or undefined to leave the press to the page. */
  sourceAt(target: Element): S | undefined
  /** The drop target under the point, if any; `previous` is the last one found during this drag. */
  targetAt(x: number, y: number, source: S, previous: T | undefined): DropHit<T> | undefined
  drop(source: S, target: T): void
  /** Drag handles: touch and pen drag from one at once. Default `[data-drag-handle], .drag-handle`. */
  handle?: string
  /** Presses here never start a drag (unless on a handle). Default: form controls, links and summaries. */
  ignore?: string
  /** How long a finger or pen holds still on a draggable, off its handle, before it drags; 0: never. */
  longPressMs?: number
  /** What to scroll when the pointer nears its edges (the window always scrolls too). Default: the root. */
  scrollers?(): HTMLElement[]
}

export const INTERACTIVE = 'input, textarea, select, button, a[href], summary, label, [contenteditable]:not([contenteditable="false"])'
const THRESHOLD_PX = 5
/** How far a finger may wander while held before it counts as a swipe rather than a long press. */
const SLOP_PX = 10
const LONG_PRESS_MS = 450
const EDGE_PX = 56
const MAX_SPEED = 18

type Mode = 'threshold' | 'longPress' | 'active'

interface Drag<S, T> {
  pointerId: number
  source: S
  mode: Mode
  startX: number
  startY: number
  x: number
  y: number
  /** Offset of the press inside the source, to hold the copy where it was grabbed. */
  dx: number
  dy: number
  moved: boolean
  timer?: ReturnType<typeof setTimeout>
  ghost?: HTMLElement
  hit?: DropHit<T>
  frame?: number
  scrollers: (HTMLElement | Window)[]
}

/** Lets `root`'s draggables be dragged as `spec` says; returns a function that stops it. */
export function enableDrag<S extends DragSource, T>(root: HTMLElement, spec: DragSpec<S, T>): () => void {
  const handleSel = spec.handle ?? '[data-drag-handle], .drag-handle'
  const ignoreSel = spec.ignore ?? INTERACTIVE
  const longPressMs = spec.longPressMs ?? LONG_PRESS_MS
  let drag: Drag<S, T> | null = null

  function onDown(e: PointerEvent) {
    if (drag || !e.isPrimary || e.button !== 0 || !(e.target instanceof Element)) return
    const source = spec.sourceAt(e.target)
    if (!source) return
    const handle = e.target.closest(handleSel)
    const onHandle = !!handle && source.el.contains(handle)
    if (!onHandle && e.target.closest(ignoreSel)) return
    const byMouse = e.pointerType === 'mouse'
    if (!byMouse && !onHandle && !longPressMs) return
    const r = source.el.getBoundingClientRect()
    drag = {
      pointerId: e.pointerId, source, mode: byMouse || onHandle ? 'threshold' : 'longPress',
      startX: e.clientX, startY: e.clientY, x: e.clientX, y: e.clientY, dx: e.clientX - r.left, dy: e.clientY - r.top,
      moved: false, scrollers: [],
    }
    if (drag.mode === 'longPress') drag.timer = setTimeout(() => drag && begin(), longPressMs)
    // A finger on a handle would otherwise start the browser's own long-press (selection, context menu).
    if (onHandle && !byMouse) e.preventDefault()
    addEventListener('pointermove', onMove, true)
    addEventListener('pointerup', onUp, true)
    addEventListener('pointercancel', cancel, true)
    addEventListener('keydown', onKey, true)
  }

  function begin() {
    const d = drag!
    clearTimeout(d.timer)
    d.mode = 'active'
    const el = d.source.el
    const r = el.getBoundingClientRect()
    d.dx = Math.min(Math.max(d.dx, 0), r.width)
    d.dy = Math.min(Math.max(d.dy, 0), r.height)
    d.ghost = ghostOf(el, r)
    document.body.append(d.ghost)
    el.classList.add('dragging')
    document.documentElement.classList.add('is-dragging')
    getSelection()?.removeAllRanges()
    // Pointer capture on the root, which outlives the card: the card may be drawn anew while it is dragged.
    try {
      root.setPointerCapture(d.pointerId)
    } catch {
      // the pointer is gone already; pointerup or pointercancel follows
    }
    d.scrollers = [...(spec.scrollers?.() ?? [root]), window]
    for (const s of d.scrollers) if (s instanceof HTMLElement) s.classList.add('drag-no-snap')
    update()
    d.frame = requestAnimationFrame(autoScroll)
  }

  function onMove(e: PointerEvent) {
    const d = drag
    if (!d || e.pointerId !== d.pointerId) return
    d.x = e.clientX
    d.y = e.clientY
    const far = Math.hypot(d.x - d.startX, d.y - d.startY)
    if (d.mode === 'longPress') {
      // Moving before the long press is a swipe: the page scrolls, and the browser cancels the pointer.
      if (far > SLOP_PX) finish()
      return
    }
    if (far >= THRESHOLD_PX) d.moved = true
    if (d.mode === 'threshold') {
      if (!d.moved) return
      begin()
    }
    e.preventDefault()
    update()
  }

  /** Moves the copy to the pointer and finds what is under it. */
  function update() {
    const d = drag!
    d.ghost!.style.transform = `translate(${d.x - d.dx}px, ${d.y - d.dy}px)`
    const hit = spec.targetAt(d.x, d.y, d.source, d.hit?.target)
    const before = d.hit?.indicators ?? []
    const after = hit?.indicators ?? []
    for (const i of before) if (!after.some((a) => a.el === i.el && a.className === i.className)) i.el.classList.remove(i.className)
    for (const i of after) i.el.classList.add(i.className)
    d.hit = hit
  }

  /** Each frame of a drag, scrolls whatever the pointer is near the edge of, faster the nearer. */
  function autoScroll() {
    const d = drag
    if (!d || d.mode !== 'active') return
    let scrolled = false
    for (const s of d.scrollers) {
      const r = s instanceof Window ? { left: 0, top: 0, right: innerWidth, bottom: innerHeight } : visibleRect(s)
      if (!r || d.x < r.left || d.x > r.right || d.y < r.top || d.y > r.bottom) continue
      const dx = speed(d.x, r.left, r.right)
      const dy = speed(d.y, r.top, r.bottom)
      if (!dx && !dy) continue
      const el = s instanceof Window ? document.scrollingElement! : s
      const [left, top] = [el.scrollLeft, el.scrollTop]
      el.scrollLeft += dx
      el.scrollTop += dy
      if (el.scrollLeft !== left || el.scrollTop !== top) scrolled = true
    }
    if (scrolled) update()
    d.frame = requestAnimationFrame(autoScroll)
  }

  function onUp(e: PointerEvent) {
    const d = drag
    if (!d || e.pointerId !== d.pointerId) return
    const dropped = d.mode === 'active' && d.moved ? d.hit : undefined
    const wasActive = d.mode === 'active'
    finish()
    if (!wasActive) return
    e.preventDefault()
    // The click that follows a drag must not open or toggle what it was released over. It is dispatched in
    // the same task as pointerup, so a listener removed on the next tick catches it.
    addEventListener('click', swallow, true)
    setTimeout(() => removeEventListener('click', swallow, true), 0)
    if (dropped) spec.drop(d.source, dropped.target)
  }

  const swallow = (ev: Event) => {
    ev.stopPropagation()
    ev.preventDefault()
  }

  function onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !drag) return
    e.preventDefault()
    e.stopPropagation()
    finish()
  }

  const cancel = (e: PointerEvent) => {
    if (drag && e.pointerId === drag.pointerId) finish()
  }

  // While a drag is on, a finger moves the card and not the page; before it, the page scrolls as usual.
  // (Registered for good, not per drag: the browser decides at touchstart whether a touch may be held back.)
  const onTouchMove = (e: TouchEvent) => {
    if (drag?.mode === 'active' && e.cancelable) e.preventDefault()
  }
  // No context menu, text selection or native drag and drop of a link or picture while a press may drag.
  const onNative = (e: Event) => {
    if (drag && (drag.mode === 'active' || e.type !== 'selectstart')) e.preventDefault()
  }

  function finish() {
    const d = drag
    if (!d) return
    drag = null
    clearTimeout(d.timer)
    if (d.frame !== undefined) cancelAnimationFrame(d.frame)
    d.ghost?.remove()
    d.source.el.classList.remove('dragging')
    for (const i of d.hit?.indicators ?? []) i.el.classList.remove(i.className)
    for (const s of d.scrollers) if (s instanceof HTMLElement) s.classList.remove('drag-no-snap')
    document.documentElement.classList.remove('is-dragging')
    if (root.hasPointerCapture?.(d.pointerId)) root.releasePointerCapture(d.pointerId)
    removeEventListener('pointermove', onMove, true)
    removeEventListener('pointerup', onUp, true)
    removeEventListener('pointercancel', cancel, true)
    removeEventListener('keydown', onKey, true)
  }

  root.addEventListener('pointerdown', onDown)
  root.addEventListener('touchmove', onTouchMove, { passive: false })
  root.addEventListener('contextmenu', onNative)
  root.addEventListener('dragstart', onNative)
  document.addEventListener('selectstart', onNative)
  return () => {
    finish()
    root.removeEventListener('pointerdown', onDown)
    root.removeEventListener('touchmove', onTouchMove)
    root.removeEventListener('contextmenu', onNative)
    root.removeEventListener('dragstart', onNative)
    document.removeEventListener('selectstart', onNative)
  }
}

/** Scrolling speed at `pos` between `start` and `end`: towards the nearer edge inside its band, else 0. */
function speed(pos: number, start: number, end: number): number {
  const band = Math.min(EDGE_PX, (end - start) / 4)
  if (band <= 0) return 0
  if (pos < start + band) return -Math.ceil(MAX_SPEED * Math.min(1, (start + band - pos) / band))
  if (pos > end - band) return Math.ceil(MAX_SPEED * Math.min(1, (pos - (end - band)) / band))
  return 0
}

/** The part of `el` that is on screen, or null when it does not scroll or is off screen. */
function visibleRect(el: HTMLElement) {
  if (el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight) return null
  const r = el.getBoundingClientRect()
  const v = { left: Math.max(r.left, 0), top: Math.max(r.top, 0), right: Math.min(r.right, innerWidth), bottom: Math.min(r.bottom, innerHeight) }
  return v.left < v.right && v.top < v.bottom ? v : null
}

/** The floating copy: the card as it looks, without ids or anything a query or a screen reader would find. */
function ghostOf(el: HTMLElement, r: DOMRect): HTMLElement {
  const ghost = el.cloneNode(true) as HTMLElement
  // A clone has its fields' first values, not what they hold now.
  const from = el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')
  ghost.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select').forEach((f, i) => {
    if (from[i]) f.value = from[i]!.value
  })
  for (const node of [ghost, ...ghost.querySelectorAll('*')]) {
    node.removeAttribute('id')
    for (const a of [...node.attributes]) if (a.name.startsWith('data-') || a.name.startsWith('aria-')) node.removeAttribute(a.name)
  }
  ghost.classList.add('drag-ghost')
  ghost.setAttribute('aria-hidden', 'true')
  ghost.inert = true
  ghost.style.width = `${r.width}px`
  ghost.style.height = `${r.height}px`
  return ghost
}
