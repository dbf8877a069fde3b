// The zoomed-out overview of the whole board: the stages row is scaled down until every stage and every note
// fits the screen, over the page; the toggle, Escape or a jump to a stage returns to the board as it was.
import { createSignal, onCleanup, type Accessor } from 'solid-js'

export interface BoardOverview {
  on: Accessor<boolean>
  toggle(): void
  close(): void
}

/** `scroller` is the board's stage row scroller (it holds `.stages`); `bar` the strip shown above the overview. */
export function createBoardOverview(scroller: () => HTMLElement | undefined, bar: () => HTMLElement | undefined): BoardOverview {
  const [on, setOn] = createSignal(false)
  let sizes: ResizeObserver | undefined
  let scrollBack = 0
  let scrollBackInline = 0

  function fit() {
    const el = scroller()
    const stages = el?.querySelector<HTMLElement>('.stages')
    if (!el || !stages) return
    const top = bar()?.offsetHeight ?? 0
    el.style.setProperty('--overview-top', `${top}px`)
    const style = getComputedStyle(el)
    const padInline = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd)
    const padBlock = parseFloat(style.paddingBlockStart) + parseFloat(style.paddingBlockEnd)
    // Layout sizes, which the scale does not change.
    const w = stages.offsetWidth
    const h = stages.offsetHeight
    const scale = Math.min(1, (innerWidth - padInline) / w, (innerHeight - top - padBlock) / h)
    el.style.setProperty('--overview-scale', String(Math.max(0.05, Math.floor(scale * 1000) / 1000)))
  }

  function onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || e.defaultPrevented) return
    // Escape in a field or an open dialog is theirs (it cancels an edit, closes the dialog).
    const t = e.target as HTMLElement | null
    if (t?.closest('input, textarea, select, [contenteditable], dialog')) return
    e.preventDefault()
    close()
  }

  function open() {
    const el = scroller()
    if (!el) return
    scrollBack = scrollY
    scrollBackInline = el.scrollLeft
    el.dataset.overview = ''
    el.scrollLeft = 0 // the whole row, from its first stage
    setOn(true)
    fit()
    sizes = new ResizeObserver(fit)
    const stages = el.querySelector('.stages')
    if (stages) sizes.observe(stages)
    addEventListener('resize', fit)
    document.addEventListener('keydown', onKey)
  }

  function close() {
    if (!on()) return
    const el = scroller()
    sizes?.disconnect()
    removeEventListener('resize', fit)
    document.removeEventListener('keydown', onKey)
    if (el) {
      delete el.dataset.overview
      el.style.removeProperty('--overview-scale')
      el.style.removeProperty('--overview-top')
      el.scrollLeft = scrollBackInline
    }
    setOn(false)
    scrollTo({ top: scrollBack })
  }

  onCleanup(close)
  return { on, toggle: () => (on() ? close() : open()), close }
}
