// What every part of the map view needs, handed down once: the store and who may do what.
import { createContext, useContext, type Accessor, type Component, type Setter } from 'solid-js'
import type { MapStore } from './mapStore.js'

export interface MapContextValue {
  store: MapStore
  /** The facilitator edits the frame, the items, the lanes and the scores. */
  canEdit: Accessor<boolean>
  /** A participant rates the stages, in the map phase only. */
  canRate: Accessor<boolean>
  /** This person's id on the server, once joined; ratings are written under it. */
  me: Accessor<string | null>
  /** The item whose tools are open: kept across the re-render that moving an item to another cell causes. */
  openTools: Accessor<string | null>
  setOpenTools: Setter<string | null>
  /** What others render at the foot of each item (the workshop's comments), so the map imports no workshop. */
  itemFoot?: Component<{ id: string; name: string }> | undefined
}

export const MapContext = createContext<MapContextValue>()

export function useMap(): MapContextValue {
  const ctx = useContext(MapContext)
  if (!ctx) throw new Error('useMap outside the map view')
  return ctx
}
