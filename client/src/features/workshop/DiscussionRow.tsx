// What people said about a note or a cluster, at its foot: reactions, then the comments button at the line's end.
import { Show } from 'solid-js'
import { useWorkshop } from './context.js'
import { CommentsButton } from './CommentsButton.js'
import { ReactionButtons } from './ReactionButtons.js'
import './DiscussionRow.css'

export function DiscussionRow(props: { targetId: string; name: string }) {
  const w = useWorkshop()
  return (
    <Show when={!w.discussion.forCards().hidden}>
      <div class="discussion-row">
        <ReactionButtons targetId={props.targetId} name={props.name} />
        <CommentsButton targetId={props.targetId} name={props.name} />
      </div>
    </Show>
  )
}
