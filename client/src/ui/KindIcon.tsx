// One small glyph per kind of note, so a kind is told apart by shape as well as by colour. Drawn in a box of 16
// units, the size it is shown at (1rem): unscaled, it is one thing fewer per card for the browser to track in every frame.
import type { NoteKind } from '../../../shared/schema.js'

const PATHS: Record<NoteKind, string> = {
  // a footstep arrow: something the customer does
  action: 'M2.6667 8h8M8 4l4 4-4 4',
  // a target: where customer and company meet
  touchpoint: 'M8 2a6 6 0 1 0 0 12a6 6 0 1 0 0-12M8 5.3333a2.6667 2.6667 0 1 0 0 5.3333a2.6667 2.6667 0 1 0 0-5.3333',
  question: 'M6 6a2 2 0 1 1 3 1.7333c-.6.3333-1 .8-1 1.6M8 12h.0067',
  feeling: 'M8 13.3333s-4.6667-2.9333-4.6667-6.6667a2.6667 2.6667 0 0 1 4.6667-1.7333A2.6667 2.6667 0 0 1 12.6667 6.6667c0 3.7333-4.6667 6.6667-4.6667 6.6667z',
  pain: 'M8 2.6667l6 10.6667H2zM8 6.6667v2.6667M8 11.3333h.0067',
  idea: 'M6 12h4M6.6667 14h2.6667M8 2a4 4 0 0 0-2.3333 7.2667c.4.3333.6667.8.6667 1.4h3.3333c0-.6.2667-1.0667.6667-1.4A4 4 0 0 0 8 2z',
}

export function KindIcon(props: { kind: NoteKind }) {
  return (
    // The action arrow points the way stages run, so it turns round in RTL.
    <svg class="kind-icon" classList={{ 'flip-rtl': props.kind === 'action' }} viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[props.kind]} />
    </svg>
  )
}
