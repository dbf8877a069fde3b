// The emotion curve, drawn under the emotions lane: one point per stage, in the layout's direction, by the
// same code as the exports; beneath it each stage's score, which the facilitator sets, or participants rate
// in the map phase (the curve then shows their average until the facilitator sets one).
import { For, Show } from 'solid-js'
import { formatScore, labelsFor } from '../../../../shared/export/labels.js'
import { toSvgCurve } from '../../../../shared/export/svgCurve.js'
import type { MessageKey } from '../../i18n/en.js'
import { locale, t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import './EmotionCurve.css'

const SCORES: [number, MessageKey][] = [
  [2, 'map.score.veryPositive'],
  [1, 'map.score.positive'],
  [0, 'map.score.neutral'],
  [-1, 'map.score.negative'],
  [-2, 'map.score.veryNegative'],
]

/** "+2 very positive", the number isolated so that it keeps its sign in front in right-to-left text. */
const scoreLabel = (score: number, key: MessageKey) => `\u2066${formatScore(score)}\u2069 ${t(key)}`

export function EmotionRows() {
  const { store } = useMap()
  const map = () => store.state.map
  const svg = () => toSvgCurve(map(), locale().dir, { embedded: true, height: 120, labels: labelsFor(locale().code) })
  return (
    <>
      <tr class="curve-row">
        <th scope="row">{t('map.curve.heading')}</th>
        <td class="curve-cell" colSpan={Math.max(1, map().stages.length)}>
          <div class="curve" innerHTML={svg()} />
        </td>
      </tr>
      <tr class="score-row">
        <th scope="row">{t('map.score.heading')}</th>
        <For each={map().stages}>
          {(stage) => (
            <td class="score-cell" data-stage={stage.id}>
              <StageScore stage={stage} />
            </td>
          )}
        </For>
      </tr>
    </>
  )
}

function StageScore(props: { stage: { id: string; name: string } }) {
  const { store, canEdit, canRate, me } = useMap()
  const score = () => store.state.map.curve.find((p) => p.stageId === props.stage.id)?.score ?? null
  const own = () => store.state.emotions[props.stage.id]
  const ratings = () => store.ratingsOf(props.stage.id, me())
  const source = () =>
    own() !== undefined ? t('map.score.byFacilitator')
    : ratings().count ? t('map.score.average', { count: ratings().count })
    : t('map.score.notScored')
  const toScore = (v: string) => (v === '' ? null : Number(v))

  return (
    <div class="stage-score">
      <p class="score-value" data-score={score() ?? ''}>
        <bdi dir="ltr" class="score-number" classList={{ low: (score() ?? 0) < 0, high: (score() ?? 0) > 0 }}>
          {score() === null ? '–' : formatScore(score()!)}
        </bdi>
        <span class="score-source">{source()}</span>
      </p>
      <Show when={canEdit()}>
        <select
          class="score-select"
          aria-label={t('map.score.set', { stage: props.stage.name })}
          onChange={(e) => store.actions.setEmotion(props.stage.id, toScore(e.currentTarget.value))}
        >
          <option value="" selected={own() === undefined}>
            {t('map.score.unset')}
          </option>
          <For each={SCORES}>
            {([s, key]) => (
              <option value={s} selected={own() === s}>
                {scoreLabel(s, key)}
              </option>
            )}
          </For>
        </select>
      </Show>
      <Show when={canRate()}>
        <select
          class="score-select rate"
          aria-label={t('map.score.rate', { stage: props.stage.name })}
          onChange={(e) => store.actions.setRating(me(), props.stage.id, toScore(e.currentTarget.value))}
        >
          <option value="" selected={ratings().mine === null}>
            {t('map.score.yourRating')}
          </option>
          <For each={SCORES}>
            {([s, key]) => (
              <option value={s} selected={ratings().mine === s}>
                {scoreLabel(s, key)}
              </option>
            )}
          </For>
        </select>
      </Show>
    </div>
  )
}
