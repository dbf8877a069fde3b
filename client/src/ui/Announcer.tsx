// The live region that speaks announce() messages.
import { announcement } from '../lib/announce.js'

export function Announcer() {
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement()}
    </div>
  )
}
