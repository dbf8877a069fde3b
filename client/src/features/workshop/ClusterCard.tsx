// A cluster: a grouped card inside its stage, with its name (editable by anyone while clustering), its
// notes, a way to dissolve it, and its votes.
import { For, Show } from 'solid-js'
import type { Cluster } from '../../../../shared/schema.js'
import { useBoard } from '../board/context.js'
import { NoteCard } from '../board/NoteCard.js'
import { announce } from '../../lib/announce.js'
import { t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { clusterTitle } from './results.js'
import { VoteControl } from './VoteControl.js'

const NAME_LENGTH = 80

export function ClusterCard(props: { cluster: Cluster; noteIds: string[] }) {
  const { board } = useBoard()
  const w = useWorkshop()
  const title = () => clusterTitle(board.state, props.cluster, props.noteIds)
  const headingId = () => `cluster-${props.cluster.id}-name`

  function ungroup() {
    const first = props.noteIds[0]
    w.clusters.ungroup(props.cluster.id)
    announce(t('cluster.ungrouped', { name: title() }))
    if (first) document.getElementById(`note-${first}`)?.focus()
  }

  return (
    <li class="cluster" data-cluster-id={props.cluster.id} aria-labelledby={headingId()}>
      <div class="cluster-head">
        <Show
          when={w.mayCluster()}
          fallback={
            <h3 id={headingId()} class="cluster-name" dir="auto">
              {props.cluster.name.trim() || t('cluster.unnamed')}
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
            onInput={(e) => w.clusters.rename(props.cluster.id, e.currentTarget.value)}
          />
        </Show>
        <span class="cluster-count">{t('stage.notes', { count: props.noteIds.length })}</span>
        <Show when={w.mayCluster()}>
          <button type="button" class="button small subtle ungroup" aria-label={t('cluster.ungroup', { name: title() })} onClick={ungroup}>
            {t('cluster.ungroup.short')}
          </button>
        </Show>
      </div>
      <VoteControl itemId={props.cluster.id} name={title()} />
      <ol class="cluster-notes">
        <For each={props.noteIds}>{(id) => <NoteCard id={id} />}</For>
      </ol>
    </li>
  )
}
