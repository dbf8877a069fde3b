// One small glyph per kind of note, so a kind is told apart by shape as well as by colour.
import type { NoteKind } from '../../../shared/schema.js'

const PATHS: Record<NoteKind, string> = {
  // a footstep arrow: something the customer does
  action: 'M4 12h12M12 6l6 6-6 6',
  // a target: where customer and company meet
  touchpoint: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8',
  question: 'M9 9a3 3 0 1 1 4.5 2.6c-.9.5-1.5 1.2-1.5 2.4M12 18h.01',
  feeling: 'M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z',
  pain: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  idea: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
}

export function KindIcon(props: { kind: NoteKind }) {
  return (
    // The action arrow points the way stages run, so it turns round in RTL.
    <svg class="kind-icon" classList={{ 'flip-rtl': props.kind === 'action' }} viewBox="0 0 24 24" aria-hidden="true">
      <path d={PATHS[props.kind]} />
    </svg>
  )
}
