// Moving map items by hand to another cell, with the drag engine (lib/drag.ts): a mouse drags an item from
// anywhere on it that is not a control, a finger or pen from its grip or after holding it. The cell under the
// pointer is highlighted with a line where the item would land; the move is one write on release.
import { enableDrag } from '../../lib/drag.js'

export interface CellTarget {
  stageId: string
  laneId: string
  /** Among the cell's other items, as shown. */
  index: number
}

export interface ItemDragOptions {
  /** Whether items may be moved now (the facilitator's). */
  canDrag(): boolean
  onDrop(itemId: string, target: CellTarget): void
}

type Source = { el: HTMLElement; id: string }

const ITEM = '.map-item[data-item-id]'

export function enableItemDrag(root: HTMLElement, opts: ItemDragOptions): () => void {
  return enableDrag<Source, CellTarget>(root, {
    sourceAt(target) {
      const el = target.closest<HTMLElement>(ITEM)
      return el && root.contains(el) && opts.canDrag() ? { el, id: el.dataset.itemId! } : undefined
    },
    // The item's tools (and the metric inside them) are controls, not a place to grab it by.
    ignore: '.item-tools, input, textarea, select, button, a[href], summary, label',
    targetAt(x, y, src) {
      const cell = document.elementFromPoint(x, y)?.closest<HTMLElement>('td.map-cell[data-stage][data-lane]')
      if (!cell || !root.contains(cell)) return undefined
      // The drop lands before the first item whose middle is below the pointer.
      const items = [...cell.querySelectorAll<HTMLElement>(ITEM)].filter((el) => el !== src.el)
      let index = items.findIndex((el) => {
        const r = el.getBoundingClientRect()
        return y < r.top + r.height / 2
      })
      if (index < 0) index = items.length
      const before = items[index]
      return {
        target: { stageId: cell.dataset.stage!, laneId: cell.dataset.lane!, index },
        indicators: [{ el: cell, className: 'drop-target' }, ...(before ? [{ el: before, className: 'drop-before' }] : [])],
      }
    },
    drop: (src, target) => opts.onDrop(src.id, target),
    scrollers: () => [root],
  })
}
