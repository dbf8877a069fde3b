// When the stages do not all fit the screen: a compact row of their names above the board that marks the ones
// in view and jumps to any (click or Enter), previous and next, where we are ("3–5 / 8"), and the zoomed-out
// overview of the whole board. On a phone, one stage per screen, it is the pager: the stage's name, "2 / 5",
// previous and next, at the bottom of the screen within reach of a thumb (swiping works too).
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js'
import { formatNumber, t } from '../../i18n/i18n.js'
import { stageElementId } from '../presence/index.js'
import { createBoardOverview } from './boardOverview.js'
import { useBoard } from './context.js'
import './StageStrip.css'

export function StageStrip(props: { scroller: () => HTMLElement | undefined }) {
  const { board } = useBoard()
  let bar: HTMLElement | undefined
  const [inView, setInView] = createSignal<ReadonlySet<string>>(new Set())
  const [overflowing, setOverflowing] = createSignal(false)
  const overview = createBoardOverview(props.scroller, () => bar)

  const ids = () => board.state.stages.map((s) => s.id)
  const shown = createMemo(() => {
    const seen = inView()
    const idx = ids().flatMap((id, i) => (seen.has(id) ? [i] : []))
    return idx.length ? { first: idx[0]!, last: idx[idx.length - 1]! } : { first: 0, last: 0 }
  })
  const count = () => board.state.stages.length

  // Which stages are at least half in the scroller, whatever scrolled it (a swipe, the wheel, a jump).
  const ratios = new Map<string, number>()
  let seen: IntersectionObserver | undefined
  let sizes: ResizeObserver | undefined
  const measureOverflow = () => {
    const el = props.scroller()
    const stages = el?.querySelector<HTMLElement>('.stages')
    if (!el || !stages || overview.on()) return
    setOverflowing(stages.offsetWidth > el.clientWidth + 1)
  }
  onMount(() => {
    const el = props.scroller()
    if (!el) return
    seen = new IntersectionObserver(
      (entries) => {
        for (const e of entries) ratios.set((e.target as HTMLElement).dataset.stageId ?? '', e.intersectionRatio)
        setInView(new Set([...ratios].filter(([, r]) => r >= 0.5).map(([id]) => id)))
      },
      { root: el, threshold: [0, 0.25, 0.5, 0.75, 1] },
    )
    sizes = new ResizeObserver(measureOverflow)
    sizes.observe(el)
    const stages = el.querySelector('.stages')
    if (stages) sizes.observe(stages)
  })
  // Stages come and go: watch the ones there are (after they are rendered; measured in the next frame, whose
  // layout it is anyway, rather than laying out a whole board in the task that rendered it).
  createEffect(
    on(ids, (list) => {
      requestAnimationFrame(() => {
        if (!seen) return
        seen.disconnect()
        ratios.clear()
        for (const id of list) {
          const col = document.getElementById(stageElementId(id))
          if (col) seen.observe(col)
        }
        measureOverflow()
      })
    }),
  )
  // Back from the overview, the row has its own size again.
  createEffect(on(overview.on, (o) => !o && queueMicrotask(measureOverflow), { defer: true }))
  onCleanup(() => {
    seen?.disconnect()
    sizes?.disconnect()
    seen = undefined
  })

  function go(i: number) {
    const stage = board.state.stages[i]
    if (!stage) return
    overview.close()
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches
    document.getElementById(stageElementId(stage.id))?.scrollIntoView({
      inline: 'start',
      block: 'nearest',
      behavior: reduce ? 'auto' : 'smooth',
    })
  }

  const position = () => {
    const { first, last } = shown()
    return first === last
      ? t('strip.position', { n: first + 1, count: count() })
      : t('strip.range', { from: first + 1, to: last + 1, count: count() })
  }

  return (
    <Show when={overflowing() || overview.on()}>
      <nav
        ref={bar}
        class="stage-strip"
        classList={{ 'in-overview': overview.on() }}
        aria-label={t('strip.label')}
        data-testid="stage-strip"
        data-moves-view
      >
        <button
          type="button"
          class="icon-button strip-step"
          aria-label={t('strip.previous')}
          data-testid="strip-previous"
          disabled={shown().first === 0}
          onClick={() => go(shown().first - 1)}
        >
          <span class="flip-rtl" aria-hidden="true">‹</span>
        </button>
        <ol class="strip-list">
          <For each={board.state.stages}>
            {(stage, i) => (
              <li>
                <button
                  type="button"
                  class="strip-item"
                  aria-current={inView().has(stage.id) ? 'true' : undefined}
                  data-stage-id={stage.id}
                  onClick={() => go(i())}
                >
                  <span class="strip-num" aria-hidden="true">
                    {formatNumber(i() + 1)}
                  </span>
                  <bdi class="strip-name">{stage.name}</bdi>
                </button>
              </li>
            )}
          </For>
        </ol>
        <p class="strip-now" aria-live="polite" data-testid="strip-now">
          <bdi class="strip-now-name">{board.state.stages[shown().first]?.name}</bdi>{' '}
          <span class="strip-position" data-testid="strip-position">
            {position()}
          </span>
        </p>
        <button
          type="button"
          class="icon-button strip-step"
          aria-label={t('strip.next')}
          data-testid="strip-next"
          disabled={shown().last >= count() - 1}
          onClick={() => go(shown().first + 1)}
        >
          <span class="flip-rtl" aria-hidden="true">›</span>
        </button>
        <button
          type="button"
          class="button small strip-overview"
          aria-pressed={overview.on()}
          title={t('overview.hint')}
          data-testid="overview-toggle"
          onClick={() => overview.toggle()}
        >
          {t('overview.show')}
        </button>
      </nav>
    </Show>
  )
}
