// Small line icons for the workshop controls (emoji depend on fonts a workshop laptop may lack).
import './icons.css'
const props = { viewBox: '0 0 24 24', 'aria-hidden': true, class: 'ws-icon' } as const

export const BellIcon = (p: { off?: boolean }) => (
  <svg {...props}>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15L6 16zM10 20.5a2 2 0 0 0 4 0" />
    {p.off && <path d="M4 4l16 16" />}
  </svg>
)

export const GroupIcon = () => (
  <svg {...props}>
    <rect x="3" y="7" width="11" height="11" rx="2" />
    <path d="M8 7V5a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-5" />
  </svg>
)

export const LockIcon = (p: { open?: boolean }) => (
  <svg {...props}>
    <rect x="5" y="11" width="14" height="9" rx="2" />
    <path d={p.open ? 'M8 11V8a4 4 0 0 1 7.5-2' : 'M8 11V8a4 4 0 0 1 8 0v3'} />
  </svg>
)

export const CheckIcon = () => (
  <svg {...props}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </svg>
)

/** An arrow turning back: undo (mirrored right to left with `flip-rtl`, as is redo). */
export const UndoIcon = () => (
  <svg {...props}>
    <path d="M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </svg>
)

export const RedoIcon = () => (
  <svg {...props}>
    <path d="M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </svg>
)

/** A lamp casting its beam: the spotlight. */
export const SpotlightIcon = () => (
  <svg {...props}>
    <path d="M4 4l6 2-2 4-4-2zM9 8l9 9M6.5 9.5L14 21h7V14L9.5 6.5" />
  </svg>
)

/** Arrows coming together: bring everyone here. */
export const GatherIcon = () => (
  <svg {...props}>
    <circle cx="12" cy="12" r="2.5" />
    <path d="M3 12h5M16 12h5M12 3v5M12 16v5M6 10l2 2-2 2M18 10l-2 2 2 2" />
  </svg>
)

/** Footsteps: follow me. */
export const FollowIcon = () => (
  <svg {...props}>
    <path d="M7 4c1.7 0 2.5 1.8 2.5 4S8.7 12 7 12 4.5 10.2 4.5 8 5.3 4 7 4zM5 14h4M16 10c1.7 0 2.5 1.8 2.5 4s-.8 4-2.5 4-2.5-1.8-2.5-4 .8-4 2.5-4zM14 20h4" />
  </svg>
)

/** A magnifying glass: search. */
export const SearchIcon = () => (
  <svg {...props}>
    <circle cx="10.5" cy="10.5" r="6" />
    <path d="M15 15l5.5 5.5" />
  </svg>
)
