// What a key pressed on a focused note means. Left and right follow the screen, so in Arabic and
// Persian (stages running right to left) Alt+Left goes to the next stage.
export type NoteKeyCommand =
  | { type: 'edit' }
  | { type: 'delete' }
  | { type: 'move'; dStage: number; dIndex: number }
  | { type: 'focus'; dStage: number; dIndex: number }

export function noteKeyCommand(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, rtl: boolean): NoteKeyCommand | null {
  if (e.ctrlKey || e.metaKey) return null
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight'
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft'
  const step =
    e.key === forward ? { dStage: 1, dIndex: 0 }
    : e.key === backward ? { dStage: -1, dIndex: 0 }
    : e.key === 'ArrowDown' ? { dStage: 0, dIndex: 1 }
    : e.key === 'ArrowUp' ? { dStage: 0, dIndex: -1 }
    : null
  if (step) return { type: e.altKey ? 'move' : 'focus', ...step }
  if (e.altKey || e.shiftKey) return null
  if (e.key === 'Enter' || e.key === 'F2') return { type: 'edit' }
  if (e.key === 'Delete' || e.key === 'Backspace') return { type: 'delete' }
  return null
}
