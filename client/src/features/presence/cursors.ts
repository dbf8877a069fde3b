// Pointer positions anchored to the note or stage under the pointer (see PresenceCursor), and back
// to pixels inside the board for drawing someone else's cursor.
import type { PresenceCursor } from '../../../../shared/presence.js'

export const noteElementId = (noteId: string) => `note-${noteId}`
export const stageElementId = (stageId: string) => `stage-${stageId}`

const isRtl = (el: Element) => getComputedStyle(el).direction === 'rtl'

export function cursorAt(target: EventTarget | null, clientX: number, clientY: number): PresenceCursor | null {
  if (!(target instanceof Element)) return null
  const stage = target.closest<HTMLElement>('[data-stage-id]')
  if (!stage) return null
  const note = target.closest<HTMLElement>('[data-note-id]')
  const anchor = note ?? stage
  const r = anchor.getBoundingClientRect()
  if (!r.width || !r.height) return null
  const fromStart = document.documentElement.dir === 'rtl' ? r.right - clientX : clientX - r.left
  const round = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000
  return {
    stageId: stage.dataset.stageId!,
    noteId: note?.dataset.noteId ?? null,
    x: round(fromStart / r.width),
    y: round((clientY - r.top) / r.height),
  }
}

/** `el`, or where the browser skips drawing what holds it (content-visibility: auto, far off screen) the box it
 *  skips: measuring `el` itself would make the browser lay out everything skipped around it. */
function drawnBox(el: Element): Element {
  let box: Element | null = el
  while (box && box.checkVisibility?.({ contentVisibilityAuto: true }) === false) box = box.parentElement
  return box ?? el
}

/** Where a cursor falls inside `layer` (whose box is the origin), or null when its anchor is gone. Drawing many,
 *  pass the layer's box and direction, read once for all of them. */
export function cursorPoint(
  c: PresenceCursor,
  layer: HTMLElement,
  box = layer.getBoundingClientRect(),
  rtl = isRtl(layer),
): { x: number; y: number } | null {
  const anchor =
    (c.noteId && document.getElementById(noteElementId(c.noteId))) || document.getElementById(stageElementId(c.stageId))
  if (!anchor) return null
  const r = drawnBox(anchor).getBoundingClientRect()
  const x = rtl ? r.right - c.x * r.width : r.left + c.x * r.width
  return { x: x - box.left, y: r.top + c.y * r.height - box.top }
}
