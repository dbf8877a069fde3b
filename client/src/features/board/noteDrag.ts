// Moving notes and clusters by hand, with the drag engine (lib/drag.ts): a mouse drags a note from anywhere
// on it, a finger or pen from its handle or after holding it; a line marks where it would land, and the move
// is one write on release. While clustering, a note dropped onto another note or a cluster joins it instead.
// A cluster is dragged by its own handle (or its head) to another place or stage, its notes with it.
import { enableDrag, type DropHit, type DropIndicator } from '../../lib/drag.js'

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
  /** Whether this cluster may be dragged now; clusters do not move without it. */
  canDragCluster?(clusterId: string): boolean
  /** A cluster dropped at `index` among the clusters of a stage. */
  onMoveCluster?(clusterId: string, target: DropTarget): void
}

type Source = { el: HTMLElement; kind: 'note' | 'cluster'; id: string }
type Target = ({ kind: 'move' } & DropTarget) | { kind: 'group'; group: GroupTarget }

const NOTE = '[data-note-id]'
const CLUSTER = '[data-cluster-id]'

export function enableNoteDrag(root: HTMLElement, opts: NoteDragOptions): () => void {
  const stageEl = (stageId: string) => root.querySelector(`[data-stage-id="${CSS.escape(stageId)}"]`)
  const stageUnder = (x: number, y: number) => document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-stage-id]')

  /** Where a note would land among the cards of the stage under the point, and the line that says so. */
  function noteTarget(x: number, y: number, src: Source, previous?: DropTarget): DropHit<Target> | undefined {
    const stage = stageUnder(x, y)
    const stageId = stage?.dataset.stageId ?? previous?.stageId
    if (!stageId) return undefined
    const cards = [...(stageEl(stageId)?.querySelectorAll<HTMLElement>(NOTE) ?? [])].filter((c) => c !== src.el)
    let index = stage ? cards.findIndex((c) => y < middle(c)) : (previous?.index ?? -1)
    if (index < 0) index = cards.length
    return { target: { kind: 'move', stageId, index }, indicators: [lineBefore(stageId, cards[index])] }
  }

  /** Where a cluster would land among the clusters of the stage under the point (clusters come first). */
  function clusterTarget(x: number, y: number, src: Source, previous?: DropTarget): DropHit<Target> | undefined {
    const stage = stageUnder(x, y)
    const stageId = stage?.dataset.stageId ?? previous?.stageId
    const list = stageId && stageEl(stageId)?.querySelector<HTMLElement>('[data-stage-notes]')
    if (!stageId || !list) return undefined
    const clusters = [...list.querySelectorAll<HTMLElement>(CLUSTER)].filter((c) => c !== src.el)
    let index = stage ? clusters.findIndex((c) => y < middle(c)) : (previous?.index ?? -1)
    if (index < 0) index = clusters.length
    // After the last cluster is before the first lone note, if there is one.
    const before = clusters[index] ?? list.querySelector<HTMLElement>(`.note-group > ${NOTE}, .stage-part > ${NOTE}`) ?? undefined
    return { target: { kind: 'move', stageId, index }, indicators: [lineBefore(stageId, before)] }
  }

  function lineBefore(stageId: string, card: Element | undefined): DropIndicator {
    const list = stageEl(stageId)?.querySelector('[data-stage-notes]') ?? stageEl(stageId)!
    return card ? { el: card, className: 'drop-before' } : { el: list, className: 'drop-end' }
  }

  const stop = enableDrag<Source, Target>(root, {
    sourceAt(target) {
      const note = target.closest<HTMLElement>(NOTE)
      if (note && root.contains(note)) {
        const id = note.dataset.noteId!
        return !opts.canDrag || opts.canDrag(id) ? { el: note, kind: 'note', id } : undefined
      }
      const cluster = target.closest<HTMLElement>(CLUSTER)
      if (!cluster || !root.contains(cluster) || !opts.onMoveCluster) return undefined
      const id = cluster.dataset.clusterId!
      return opts.canDragCluster?.(id) ? { el: cluster, kind: 'cluster', id } : undefined
    },
    targetAt(x, y, src, previous) {
      const prev = previous?.kind === 'move' ? previous : undefined
      if (src.kind === 'cluster') return clusterTarget(x, y, src, prev)
      const group = opts.groupTargetAt?.(x, y, src.id)
      if (group) return { target: { kind: 'group', group }, indicators: group.el ? [{ el: group.el, className: 'drop-onto' }] : [] }
      return noteTarget(x, y, src, prev)
    },
    drop(src, target) {
      if (target.kind === 'group') opts.onGroup?.(src.id, target.group)
      else if (src.kind === 'cluster') opts.onMoveCluster?.(src.id, { stageId: target.stageId, index: target.index })
      else opts.onDrop(src.id, { stageId: target.stageId, index: target.index })
    },
    scrollers: () => [root],
  })
  return stop
}

function middle(el: Element): number {
  const r = el.getBoundingClientRect()
  return r.top + r.height / 2
}
