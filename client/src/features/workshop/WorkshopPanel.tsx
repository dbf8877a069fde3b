// The workshop above the board: the phase bar, the line where refusals and notices are said, what was kept
// for this person ("Kept for you"), the facilitator's suggested groups while clustering, whom this screen
// follows and what is in the spotlight, the discussion of the ranked items, the ranked result once votes
// are revealed, and the "Group with…" menu and the comments of a note, cluster or map item when one is open.
import { Show } from 'solid-js'
import { useWorkshop } from './context.js'
import { DraftsPanel } from './DraftsPanel.js'
import { GroupMenu } from './GroupMenu.js'
import { CommentThread } from './CommentThread.js'
import { PhaseBar } from './PhaseBar.js'
import { SuggestedGroups } from './SuggestedGroups.js'
import { Results } from './Results.js'
import { DiscussPanel } from './DiscussPanel.js'
import { FollowBar } from './FollowBar.js'
import { LeadControls } from './LeadControls.js'
import { SpotlightBar } from './SpotlightBar.js'
import './WorkshopPanel.css'

export function WorkshopPanel() {
  const w = useWorkshop()
  return (
    <div class="workshop-panel">
      <PhaseBar />
      <div class="workshop-message" role="alert" data-testid="workshop-message">
        <Show when={w.messages.message()}>
          {(m) => (
            <p class="message" classList={{ error: m().tone === 'error' }}>
              <span>{m().text}</span>
            </p>
          )}
        </Show>
      </div>
      <FollowBar />
      <Show when={w.store.isFacilitator()}>
        <LeadControls />
      </Show>
      <SpotlightBar />
      <DraftsPanel />
      <Show when={w.store.isFacilitator() && w.store.mayCluster()}>
        <SuggestedGroups />
      </Show>
      <Show when={w.store.state.session.phase === 'discuss'}>
        <DiscussPanel />
      </Show>
      <Show when={w.store.state.session.votesRevealed || w.store.state.rounds.length > 0}>
        <Results />
      </Show>
      <Show when={w.clustering.grouping()}>{(id) => <GroupMenu noteId={id()} />}</Show>
      <Show when={w.discussion.thread()} keyed>
        {(th) => <CommentThread targetId={th.targetId} name={th.name} />}
      </Show>
    </div>
  )
}
