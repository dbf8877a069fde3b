// Where this screen looks, and bringing it somewhere else: what "bring everyone here", "follow me" and the
// spotlight read and move (lead.ts). A place is the stage (of the board) or the cell (of the map) this person
// last went to, pointed at or focused while it is still in view, else the one nearest the middle of what they
// see (on a phone, the stage its pager shows). Read from the page the board and the map render, by their ids
// and data attributes, so neither needs to know it is being led.
import type { MapCell, Place, SpotlightKind } from '../../../../shared/lead.js'
import { noteElementId, stageElementId } from '../presence/index.js'

export type View = 'board' | 'map'

const mapScroller = () => document.querySelector<HTMLElement>('.map-scroll')
const boardScroller = () => document.querySelector<HTMLElement>('main.board')

/** The view this screen shows now, or null while neither is on screen (loading). */
export const viewShown = (): View | null => (mapScroller() ? 'map' : boardScroller() ? 'board' : null)

/** The view a place is in. */
export const viewOf = (p: Place): View => (p.cell ? 'map' : 'board')

/** The part of `el` inside the window: what this person actually sees of it. */
function visibleBox(el: HTMLElement) {
  const r = el.getBoundingClientRect()
  const left = Math.max(r.left, 0)
  const right = Math.min(r.right, innerWidth)
  const top = Math.max(r.top, 0)
  const bottom = Math.min(r.bottom, innerHeight)
  return { x: (left + right) / 2, y: (top + bottom) / 2, empty: right <= left || bottom <= top }
}

/** The one of `els` whose box holds the point, else the nearest to it. */
function nearest<T extends HTMLElement>(els: Iterable<T>, x: number, y: number): T | null {
  let best: T | null = null
  let distance = Infinity
  for (const el of els) {
    const r = el.getBoundingClientRect()
    if (!r.width && !r.height) continue
    const dx = x < r.left ? r.left - x : x > r.right ? x - r.right : 0
    const dy = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0
    const d = Math.hypot(dx, dy)
    if (d < distance) [best, distance] = [el, d]
    if (d === 0) break
  }
  return best
}

/** The stage or cell this person last went to (the stage strip), pointed at or focused; forgotten when they
 *  scroll themselves, since the middle of the screen then says best where they are. */
let touched: Place | null = null

function touchedPlace(target: EventTarget | null): Place | null {
  const el = target instanceof Element ? target : null
  const cell = el?.closest<HTMLElement>('td.map-cell[data-stage][data-lane]')
  if (cell) return { cell: { stageId: cell.dataset.stage!, laneId: cell.dataset.lane! } }
  const stage = el?.closest<HTMLElement>('[data-stage-id]')
  return stage ? { stageId: stage.dataset.stageId! } : null
}

/** Follows where this person goes; `moved` is called after each change that may move their place. */
export function trackPlace(moved: () => void): () => void {
  const onTouch = (e: Event) => {
    touched = touchedPlace(e.target) ?? touched
    moved()
  }
  const onScrollIntent = () => (touched = null)
  addEventListener('pointerdown', onTouch, { capture: true })
  addEventListener('focusin', onTouch, { capture: true })
  addEventListener('wheel', onScrollIntent, { passive: true, capture: true })
  addEventListener('touchmove', onScrollIntent, { passive: true, capture: true })
  return () => {
    removeEventListener('pointerdown', onTouch, { capture: true })
    removeEventListener('focusin', onTouch, { capture: true })
    removeEventListener('wheel', onScrollIntent, { capture: true })
    removeEventListener('touchmove', onScrollIntent, { capture: true })
    touched = null
  }
}

/** Whether some of `el` is on screen inside `scroller`. */
function seen(el: HTMLElement | null, scroller: HTMLElement): boolean {
  if (!el) return false
  const r = el.getBoundingClientRect()
  const s = scroller.getBoundingClientRect()
  return r.right > Math.max(s.left, 0) && r.left < Math.min(s.right, innerWidth) && r.bottom > 0 && r.top < innerHeight
}

/** Where this screen looks now, or null when it shows neither the board nor the map. */
export function placeInView(): Place | null {
  const map = mapScroller()
  if (touched && seen(placeElement(touched), map ?? boardScroller() ?? document.body) && !!touched.cell === !!map) return touched
  if (map) {
    const box = visibleBox(map)
    const cell = nearest(map.querySelectorAll<HTMLElement>('td.map-cell[data-stage][data-lane]'), box.x, box.y)
    return cell ? { cell: { stageId: cell.dataset.stage!, laneId: cell.dataset.lane! } } : null
  }
  const board = boardScroller()
  if (!board) return null
  const box = visibleBox(board)
  // Across the row only: a stage is as tall as its notes, and the middle of the screen may be below a short one.
  const stages = [...board.querySelectorAll<HTMLElement>('.stage[data-stage-id]')]
  const stage = nearest(stages, box.x, stages[0]?.getBoundingClientRect().top ?? box.y)
  return stage ? { stageId: stage.dataset.stageId! } : null
}

const cellElement = (c: MapCell) =>
  document.querySelector<HTMLElement>(`td.map-cell[data-stage="${CSS.escape(c.stageId)}"][data-lane="${CSS.escape(c.laneId)}"]`)

const placeElement = (p: Place) =>
  p.cell ? cellElement(p.cell) : p.stageId ? document.getElementById(stageElementId(p.stageId)) : null

export const itemElement = (kind: SpotlightKind, id: string) =>
  kind === 'note'
    ? document.getElementById(noteElementId(id))
    : document.querySelector<HTMLElement>(`.cluster[data-cluster-id="${CSS.escape(id)}"]`)

const behavior = (): ScrollBehavior => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth')

/** Waits (a few seconds at most) for an element to be rendered: the map's chunk may still be loading. */
function whenRendered(find: () => HTMLElement | null, ms = 5000): Promise<HTMLElement | null> {
  const until = performance.now() + ms
  return new Promise((resolve) => {
    const look = () => {
      const el = find()
      if (el || performance.now() > until) resolve(el)
      else requestAnimationFrame(look)
    }
    look()
  })
}

/** Brings the stage to the middle of the board's row (the pager's page on a phone), or the cell to the middle
 *  of the map. Resolves to whether it was there to show. */
export async function showPlace(p: Place): Promise<boolean> {
  const el = await whenRendered(() => placeElement(p))
  if (!el) return false
  el.scrollIntoView({ inline: 'center', block: p.cell ? 'center' : 'nearest', behavior: behavior() })
  return true
}

/** Brings a note or a cluster to the middle of the screen. */
export async function showItem(kind: SpotlightKind, id: string): Promise<boolean> {
  const el = await whenRendered(() => itemElement(kind, id))
  if (!el) return false
  el.scrollIntoView({ inline: 'center', block: 'center', behavior: behavior() })
  return true
}
