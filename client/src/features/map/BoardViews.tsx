// Board | Map: the two views of an open board, switchable at any time. The map opens by itself for everyone
// when the facilitator moves the workshop to the map (or done) phase; a choice holds until the phase changes.
import { Show, createEffect, createSignal, on, type Accessor, type JSX } from 'solid-js'
import type * as Y from 'yjs'
import { useBoard } from '../board/context.js'
import type { BoardSession } from '../../lib/session.js'
import { t } from '../../i18n/i18n.js'
import { ExportMenu } from './ExportMenu.js'
import { MapView } from './MapView.js'
import { createSessionSignal } from './sessionSignal.js'
import './map.css'

type View = 'board' | 'map'

export function BoardViews(props: { doc: Y.Doc; session: Accessor<BoardSession | null>; children: JSX.Element }) {
  const { boardId } = useBoard()
  const session = createSessionSignal(props.doc)
  const phase = () => session().phase
  const [chosen, setChosen] = createSignal<View | null>(null)
  createEffect(on(phase, () => setChosen(null), { defer: true }))
  const view = (): View => chosen() ?? (phase() === 'map' || phase() === 'done' ? 'map' : 'board')
  const token = () => props.session()?.token ?? null
  const role = () => props.session()?.role ?? null

  const tab = (v: View, label: string) => (
    <button type="button" class="view-tab" data-view={v} aria-pressed={view() === v} onClick={() => setChosen(v)}>
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
        <Show when={role() !== 'observer' && token()}>{(tk) => <ExportMenu boardId={boardId} token={tk()} />}</Show>
      </div>
      <Show when={view() === 'map'} fallback={props.children}>
        <MapView doc={props.doc} me={() => props.session()?.participantId ?? null} role={role} />
      </Show>
    </>
  )
}
