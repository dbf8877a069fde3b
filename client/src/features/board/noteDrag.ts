// Moving notes by drag and drop with pointer events: mouse drags a note from anywhere on it, touch and
// pen from its handle (so a finger elsewhere still scrolls the board). A floating copy follows the
// pointer, a line marks the drop place, and the move is one schema write on release.
export interface DropTarget {
  stageId: string
  index: number
}

/** A note or cluster that the dragged note joins when dropped onto it (clustering). */
export interface GroupTarget {
  noteId?: string
  clusterId?: string
  el?: Element
}

export interface NoteDragOptions {
  onDrop(noteId: string, target: DropTarget): void
  /** Whether this note may be dragged now: not while the phase or the role forbids changes. */
  canDrag?(noteId: string): boolean
  /** While clustering: what is under the pointer to group the dragged note with, if anything. */
  groupTargetAt?(x: number, y: number, noteId: string): GroupTarget | undefined
  onGroup?(noteId: string, target: GroupTarget): void
}

const THRESHOLD_PX = 5
const EDGE_PX = 48

export function enableNoteDrag(root: HTMLElement, opts: NoteDragOptions): () => void {
  let drag: {
    pointerId: number
    card: HTMLElement
    noteId: string
    startX: number
    startY: number
    dx: number
    dy: number
    ghost?: HTMLElement
    target?: DropTarget
    marker?: Element
    group?: GroupTarget
  } | null = null

  function onDown(e: PointerEvent) {
    if (drag || e.button !== 0 || !(e.target instanceof Element)) return
    const card = e.target.closest<HTMLElement>('[data-note-id]')
    if (!card || e.target.closest('textarea, input, button, select, a')) return
    if (e.pointerType !== 'mouse' && !e.target.closest('.drag-handle')) return
    if (opts.canDrag && !opts.canDrag(card.dataset.noteId!)) return
    const r = card.getBoundingClientRect()
    drag = { pointerId: e.pointerId, card, noteId: card.dataset.noteId!, startX: e.clientX, startY: e.clientY, dx: e.clientX - r.left, dy: e.clientY - r.top }
    addEventListener('pointermove', onMove)
    addEventListener('pointerup', onUp)
    addEventListener('pointercancel', finish)
    addEventListener('keydown', onKey, true)
  }

  function begin() {
    const d = drag!
    const r = d.card.getBoundingClientRect()
    const ghost = d.card.cloneNode(true) as HTMLElement
    ghost.removeAttribute('id')
    ghost.removeAttribute('data-note-id')
    ghost.classList.add('drag-ghost')
    ghost.setAttribute('aria-hidden', 'true')
    ghost.style.width = `${r.width}px`
    document.body.append(ghost)
    d.ghost = ghost
    d.card.classList.add('dragging')
    root.classList.add('is-dragging')
    getSelection()?.removeAllRanges()
  }

  function onMove(e: PointerEvent) {
    const d = drag
    if (!d || e.pointerId !== d.pointerId) return
    if (!d.ghost) {
      if (Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < THRESHOLD_PX) return
      begin()
    }
    e.preventDefault()
    d.ghost!.style.transform = `translate(${e.clientX - d.dx}px, ${e.clientY - d.dy}px)`
    autoScroll(e.clientX)
    const group = opts.groupTargetAt?.(e.clientX, e.clientY, d.noteId)
    markGroup(group)
    mark(group ? undefined : targetAt(e.clientX, e.clientY))
  }

  function autoScroll(x: number) {
    const r = root.getBoundingClientRect()
    if (x < r.left + EDGE_PX) root.scrollLeft -= 12
    else if (x > r.right - EDGE_PX) root.scrollLeft += 12
  }

  function targetAt(x: number, y: number): DropTarget | undefined {
    const stage = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-stage-id]')
    if (!stage) return drag!.target
    const cards = [...stage.querySelectorAll<HTMLElement>('[data-note-id]')].filter((c) => c !== drag!.card)
    let index = cards.findIndex((c) => {
      const r = c.getBoundingClientRect()
      return y < r.top + r.height / 2
    })
    if (index < 0) index = cards.length
    return { stageId: stage.dataset.stageId!, index }
  }

  function mark(target: DropTarget | undefined) {
    const d = drag!
    d.marker?.classList.remove('drop-before', 'drop-end')
    d.target = target
    if (!target) return
    const stage = root.querySelector(`[data-stage-id="${CSS.escape(target.stageId)}"]`)
    const cards = [...(stage?.querySelectorAll('[data-note-id]') ?? [])].filter((c) => c !== d.card)
    const before = cards[target.index]
    d.marker = before ?? stage?.querySelector('[data-stage-notes]') ?? undefined
    d.marker?.classList.add(before ? 'drop-before' : 'drop-end')
  }

  function markGroup(group: GroupTarget | undefined) {
    const d = drag!
    if (d.group?.el !== group?.el) d.group?.el?.classList.remove('drop-onto')
    group?.el?.classList.add('drop-onto')
    d.group = group
  }

  function onUp(e: PointerEvent) {
    const d = drag
    if (!d || e.pointerId !== d.pointerId) return
    const dropped = d.ghost && d.target
    const group = d.ghost && d.group
    finish()
    if (!dropped && !group) return
    // The click that follows a drag must not open the note's editor.
    // It is dispatched in the same task as pointerup, so a listener removed on the next tick catches it.
    addEventListener('click', swallowClick, true)
    setTimeout(() => removeEventListener('click', swallowClick, true), 0)
    if (group) opts.onGroup?.(d.noteId, group)
    else if (dropped) opts.onDrop(d.noteId, dropped)
  }

  const swallowClick = (ev: Event) => ev.stopPropagation()

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape' && drag) {
      e.preventDefault()
      finish()
    }
  }

  function finish() {
    const d = drag
    if (!d) return
    d.ghost?.remove()
    d.card.classList.remove('dragging')
    d.marker?.classList.remove('drop-before', 'drop-end')
    d.group?.el?.classList.remove('drop-onto')
    root.classList.remove('is-dragging')
    removeEventListener('pointermove', onMove)
    removeEventListener('pointerup', onUp)
    removeEventListener('pointercancel', finish)
    removeEventListener('keydown', onKey, true)
    drag = null
  }

  root.addEventListener('pointerdown', onDown)
  return () => {
    finish()
    root.removeEventListener('pointerdown', onDown)
  }
}
