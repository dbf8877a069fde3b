// The draft journey map: its frame, the facilitator's tools (promote, lanes), and the grid of stages × lanes
// with the emotion curve beneath. Everyone sees it; only the facilitator changes it, and participants rate
// the stages in the map phase.
import { Show, createSignal, onCleanup, type Accessor, type Component } from 'solid-js'
import type * as Y from 'yjs'
import { labelsFor } from '../../../../shared/export/labels.js'
import type { Role } from '../../../../shared/workshop.js'
import { useBoard } from '../board/index.js'
import { locale, t } from '../../i18n/i18n.js'
import { MapContext, type MapContextValue } from './context.js'
import { FrameEditor } from './FrameEditor.js'
import { LaneEditor } from './LaneEditor.js'
import { MapGrid } from './MapGrid.js'
import { createMapStore } from './mapStore.js'
import { PromotePanel } from './PromotePanel.js'
import './MapView.css'

export function MapView(props: {
  doc: Y.Doc
  me: Accessor<string | null>
  role: Accessor<Role | null>
  itemFoot?: Component<{ id: string; name: string }> | undefined
}) {
  const { isFacilitator } = useBoard()
  const store = createMapStore(props.doc, { laneNames: () => labelsFor(locale().code).lanes, canEdit: isFacilitator })
  onCleanup(store.dispose)
  const [openTools, setOpenTools] = createSignal<string | null>(null)
  const ctx: MapContextValue = {
    store,
    canEdit: isFacilitator,
    // The facilitator sets scores instead; observers write nothing.
    canRate: () => store.ratingOpen() && !isFacilitator() && props.role() !== 'observer' && !!props.me(),
    me: props.me,
    openTools,
    setOpenTools,
    itemFoot: props.itemFoot,
  }
  const empty = () => Object.values(store.state.map.cells).every((lanes) => Object.values(lanes).every((l) => l.length === 0))

  return (
    <MapContext.Provider value={ctx}>
      <main class="map-view" aria-label={t('map.region')}>
        <FrameEditor />
        <Show when={isFacilitator()}>
          <div class="map-tools">
            <PromotePanel />
            <LaneEditor />
          </div>
        </Show>
        <Show when={ctx.canRate()}>
          <p class="map-hint" data-testid="rate-hint">
            {t('map.rate.hint')}
          </p>
        </Show>
        <Show when={empty()}>
          <p class="map-hint">{isFacilitator() ? t('map.empty.facilitator') : t('map.empty.participant')}</p>
        </Show>
        <MapGrid />
      </main>
    </MapContext.Provider>
  )
}
