// The grid of the map: stages as columns (right to left in Arabic and Persian, as a table lays them out),
// visible lanes as rows, each cell its items, and the emotion curve under the emotions lane. On a narrow
// screen it scrolls sideways inside its own region, with the lane names kept in view. The facilitator drags
// items from cell to cell, by mouse or touch (itemDrag.ts).
import { For, Show, onCleanup, onMount } from 'solid-js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import { EmotionRows } from './EmotionCurve.js'
import { enableItemDrag } from './itemDrag.js'
import { MapItemCard } from './MapItemCard.js'
import './MapGrid.css'

type Named = { id: string; name: string }

const CURVE_LANE = 'emotion'

export function MapGrid() {
  const { store, canEdit } = useMap()
  const map = () => store.state.map
  let scroller!: HTMLDivElement

  onMount(() => {
    const stop = enableItemDrag(scroller, {
      canDrag: canEdit,
      onDrop(id, { stageId, laneId, index }) {
        store.actions.moveItem(id, stageId, laneId, index)
        const to = store.place(id)
        if (!to) return
        const stage = map().stages[to.stageIndex]?.name ?? ''
        const lane = map().lanes[to.laneIndex]?.name ?? ''
        announce(t('map.announce.moved', { stage, lane, position: to.index + 1, count: to.count }))
      },
    })
    onCleanup(stop)
  })

  return (
    <div ref={scroller} class="map-scroll" role="region" aria-label={t('map.grid.label')} tabIndex={0}>
      <table class="map-grid" style={{ '--stages': String(Math.max(1, map().stages.length)) }}>
        <colgroup>
          <col class="lane-col" />
          <For each={map().stages}>{() => <col class="stage-col" />}</For>
        </colgroup>
        <thead>
          <tr>
            <td class="corner" />
            <For each={map().stages}>
              {(s) => (
                <th scope="col" dir="auto" data-stage={s.id}>
                  {s.name}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={map().lanes}>
            {(lane) => (
              <>
                <tr data-lane={lane.id}>
                  <th scope="row" dir="auto">
                    {lane.name}
                  </th>
                  <For each={map().stages}>{(stage) => <MapCell stage={stage} lane={lane} />}</For>
                </tr>
                {/* The curve runs under the emotions lane, as on the exported page; at the end when it is hidden. */}
                <Show when={lane.id === CURVE_LANE}>
                  <EmotionRows />
                </Show>
              </>
            )}
          </For>
          <Show when={!map().lanes.some((l) => l.id === CURVE_LANE)}>
            <EmotionRows />
          </Show>
        </tbody>
      </table>
    </div>
  )
}

function MapCell(props: { stage: Named; lane: Named }) {
  const { store } = useMap()
  const items = () => store.state.map.cells[props.stage.id]?.[props.lane.id] ?? []

  return (
    <td class="map-cell" data-stage={props.stage.id} data-lane={props.lane.id}>
      <Show when={items().length}>
        <ul class="cell-items">
          <For each={items()}>{(item) => <MapItemCard item={item} stage={props.stage} lane={props.lane} />}</For>
        </ul>
      </Show>
    </td>
  )
}
