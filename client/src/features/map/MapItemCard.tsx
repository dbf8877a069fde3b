// One item of the map: its title, the notes of its cluster, its votes and metric; a decision or next step of the
// discussion says so, with its owner and due date. The facilitator retitles it,
// moves it (buttons, selects, or dragging it by its grip), measures it, or takes it off the map.
import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { MapItem } from '../../../../shared/journeyMap.js'
import { announce } from '../../lib/announce.js'
import { locale, t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import { MetricEditor, MetricSummary } from './MetricEditor.js'
import './MapItemCard.css'

type Named = { id: string; name: string }

const toolId = (itemId: string, tool: string) => `item-${itemId}-${tool}`

/** A due date (YYYY-MM-DD) in the reader's calendar and digits. */
function formatDate(due: string, lang: string): string {
  const [y, m, d] = due.split('-').map(Number)
  return y && m && d ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d)) : due
}

export function MapItemCard(props: { item: MapItem; stage: Named; lane: Named }) {
  const { store, canEdit, itemFoot } = useMap()
  const item = () => props.item

  return (
    <li class="map-item" id={`item-${item().id}`} data-item-id={item().id}>
      <div class="item-head">
        <Show
          when={canEdit()}
          fallback={
            <p class="item-title" dir="auto">
              {item().title || t('map.item.untitled')}
            </p>
          }
        >
          {/* Dragged by mouse or touch through the grid's drag engine (itemDrag.ts). */}
          <span class="item-grip" data-drag-handle aria-hidden="true" title={t('map.item.drag')}>
            ⠿
          </span>
          {/* A text area that grows with its text, so that a long title is read whole; a title is one line. */}
          <textarea
            class="item-title-input"
            dir="auto"
            rows={1}
            maxLength={300}
            aria-label={t('map.item.title', { stage: props.stage.name, lane: props.lane.name })}
            value={item().title}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            onInput={(e) => store.actions.editTitle(item().id, e.currentTarget.value.replace(/\s*\n\s*/g, ' '))}
          />
        </Show>
        <Show when={item().votes > 0}>
          <span class="item-votes">{t('map.item.votes', { count: item().votes })}</span>
        </Show>
      </div>
      <Show when={item().notes.length}>
        <ul class="item-notes" aria-label={t('map.item.notes')}>
          <For each={item().notes}>{(n) => <li dir="auto">{n}</li>}</For>
        </ul>
      </Show>
      <Show when={item().metric}>{(m) => <MetricSummary metric={m()} />}</Show>
      <Show when={item().outcome}>
        {(kind) => (
          <p class="item-outcome" data-testid="item-outcome">
            <span class="item-outcome-kind">{t(`outcome.kind.${kind()}`)}</span>
            <Show when={item().owner}>
              <span>
                {t('outcome.owner.short')}: <bdi class="item-owner">{item().owner}</bdi>
              </span>
            </Show>
            <Show when={item().due}>
              <span>
                {t('outcome.due.short')}: <bdi>{formatDate(item().due!, locale().code)}</bdi>
              </span>
            </Show>
          </p>
        )}
      </Show>
      <Show when={itemFoot}>{(foot) => <Dynamic component={foot()} id={item().id} name={item().title || t('map.item.untitled')} />}</Show>
      <Show when={canEdit()}>
        <ItemTools item={item()} />
      </Show>
    </li>
  )
}

function ItemTools(props: { item: MapItem }) {
  const { store, openTools, setOpenTools } = useMap()
  const id = () => props.item.id
  const title = () => props.item.title || t('map.item.untitled')
  const map = () => store.state.map

  /** After a move the card may be a new element in another cell: its tools open, focus on the same control. */
  function after(moved: boolean, tool: string) {
    if (!moved) return announce(t('map.announce.notMoved'))
    const to = store.place(id())
    if (to) {
      announce(t('map.announce.moved', { stage: map().stages[to.stageIndex]!.name, lane: map().lanes[to.laneIndex]!.name,
        position: to.index + 1, count: to.count }))
    }
    document.getElementById(toolId(id(), tool))?.focus()
  }

  const nudge = (step: { dStage?: number; dIndex?: number }, tool: string) => after(!!store.actions.nudgeItem(id(), step), tool)
  const moveTo = (stageId: string, laneId: string, tool: string) => {
    store.actions.moveItem(id(), stageId, laneId, Number.MAX_SAFE_INTEGER)
    after(true, tool)
  }

  function demote() {
    const cell = document.getElementById(`item-${id()}`)?.closest('td')
    store.actions.demote(id())
    announce(t('map.announce.demoted', { title: title() }))
    // Focus stays in the cell (its next item), else on the grid, never lost to the page.
    ;(cell?.querySelector<HTMLElement>('.item-title-input') ?? document.querySelector<HTMLElement>('.map-scroll'))?.focus()
  }

  const arrow = (tool: string, label: string, glyph: string, step: { dStage?: number; dIndex?: number }, flip = false) => (
    <button type="button" id={toolId(id(), tool)} class="icon-button" aria-label={label} onClick={() => nudge(step, tool)}>
      <span class={flip ? 'flip-rtl' : ''} aria-hidden="true">
        {glyph}
      </span>
    </button>
  )

  return (
    <details
      class="item-tools"
      open={openTools() === id()}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpenTools(id())
        else if (openTools() === id()) setOpenTools(null)
      }}
    >
      <summary id={toolId(id(), 'summary')}>
        {t('map.item.edit')}
        <span class="visually-hidden">: {title()}</span>
      </summary>
      <div class="tools-body">
        <div class="tool-row" role="group" aria-label={t('map.item.move')}>
          {arrow('up', t('map.item.up', { title: title() }), '↑', { dIndex: -1 })}
          {arrow('down', t('map.item.down', { title: title() }), '↓', { dIndex: 1 })}
          {arrow('earlier', t('map.item.earlier', { title: title() }), '←', { dStage: -1 }, true)}
          {arrow('later', t('map.item.later', { title: title() }), '→', { dStage: 1 }, true)}
        </div>
        <div class="field">
          <label for={toolId(id(), 'stage')}>{t('map.item.stage')}</label>
          <select id={toolId(id(), 'stage')} onChange={(e) => moveTo(e.currentTarget.value, props.item.laneId, 'stage')}>
            <For each={map().stages}>
              {(s) => (
                <option value={s.id} selected={s.id === props.item.stageId}>
                  {s.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for={toolId(id(), 'lane')}>{t('map.item.lane')}</label>
          <select id={toolId(id(), 'lane')} onChange={(e) => moveTo(props.item.stageId, e.currentTarget.value, 'lane')}>
            <For each={map().lanes}>
              {(l) => (
                <option value={l.id} selected={l.id === props.item.laneId}>
                  {l.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <MetricEditor item={props.item} idBase={toolId(id(), 'metric')} />
        <button type="button" class="button small remove" onClick={demote}>
          {t('map.item.demote')}
        </button>
      </div>
    </details>
  )
}
