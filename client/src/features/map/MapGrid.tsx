// The grid of the map: stages as columns (right to left in Arabic and Persian, as a table lays them out),
// visible lanes as rows, each cell its items, and the emotion curve under the emotions lane. On a narrow
// screen it scrolls sideways inside its own region, with the lane names kept in view.
import { For, Show, createSignal } from 'solid-js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import { EmotionRows } from './EmotionCurve.js'
import { dragging, setDragging } from './itemDrag.js'
import { MapItemCard } from './MapItemCard.js'

type Named = { id: string; name: string }

const CURVE_LANE = 'emotion'

export function MapGrid() {
  const { store } = useMap()
  const map = () => store.state.map
  return (
    <div class="map-scroll" role="region" aria-label={t('map.grid.label')} tabIndex={0}>
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
  const { store, canEdit } = useMap()
  const items = () => store.state.map.cells[props.stage.id]?.[props.lane.id] ?? []
  const [over, setOver] = createSignal(false)

  function drop(e: DragEvent) {
    const id = dragging()
    setOver(false)
    setDragging(null)
    if (!id || !canEdit()) return
    e.preventDefault()
    // The drop lands before the first item whose middle is below the pointer.
    const cards = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.map-item')].filter((el) => el.dataset.itemId !== id)
    let index = cards.findIndex((el) => {
      const r = el.getBoundingClientRect()
      return e.clientY < r.top + r.height / 2
    })
    if (index < 0) index = cards.length
    store.actions.moveItem(id, props.stage.id, props.lane.id, index)
    const to = store.place(id)
    if (to) announce(t('map.announce.moved', { stage: props.stage.name, lane: props.lane.name, position: to.index + 1, count: to.count }))
  }

  return (
    <td
      class="map-cell"
      classList={{ 'drop-target': over() }}
      data-stage={props.stage.id}
      data-lane={props.lane.id}
      onDragOver={(e) => {
        if (!canEdit() || !dragging()) return
        e.preventDefault()
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'move'
        setOver(true)
      }}
      onDragLeave={(e) => {
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(false)
      }}
      onDrop={drop}
    >
      <Show when={items().length}>
        <ul class="cell-items">
          <For each={items()}>{(item) => <MapItemCard item={item} stage={props.stage} lane={props.lane} />}</For>
        </ul>
      </Show>
    </td>
  )
}
