// Board | Map: the two views of an open board, switchable at any time. The map opens by itself for everyone
// when the facilitator moves the workshop to the map (or done) phase; a choice holds until the phase changes.
// Being led (the facilitator's "bring everyone here", "follow me", the spotlight) asks for a view too: `wanted`.
import { ErrorBoundary, Show, Suspense, createEffect, createSignal, lazy, on, type Accessor, type Component, type JSX } from 'solid-js'
import type * as Y from 'yjs'
import type { Phase } from '../../../../shared/workshop.js'
import { useBoard } from '../board/index.js'
import type { BoardSession } from '../../lib/session.js'
import { t } from '../../i18n/i18n.js'
import { BoardLanguage, createBoardLang } from './BoardLanguage.js'
import { ExportMenu } from './ExportMenu.js'
import './BoardViews.css'

type View = 'board' | 'map'

// The map view is a chunk of its own, loaded when it is first shown: most of a workshop happens on the board.
// The service worker precaches it with the rest of the build, so it opens offline too.
const MapView = lazy(() => import('./MapView.js').then((m) => ({ default: m.MapView })))

export function BoardViews(props: {
  doc: Y.Doc
  session: Accessor<BoardSession | null>
  phase: Accessor<Phase>
  /** A view asked for by someone leading the room, anew with each seq. */
  wanted?: Accessor<{ view: View; seq: number } | null>
  /** The person chose a view themselves. */
  onChoose?: (v: View) => void
  /** Rendered at the foot of each map item (the workshop's comments on it). */
  itemFoot?: Component<{ id: string; name: string }>
  children: JSX.Element
}) {
  const { boardId } = useBoard()
  const phase = () => props.phase()
  const [chosen, setChosen] = createSignal<View | null>(null)
  createEffect(on(phase, () => setChosen(null), { defer: true }))
  createEffect(on(() => props.wanted?.(), (w) => w && setChosen(w.view), { defer: true }))
  const view = (): View => chosen() ?? (phase() === 'map' || phase() === 'done' ? 'map' : 'board')
  const token = () => props.session()?.token ?? null
  const role = () => props.session()?.role ?? null
  const lang = createBoardLang(props.doc)
  const who = () => {
    const s = props.session()
    return s?.role ? { personId: s.participantId, role: s.role } : null
  }

  const tab = (v: View, label: string) => (
    <button type="button" class="view-tab" data-view={v} aria-pressed={view() === v} onClick={() => {
      setChosen(v)
      props.onChoose?.(v)
    }}>
      {label}
    </button>
  )

  return (
    <>
      <div class="view-bar">
        <div class="view-switch" role="group" aria-label={t('map.view.label')}>
          {tab('board', t('map.view.board'))}
          {tab('map', t('map.view.map'))}
        </div>
        <BoardLanguage doc={props.doc} lang={lang} who={who} />
        <Show when={role() !== 'observer' && token()}>{(tk) => <ExportMenu boardId={boardId} token={tk()} lang={lang} />}</Show>
      </div>
      <Show when={view() === 'map'} fallback={props.children}>
        {/* Its chunk may be out of reach (offline, without the service worker): say so, and keep the error seen. */}
        <ErrorBoundary fallback={(err) => (console.error(err), <p class="error map-unavailable" role="alert">{t('map.loadFailed')}</p>)}>
          <Suspense fallback={<p class="hint map-loading" role="status">{t('map.loading')}</p>}>
            <MapView doc={props.doc} me={() => props.session()?.participantId ?? null} role={role} itemFoot={props.itemFoot} />
          </Suspense>
        </ErrorBoundary>
      </Show>
    </>
  )
}
