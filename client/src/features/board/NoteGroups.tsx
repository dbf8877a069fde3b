// A stage's notes in groups of a few cards, in board order. The browser skips drawing a group while it is off
// screen (content-visibility), one group at a time rather than one card at a time: a thousand cards each
// skipped on its own cost Chromium work in every frame for each (an intersection to compute, a layer to hit
// test). Skipped cards are still in the page: find-in-page and screen readers reach every note.
import { For } from 'solid-js'
import { createChunks } from '../../lib/chunks.js'
import { useBoard } from './context.js'
import { NoteCard } from './NoteCard.js'

/** Cards per group: big enough for few groups, small enough that a group on screen draws little beyond it. */
export const NOTES_PER_GROUP = 10

export function NoteGroups(props: { ids: readonly string[] }) {
  const { search } = useBoard()
  const groups = createChunks(() => props.ids, NOTES_PER_GROUP)
  return (
    <For each={groups()}>
      {(group) => (
        // role="none": to assistive technology the cards are items of the stage's one list.
        <ol class="note-group" role="none" style={{ '--cards': group.items().length }} hidden={!group.items().some(search.shows)}>
          <For each={group.items()}>{(id) => <NoteCard id={id} />}</For>
        </ol>
      )}
    </For>
  )
}
