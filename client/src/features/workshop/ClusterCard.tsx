// A cluster: a grouped card inside its stage, with its name (editable by anyone while clustering), its
// notes, a way to dissolve it, and its votes. While clustering it moves, its notes with it: dragged by its
// handle (see board/noteDrag.ts), or with Alt and the arrow keys when it has the focus.
import { For, Show } from 'solid-js'
import { byOrder, type Cluster } from '../../../../shared/schema.js'
import { NoteCard, noteKeyCommand, useBoard } from '../board/index.js'
import { MarkedText } from '../../ui/MarkedText.js'
import { announce } from '../../lib/announce.js'
import { locale, t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { clusterTitle } from '../../../../shared/clusters.js'
import { VoteControl } from './VoteControl.js'
import { SpotlightButton } from './SpotlightButton.js'
import { DiscussionRow } from './DiscussionRow.js'
import './ClusterCard.css'

const NAME_LENGTH = 80

export function ClusterCard(props: { cluster: Cluster; noteIds: string[] }) {
  const { board, search } = useBoard()
  const w = useWorkshop()
  const title = () => clusterTitle(props.cluster, props.noteIds.map((id) => board.state.notes[id] ?? { text: '' }))
  const headingId = () => `cluster-${props.cluster.id}-name`

  function ungroup() {
    const first = props.noteIds[0]
    w.clustering.ungroup(props.cluster.id)
    announce(t('cluster.ungrouped', { name: title() }))
    if (first) document.getElementById(`note-${first}`)?.focus()
  }

  /** The clusters shown in a stage, in order (a cluster shows where its notes are). */
  function clustersIn(stageId: string) {
    const ids = new Set((board.state.stageNotes[stageId] ?? []).map((id) => board.state.notes[id]?.clusterId))
    return Object.values(w.store.state.clusters).filter((c) => ids.has(c.id)).sort(byOrder)
  }

  /** Alt and an arrow: to the neighbouring stage (left and right follow the screen), or a place up or down. */
  function onKeyDown(e: KeyboardEvent) {
    if (e.target !== e.currentTarget || !w.store.mayCluster()) return
    const cmd = noteKeyCommand(e, locale().dir === 'rtl')
    if (cmd?.type !== 'move') return
    e.preventDefault()
    const id = props.cluster.id
    const stages = board.state.stages
    const from = stages.findIndex((s) => clustersIn(s.id).some((c) => c.id === id))
    const stage = stages[from + cmd.dStage]
    const at = from < 0 ? -1 : clustersIn(stages[from]!.id).findIndex((c) => c.id === id)
    const index = cmd.dStage ? Math.min(at, clustersIn(stage?.id ?? '').length) : at + cmd.dIndex
    if (!stage || index < 0 || (!cmd.dStage && index >= clustersIn(stage.id).length)) return announce(t('cluster.notMoved'))
    w.clustering.move(id, stage.id, index)
    // Drawn anew in its new place, it has lost the focus.
    document.querySelector<HTMLElement>(`[data-cluster-id="${CSS.escape(id)}"]`)?.focus()
  }

  return (
    // role="listitem" said outright: its wrapper in the stage's list is role="none" (StageItems.tsx).
    <li
      role="listitem"
      class="cluster"
      classList={{ spotlit: w.lead.isSpotlit('cluster', props.cluster.id) }}
      data-cluster-id={props.cluster.id}
      hidden={search.active() && !props.noteIds.some(search.shows)}
      aria-labelledby={headingId()}
      tabIndex={w.store.mayCluster() ? 0 : undefined}
      aria-describedby={w.store.mayCluster() ? `cluster-${props.cluster.id}-hint` : undefined}
      onKeyDown={onKeyDown}
    >
      <div class="cluster-head">
        <Show when={w.store.mayCluster()}>
          <span class="drag-handle" data-drag-handle title={t('cluster.drag')} aria-hidden="true">
            ⠿
          </span>
          <span id={`cluster-${props.cluster.id}-hint`} class="visually-hidden">
            {t('cluster.moveHint')}
          </span>
        </Show>
        <Show
          when={w.store.mayCluster()}
          fallback={
            <h3 id={headingId()} class="cluster-name" dir="auto">
              <Show when={props.cluster.name.trim()} fallback={t('cluster.unnamed')}>
                {(name) => <MarkedText text={name()} ranges={search.marks(`cluster:${props.cluster.id}`, name())} />}
              </Show>
            </h3>
          }
        >
          <span id={headingId()} class="visually-hidden">
            {t('cluster.label', { name: title() })}
          </span>
          <input
            class="cluster-name-input"
            dir="auto"
            maxLength={NAME_LENGTH}
            placeholder={t('cluster.namePlaceholder')}
            aria-label={t('cluster.nameLabel', { text: title() })}
            value={props.cluster.name}
            onInput={(e) => w.clustering.rename(props.cluster.id, e.currentTarget.value)}
          />
        </Show>
        <span class="cluster-count">{t('stage.notes', { count: props.noteIds.length })}</span>
        <Show when={w.lead.isSpotlit('cluster', props.cluster.id)}>
          <span class="spotlight-tag">{t('spotlight.badge')}</span>
        </Show>
        <SpotlightButton kind="cluster" id={props.cluster.id} name={title()} />
        <Show when={w.store.mayCluster()}>
          <button type="button" class="button small subtle ungroup" aria-label={t('cluster.ungroup', { name: title() })} onClick={ungroup}>
            {t('cluster.ungroup.short')}
          </button>
        </Show>
      </div>
      <VoteControl itemId={props.cluster.id} name={title()} />
      <DiscussionRow targetId={props.cluster.id} name={title()} />
      <ol class="cluster-notes">
        <For each={props.noteIds}>{(id) => <NoteCard id={id} />}</For>
      </ol>
    </li>
  )
}
