// Keeps a caret where the writer left it when someone else edits the same note: the remote change
// arrives as a Yjs delta, and every index before the caret shifts by what was inserted or deleted there.
export type Delta = { insert?: unknown; delete?: number; retain?: number }[]

export function transformIndex(index: number, delta: Delta): number {
  let pos = 0 // position in the old text
  let shift = 0
  for (const op of delta) {
    if (pos > index) break
    if (op.retain) pos += op.retain
    else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1
      // An insert exactly at the caret goes before it: the writer keeps typing after the remote text
      // only if it landed strictly before; at the same spot we keep the local caret in front.
      if (pos < index) shift += len
    } else if (op.delete) {
      const end = pos + op.delete
      shift -= Math.max(0, Math.min(end, index) - pos)
      pos = end
    }
  }
  return Math.max(0, index + shift)
}
