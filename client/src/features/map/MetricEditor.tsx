// How a touchpoint is measured (seed 003, seed 004): NPS, CES, CSAT or the team's own metric, with a target
// and the current value. Shown on the item; the facilitator edits it.
import { For, Show } from 'solid-js'
import { METRIC_TYPES, type MapItem, type Metric, type MetricType } from '../../../../shared/journeyMap.js'
import { formatNumber, t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import './MetricEditor.css'

const nameOf = (m: Metric) =>
  m.type === 'custom' ? m.name || t('map.metric.custom') : m.name ? `${m.type} · ${m.name}` : m.type

export function MetricSummary(props: { metric: Metric }) {
  return (
    <p class="item-metric">
      <span class="metric-name" dir="auto">
        {nameOf(props.metric)}
      </span>
      <Show when={props.metric.target !== undefined}>
        <span>{t('map.metric.targetIs', { value: formatNumber(props.metric.target!) })}</span>
      </Show>
      <Show when={props.metric.current !== undefined}>
        <span>{t('map.metric.currentIs', { value: formatNumber(props.metric.current!) })}</span>
      </Show>
    </p>
  )
}

export function MetricEditor(props: { item: MapItem; idBase: string }) {
  const { store } = useMap()
  const metric = () => props.item.metric
  const write = (patch: Partial<Metric>) => {
    const m = metric()
    if (!m) return
    store.actions.setMetric(props.item.id, { type: m.type, name: m.name, target: m.target, current: m.current, ...patch })
  }
  // A half-typed number ("-", "1e") is not written; an emptied field removes the value.
  const numberInput = (field: 'target' | 'current', label: string) => (
    <div class="field">
      <label for={`${props.idBase}-${field}`}>{label}</label>
      <input
        id={`${props.idBase}-${field}`}
        type="number"
        step="any"
        dir="ltr"
        value={metric()?.[field] ?? ''}
        onInput={(e) => {
          const el = e.currentTarget
          if (el.validity.badInput) return
          write({ [field]: el.value.trim() === '' ? undefined : el.valueAsNumber })
        }}
      />
    </div>
  )

  return (
    <fieldset class="metric-editor">
      <legend>{t('map.metric.heading')}</legend>
      <div class="field">
        <label for={`${props.idBase}-type`}>{t('map.metric.type')}</label>
        <select
          id={`${props.idBase}-type`}
          onChange={(e) => {
            const type = e.currentTarget.value as MetricType | ''
            if (!type) store.actions.setMetric(props.item.id, null)
            else store.actions.setMetric(props.item.id, { ...(metric() ? { name: metric()!.name, target: metric()!.target, current: metric()!.current } : {}), type })
          }}
        >
          <option value="" selected={!metric()}>
            {t('map.metric.none')}
          </option>
          <For each={METRIC_TYPES}>
            {(type) => (
              <option value={type} selected={metric()?.type === type}>
                {type === 'custom' ? t('map.metric.custom') : type}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={metric()}>
        {(m) => (
          <>
            <div class="field">
              <label for={`${props.idBase}-name`}>{m().type === 'custom' ? t('map.metric.name') : t('map.metric.detail')}</label>
              <input
                id={`${props.idBase}-name`}
                dir="auto"
                maxLength={80}
                value={m().name ?? ''}
                onInput={(e) => write({ name: e.currentTarget.value })}
              />
            </div>
            <div class="metric-numbers">
              {numberInput('target', t('map.metric.target'))}
              {numberInput('current', t('map.metric.current'))}
            </div>
          </>
        )}
      </Show>
    </fieldset>
  )
}
