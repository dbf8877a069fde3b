// The lanes (rows) of the map: renamed, reordered, hidden or added by the facilitator. A default lane that was
// never renamed shows its name in the reader's language, and clearing a name gives that name back.
import { For, createSignal } from 'solid-js'
import { labelsFor } from '../../../../shared/export/labels.js'
import type { DefaultLaneId } from '../../../../shared/lanes.js'
import { announce } from '../../lib/announce.js'
import { locale, t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import './LaneEditor.css'

export function LaneEditor() {
  const { store } = useMap()
  const lanes = () => store.state.lanes
  const [name, setName] = createSignal('')
  const defaultName = (id: string) => labelsFor(locale().code).lanes[id as DefaultLaneId] ?? ''

  function move(id: string, from: number, by: -1 | 1, label: string) {
    store.actions.moveLane(id, from + by)
    announce(t('map.announce.laneMoved', { name: label, position: from + by + 1 }))
    // The row was re-inserted at its new place; keep the focus on the button that moved it.
    document.getElementById(`lane-${id}-${by < 0 ? 'up' : 'down'}`)?.focus()
  }

  function add(e: SubmitEvent) {
    e.preventDefault()
    const clean = name().trim()
    if (!clean) return
    store.actions.addLane(clean)
    setName('')
    announce(t('map.announce.laneAdded', { name: clean }))
  }

  return (
    <details class="map-tool card">
      <summary>
        <h2>{t('map.lanes.heading')}</h2>
      </summary>
      <ol class="lane-list">
        <For each={lanes()}>
          {(lane, i) => (
            <li classList={{ hidden: lane.hidden }}>
              <input
                dir="auto"
                maxLength={80}
                aria-label={t('map.lanes.name', { n: i() + 1 })}
                placeholder={defaultName(lane.id)}
                value={lane.name}
                onChange={(e) => store.actions.renameLane(lane.id, e.currentTarget.value)}
              />
              <label class="lane-shown">
                <input type="checkbox" checked={!lane.hidden} onChange={(e) => store.actions.hideLane(lane.id, !e.currentTarget.checked)} />
                <span>{t('map.lanes.shown')}</span>
                <span class="visually-hidden">: {lane.label}</span>
              </label>
              <button
                type="button"
                id={`lane-${lane.id}-up`}
                class="icon-button"
                aria-label={t('map.lanes.up', { name: lane.label })}
                disabled={i() === 0}
                onClick={() => move(lane.id, i(), -1, lane.label)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                id={`lane-${lane.id}-down`}
                class="icon-button"
                aria-label={t('map.lanes.down', { name: lane.label })}
                disabled={i() === lanes().length - 1}
                onClick={() => move(lane.id, i(), 1, lane.label)}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </li>
          )}
        </For>
      </ol>
      <form class="add-lane" onSubmit={add}>
        <input
          dir="auto"
          maxLength={80}
          aria-label={t('map.lanes.newName')}
          placeholder={t('map.lanes.newName')}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" class="button small">
          {t('map.lanes.add')}
        </button>
      </form>
    </details>
  )
}
