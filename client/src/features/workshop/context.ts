// The workshop part of an open board, handed to components once (next to the board context).
import { createContext, useContext } from 'solid-js'
import type { Workshop } from './createWorkshop.js'

export const WorkshopContext = createContext<Workshop>()

export function useWorkshop(): Workshop {
  const ctx = useContext(WorkshopContext)
  if (!ctx) throw new Error('useWorkshop outside a board')
  return ctx
}
