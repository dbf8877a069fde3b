// The comments of a map item, at its foot (the map's item slot: features/map/context.ts).
import { CommentsButton } from './CommentsButton.js'
import './MapItemComments.css'

export function MapItemComments(props: { id: string; name: string }) {
  return (
    <div class="map-item-comments">
      <CommentsButton targetId={props.id} name={props.name} />
    </div>
  )
}
