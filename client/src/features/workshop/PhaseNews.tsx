// A word in the phase row when the workshop moves on (a new phase, the notes or the votes revealed), for a
// while. On a phone the phase row stays at the top of the screen while the board scrolls, so whoever is deep
// in a stage sees it. (The phase itself is announced to screen readers by PhaseBar.)
import { Show, createEffect, createSignal, on, onCleanup } from 'solid-js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import './PhaseNews.css'

const NEWS_MS = 12_000
/** The session can follow the board's first sync by a moment; until then it is arriving, not changing. */
const SETTLE_MS = 1500

export function PhaseNews() {
  const w = useWorkshop()
  const s = () => w.store.state.session
  const [news, setNews] = createSignal<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let settledAt = Infinity
  createEffect(() => (settledAt = w.synced() ? performance.now() + SETTLE_MS : Infinity))
  const tell = (text: string) => {
    // What arrives with the board (opening it, coming back online) is how things are, not news.
    if (performance.now() < settledAt) return
    clearTimeout(timer)
    setNews(text)
    timer = setTimeout(() => setNews(null), NEWS_MS)
  }
  createEffect(on(() => s().phase, (p) => tell(t('phase.news.phase', { phase: t(`phase.${p}`) })), { defer: true }))
  createEffect(on(() => s().notesRevealed, (r) => r && tell(t('phase.news.notes')), { defer: true }))
  createEffect(on(() => s().votesRevealed, (r) => r && tell(t('phase.news.votes')), { defer: true }))
  onCleanup(() => clearTimeout(timer))

  return (
    <Show when={news()}>
      {(text) => (
        <p class="phase-news" data-testid="phase-news">
          {text()}
        </p>
      )}
    </Show>
  )
}
